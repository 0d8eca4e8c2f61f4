using Startpunt.Web.Domain;

namespace Startpunt.Web.OfferSearch;

/// <summary>What the result order depends on.</summary>
public readonly record struct OrderKey(int Id, string ProviderName, string ProductName, double? Km, Stoplight Light);

/// <summary>
/// The result order every engine gives, written once for the engines that order in memory:
/// confirmed offers always before "onbekend" ones; then by the chosen sort; help at home (no distance) before
/// offers at a location; ties by provider name (ordinal), then id, so that the order is total.
/// </summary>
public static class OfferOrder
{
    public static IEnumerable<T> Apply<T>(IEnumerable<T> hits, SearchSort sort, Func<T, OrderKey> key)
    {
        var keyed = hits.Select(h =>
        {
            var k = key(h);
            return (Hit: h, Key: k,
                Name: sort == SearchSort.Name ? SortKeys.Name(k.ProviderName) : "",
                Product: sort == SearchSort.Name ? SortKeys.Name(k.ProductName) : "");
        });
        var byKnown = keyed.OrderBy(h => h.Key.Light.IsKnown ? 0 : 1);
        var sorted = sort switch
        {
            SearchSort.WaitingTime => byKnown.ThenBy(h => h.Key.Light.IntakeOpen ? 0 : 1).ThenBy(h => h.Key.Light.WaitingWeeks)
                .ThenBy(h => h.Key.Km is null ? 0 : 1).ThenBy(h => h.Key.Km ?? 0),
            SearchSort.Name => byKnown.ThenBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.Product, StringComparer.Ordinal),
            _ => byKnown.ThenBy(h => h.Key.Km is null ? 0 : 1).ThenBy(h => h.Key.Km ?? 0),
        };
        return sorted.ThenBy(h => h.Key.ProviderName, StringComparer.Ordinal).ThenBy(h => h.Key.Id).Select(h => h.Hit);
    }

    /// <summary>The page to show: asked pages past the end give the last page.</summary>
    public static (int Page, int PageSize) Page(int requested, int requestedSize, int total)
    {
        var pageSize = Math.Clamp(requestedSize, 1, 100);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (Math.Clamp(requested, 1, pageCount), pageSize);
    }
}
