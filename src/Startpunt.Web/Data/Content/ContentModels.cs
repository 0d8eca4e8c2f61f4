namespace Startpunt.Web.Data.Content;

// Shapes of the YAML files in content/. Property names map to camelCase keys.

public sealed class RegionFile
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Source { get; set; } = "";
    public string Intro { get; set; } = "";
    public StoplightFile Stoplight { get; set; } = new();
    /// <summary>Websites (origins such as https://www.hoorn.nl) that may show the embedded search (/embed) in an iframe.</summary>
    public List<string> EmbedAllowedOrigins { get; set; } = [];
    public List<LotFile> Lots { get; set; } = [];
}

public sealed class StoplightFile
{
    public int GreenMaxWeeks { get; set; } = 2;
    public int OrangeMaxWeeks { get; set; } = 6;
    public int FreshnessDays { get; set; } = 14;
}

public sealed class LotFile
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<ProductFile> Products { get; set; } = [];
}

public sealed class ProductFile
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Category { get; set; } = "";
    public string? ProductCode { get; set; }
    public string Kind { get; set; } = "";
    public string Delivery { get; set; } = "";
    public string Description { get; set; } = "";
    public List<LevelFile> Levels { get; set; } = [];
}

public sealed class LevelFile
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
}

public sealed class TargetGroupsFile
{
    public List<SectorFile> Sectors { get; set; } = [];
    public List<NamedFile> CrossCutting { get; set; } = [];
}

public sealed class SectorFile
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public List<NamedFile> Groups { get; set; } = [];
}

public sealed class NamedFile
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
}

public sealed class DemoFile
{
    public List<string> ProviderNamePrefixes { get; set; } = [];
    public List<string> ProviderNameCores { get; set; } = [];
    public List<string> StreetNames { get; set; } = [];
    public Dictionary<string, List<string>> Activities { get; set; } = [];
    public Dictionary<string, List<string>> Descriptions { get; set; } = [];
}

/// <summary>content/search-words.yml: synonyms and resident words for free-text search.</summary>
public sealed class SearchWordsFile
{
    public Dictionary<string, List<string>> Synonyms { get; set; } = [];
    public Dictionary<string, SearchWordFact> Facts { get; set; } = [];
}

public sealed class SearchWordFact
{
    /// <summary>"offered" or "wheelchair".</summary>
    public string? Transport { get; set; }
    public string? TargetGroup { get; set; }
}
