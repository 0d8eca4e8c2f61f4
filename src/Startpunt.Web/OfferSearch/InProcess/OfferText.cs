namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>The searchable text of one offer as words: lower case, without diacritics, each once.</summary>
public sealed class OfferText
{
    public static readonly OfferText Empty = new([]);

    public OfferText(string[] words) => Words = words;

    public string[] Words { get; }

    public static OfferText From(string text, StringPool pool) =>
        new(SearchText.Fold(text).Split(NotWordChars(text), StringSplitOptions.RemoveEmptyEntries).Distinct().Select(pool.Get).ToArray());

    /// <summary>Every term is a word of the text or the start of one.</summary>
    public bool Matches(IReadOnlyList<string> foldedTerms)
    {
        foreach (var term in foldedTerms)
        {
            var found = false;
            foreach (var word in Words)
            {
                if (word.StartsWith(term, StringComparison.Ordinal)) { found = true; break; }
            }
            if (!found) return false;
        }
        return true;
    }

    private static char[] NotWordChars(string text) => SearchText.Fold(text).Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray();
}
