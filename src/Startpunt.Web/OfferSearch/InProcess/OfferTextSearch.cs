namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>Turns typed text into a <see cref="TextQuery"/> the in-process engine tests offers with.</summary>
public sealed class OfferTextSearch
{
    public TextQuery? Prepare(string? text)
    {
        var terms = SearchText.Terms(text).Select(SearchText.Fold).Distinct().ToArray();
        return terms.Length == 0 ? null : new TextQuery(terms);
    }
}

/// <summary>The words asked for: every one must be a word of the offer's text or the start of one.</summary>
public sealed class TextQuery(string[] terms)
{
    public bool Matches(OfferText text) => text.Matches(terms);
}
