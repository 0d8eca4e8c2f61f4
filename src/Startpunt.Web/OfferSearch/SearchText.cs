using System.Globalization;
using System.Text;

namespace Startpunt.Web.OfferSearch;

/// <summary>
/// What every engine does with typed text, so that they agree on which words were asked for: letters and digits
/// make words, everything else separates them, at most 8 distinct words, lower case.
/// </summary>
public static class SearchText
{
    public const int MaxTerms = 8;

    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormC) + " ")
        {
            if (char.IsLetterOrDigit(ch)) current.Append(char.ToLowerInvariant(ch));
            else if (current.Length > 0) { terms.Add(current.ToString()); current.Clear(); }
        }
        return terms.Distinct().Take(MaxTerms).ToList();
    }

    /// <summary>Lower case without diacritics ("Crèche" -> "creche"): how FTS5's unicode61 tokenizer and Meilisearch compare words.</summary>
    public static string Fold(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(ch));
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}

/// <summary>
/// Sort keys that every engine orders the same way, independent of the reader's language: names by
/// <see cref="SearchText.Fold"/> compared ordinally, ties by the exact name compared ordinally, then by id.
/// </summary>
public static class SortKeys
{
    public static string Name(string name) => SearchText.Fold(name);

    /// <summary>
    /// A string whose lexicographic order, even after an engine lower-cases it, is the ordinal (UTF-16) order of
    /// <paramref name="value"/>: four hex digits per code unit.
    /// </summary>
    public static string Ordinal(string value)
    {
        var hex = new StringBuilder(value.Length * 4);
        foreach (var ch in value) hex.Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
        return hex.ToString();
    }
}
