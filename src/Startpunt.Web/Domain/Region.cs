namespace Startpunt.Web.Domain;

/// <summary>Municipalities that buy Wmo support together, each with its own catalogue (content/regions/&lt;slug&gt;).</summary>
public sealed class Region
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public string Intro { get; set; } = "";
    public string Source { get; set; } = "";
    public int GreenMaxWeeks { get; set; } = StoplightRules.Default.GreenMaxWeeks;
    public int OrangeMaxWeeks { get; set; } = StoplightRules.Default.OrangeMaxWeeks;
    public int FreshnessDays { get; set; } = StoplightRules.Default.FreshnessDays;

    public List<Municipality> Municipalities { get; } = [];
    public List<Lot> Lots { get; } = [];

    public StoplightRules Rules => new(GreenMaxWeeks, OrangeMaxWeeks, FreshnessDays);
}

/// <summary>A gemeente, identified by its CBS code (GM0405).</summary>
public sealed class Municipality
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary>The province (provincie), from gemeenten.csv; addresses in the open data name it.</summary>
    public string Province { get; set; } = "";
    public string? RegionId { get; set; }
    public Region? Region { get; set; }
}
