using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Options;
using Startpunt.Web.Data;

namespace Startpunt.Web.Geo;

/// <summary>A place (woonplaats) and the PC4 areas it has, from pc4_places.csv in the open data.</summary>
public sealed record Place(string Name, string MunicipalityCode, string Municipality, IReadOnlyList<int> Pc4s)
{
    /// <summary>The PC4 that stands for the whole place: the lowest one, usually the old centre.</summary>
    public int MainPc4 => Pc4s[0];
}

/// <summary>
/// Place names a person may type where a postcode is asked ("Hoorn", "'s-Hertogenbosch", "den bosch" does not count).
/// Read once from ../shared/data/pc4_places.csv (about 4,300 rows); matching ignores case, accents and punctuation.
/// </summary>
public sealed class PlaceDirectory
{
    private readonly Lazy<IReadOnlyList<Place>> _places;

    public PlaceDirectory(IOptions<PathOptions> paths) =>
        _places = new Lazy<IReadOnlyList<Place>>(() => Load(Path.Combine(paths.Value.ResolvedOpenData ?? "", "pc4_places.csv")));

    public IReadOnlyList<Place> All => _places.Value;

    /// <summary>The place with exactly this name (after folding), or null. A name used in two municipalities gives the larger.</summary>
    public Place? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = Fold(name);
        return key.Length == 0 ? null : All.Where(p => Fold(p.Name) == key).MaxBy(p => p.Pc4s.Count);
    }

    /// <summary>Places whose name starts with (then contains) what was typed; for suggestions under the field.</summary>
    public IReadOnlyList<Place> Suggest(string? typed, int max = 8)
    {
        if (string.IsNullOrWhiteSpace(typed)) return [];
        var key = Fold(typed);
        if (key.Length < 2) return [];
        return All.Select(p => (Place: p, Key: Fold(p.Name)))
            .Where(p => p.Key.Contains(key, StringComparison.Ordinal))
            .OrderBy(p => p.Key.StartsWith(key, StringComparison.Ordinal) ? 0 : 1)
            .ThenByDescending(p => p.Place.Pc4s.Count)
            .ThenBy(p => p.Place.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(p => p.Place)
            .ToList();
    }

    /// <summary>Lower case, no accents, letters and digits only: "'s-Hertogenbosch" and "s hertogenbosch" fold alike.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static IReadOnlyList<Place> Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Open data file not found: {path}. Set Paths:OpenDataDirectory to the shared/data folder.", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() });
        return csv.GetRecords<Row>()
            .GroupBy(r => (r.Place, r.GemeenteCode))
            .Select(g => new Place(g.Key.Place, g.Key.GemeenteCode, g.First().Municipality, g.Select(r => r.Pc4).Distinct().Order().ToList()))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record Row(int Pc4, string Place, string GemeenteCode, string Municipality);
}
