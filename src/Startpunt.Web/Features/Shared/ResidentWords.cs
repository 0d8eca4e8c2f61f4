using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// Product and level names in words residents use ("Dagbesteding in een kleine groep, met meer begeleiding"), from
/// content/regions/*/resident-words.yml; the region's own name ("Dagbesteding B") stays beside it for professionals.
/// Read again when a file changes.
/// </summary>
public sealed class ResidentWords(ContentStore content)
{
    private (DateTime Written, IReadOnlyDictionary<string, ResidentWordsFile> Words) _cache = (DateTime.MinValue, new Dictionary<string, ResidentWordsFile>());

    private IReadOnlyDictionary<string, ResidentWordsFile> Words
    {
        get
        {
            var written = content.RegionFilesWritten("resident-words.yml");
            var cache = _cache;
            if (cache.Written != written) _cache = cache = (written, content.ResidentWords());
            return cache.Words;
        }
    }

    /// <summary>The resident's words for a product, or null when the region gives none.</summary>
    public string? Product(string regionId, string productCode) => Product(Words.GetValueOrDefault(regionId), productCode);

    public string? Level(string regionId, string levelCode) => Level(Words.GetValueOrDefault(regionId), levelCode);

    private static string? Product(ResidentWordsFile? words, string productCode) =>
        words?.Products.GetValueOrDefault(productCode) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static string? Level(ResidentWordsFile? words, string levelCode) =>
        words?.Levels.GetValueOrDefault(levelCode) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>
    /// What a resident reads for an offer's product and level, and the region's own name for professionals:
    /// ("Dagbesteding in een kleine groep, met meer begeleiding, om nieuwe dingen te leren", "Dagbesteding B - Ontwikkelgericht").
    /// Without words for the product, both are the region's name.
    /// </summary>
    public (string Resident, string Code) Describe(string regionId, string productCode, string productName, string? levelCode, string? levelName)
    {
        var code = levelName is null ? productName : $"{productName} - {levelName}";
        var words = Words.GetValueOrDefault(regionId);
        var product = Product(words, productCode);
        if (product is null) return (code, code);
        var level = levelCode is null ? null : Level(words, levelCode) ?? levelName?.ToLowerInvariant();
        return (level is null ? product : $"{product}, {level}", code);
    }
}
