using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>
/// The language part of text search: words as every engine splits them (<see cref="SearchText"/>), folded (lower
/// case, no diacritics), and their Dutch stem from Lucene.Net's Snowball stemmer ("tuinieren" and "tuinier" meet).
/// </summary>
public static class DutchWords
{
    [ThreadStatic] private static DutchStemmer? _stemmer;
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);

    /// <summary>The folded words of a text, each once, in order.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var folded = SearchText.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    /// <summary>The Dutch stem of a folded word (remembered: the vocabulary is small).</summary>
    public static string Stem(string word)
    {
        if (word.Length < 4 || !char.IsLetter(word[0])) return word;
        if (Stems.TryGetValue(word, out var known)) return known;
        var stemmer = _stemmer ??= new DutchStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        if (Stems.Count < 500_000) Stems[word] = stem;
        return stem;
    }

    /// <summary>
    /// At most one edit (insert, delete, substitute, or swap of two neighbours) turns <paramref name="a"/> into
    /// <paramref name="b"/> (a bounded Damerau-Levenshtein test, linear in the length).
    /// </summary>
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (i == a.Length && i == b.Length) return true;
        if (a.Length == b.Length)
        {
            if (a[(i + 1)..].SequenceEqual(b[(i + 1)..])) return true;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
        }
        return a.Length > b.Length ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
    }
}
