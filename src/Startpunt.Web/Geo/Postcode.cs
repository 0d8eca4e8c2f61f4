using System.Text.RegularExpressions;

namespace Startpunt.Web.Geo;

public enum PostcodeProblem { None, Empty, Malformed }

/// <summary>
/// A Dutch postcode as typed by a person: "1621 AB", "1621AB", "1621ab" and "1621" all mean area 1621.
/// </summary>
public readonly partial record struct Postcode(int Pc4, string? Letters)
{
    public override string ToString() => Letters is null ? Pc4.ToString("D4") : $"{Pc4:D4} {Letters}";

    public static PostcodeProblem TryParse(string? input, out Postcode postcode)
    {
        postcode = default;
        if (string.IsNullOrWhiteSpace(input)) return PostcodeProblem.Empty;
        var match = Pattern().Match(input.Trim());
        if (!match.Success) return PostcodeProblem.Malformed;
        var digits = int.Parse(match.Groups["digits"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var letters = match.Groups["letters"].Success ? match.Groups["letters"].Value.ToUpperInvariant() : null;
        postcode = new Postcode(digits, letters);
        return PostcodeProblem.None;
    }

    // Dutch postcodes run 1000-9999; the letter pairs SA, SD and SS are never issued.
    [GeneratedRegex(@"^(?<digits>[1-9][0-9]{3})\s?(?<letters>(?![sS][aAdDsS])[a-zA-Z]{2})?$")]
    private static partial Regex Pattern();
}
