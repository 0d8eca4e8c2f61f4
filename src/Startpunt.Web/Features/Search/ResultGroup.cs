using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Features.Search;

/// <summary>
/// One card of the result list: a provider's location with its offers, or a provider's help at home. Offers that follow
/// each other in the chosen order and share a location (or, at home, a provider) share a card; the order itself is
/// never changed, so sorting by waiting time still reads top to bottom.
/// </summary>
public sealed record ResultGroup(OfferHit First, IReadOnlyList<OfferHit> Offers)
{
    public static IReadOnlyList<ResultGroup> Of(IReadOnlyList<OfferHit> hits)
    {
        var groups = new List<ResultGroup>();
        var run = new List<OfferHit>();
        foreach (var hit in hits)
        {
            if (run.Count > 0 && !SamePlace(run[0], hit))
            {
                groups.Add(new ResultGroup(run[0], run));
                run = [];
            }
            run.Add(hit);
        }
        if (run.Count > 0) groups.Add(new ResultGroup(run[0], run));
        return groups;
    }

    /// <summary>Where the card's location is: its name and town (once when they are the same).</summary>
    public string Place
    {
        get
        {
            var (name, town) = (First.LocationName, First.Town);
            if (string.IsNullOrWhiteSpace(name)) return string.IsNullOrWhiteSpace(town) ? "" : town;
            return string.IsNullOrWhiteSpace(town) || town == name ? name : $"{name}, {town}";
        }
    }

    private static bool SamePlace(OfferHit a, OfferHit b) =>
        a.ProviderId == b.ProviderId && a.LocationId == b.LocationId;
}
