using Startpunt.Web.Domain;

namespace Startpunt.Web.OfferSearch;

/// <summary>
/// What the result order depends on. <paramref name="NameKey"/> and <paramref name="ProductKey"/> are
/// <see cref="SortKeys.Name"/> of the provider and product names; an engine that keeps them ready passes them,
/// otherwise <see cref="OfferOrder.Apply{T}"/> computes them.
/// </summary>
public readonly record struct OrderKey(
    int Id, string ProviderName, string ProductName, double? Km, Stoplight Light, string? NameKey = null, string? ProductKey = null);

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
            return (Hit: h, Key: sort == SearchSort.Name
                ? k with { NameKey = k.NameKey ?? SortKeys.Name(k.ProviderName), ProductKey = k.ProductKey ?? SortKeys.Name(k.ProductName) }
                : k);
        }).ToList();
        var comparer = Comparer(sort);
        keyed.Sort((a, b) => comparer.Compare(a.Key, b.Key));
        return keyed.Select(h => h.Hit);
    }

    /// <summary>The order as a comparer (for <see cref="SearchSort.Name"/> the keys must carry their name keys).</summary>
    public static IComparer<OrderKey> Comparer(SearchSort sort) => sort switch
    {
        SearchSort.WaitingTime => ByWaitingTime,
        SearchSort.Name => ByName,
        _ => ByDistance,
    };

    private static readonly IComparer<OrderKey> ByDistance = Comparer<OrderKey>.Create((a, b) => Compare(a, b, SearchSort.Distance));
    private static readonly IComparer<OrderKey> ByWaitingTime = Comparer<OrderKey>.Create((a, b) => Compare(a, b, SearchSort.WaitingTime));
    private static readonly IComparer<OrderKey> ByName = Comparer<OrderKey>.Create((a, b) => Compare(a, b, SearchSort.Name));

    /// <summary>The order itself: below zero when <paramref name="a"/> comes first.</summary>
    public static int Compare(in OrderKey a, in OrderKey b, SearchSort sort)
    {
        var c = CompareBeforeNames(a.Light, a.Km, b.Light, b.Km, sort);
        if (c != 0) return c;
        if (sort == SearchSort.Name)
        {
            c = string.CompareOrdinal(a.NameKey, b.NameKey);
            if (c != 0) return c;
            c = string.CompareOrdinal(a.ProductKey, b.ProductKey);
            if (c != 0) return c;
        }
        c = string.CompareOrdinal(a.ProviderName, b.ProviderName);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }

    /// <summary>
    /// The part of <see cref="Compare"/> that needs no names: confirmed first, then the chosen sort's numbers (wait,
    /// distance). Not zero means <see cref="Compare"/> says the same; an engine can decide most hits with it alone.
    /// </summary>
    public static int CompareBeforeNames(Stoplight a, double? kmA, Stoplight b, double? kmB, SearchSort sort)
    {
        var c = (a.IsKnown ? 0 : 1).CompareTo(b.IsKnown ? 0 : 1);
        if (c != 0) return c;
        switch (sort)
        {
            case SearchSort.WaitingTime:
                c = (a.IntakeOpen ? 0 : 1).CompareTo(b.IntakeOpen ? 0 : 1);
                if (c != 0) return c;
                c = a.WaitingWeeks.CompareTo(b.WaitingWeeks);
                return c != 0 ? c : CompareKm(kmA, kmB);
            case SearchSort.Name:
                return 0;
            default:
                return CompareKm(kmA, kmB);
        }
    }

    /// <summary>No distance (help at home) first, then nearest first.</summary>
    private static int CompareKm(double? a, double? b)
    {
        var c = (a is null ? 0 : 1).CompareTo(b is null ? 0 : 1);
        return c != 0 ? c : (a ?? 0).CompareTo(b ?? 0);
    }

    /// <summary>The page to show: asked pages past the end give the last page.</summary>
    public static (int Page, int PageSize) Page(int requested, int requestedSize, int total)
    {
        var pageSize = Math.Clamp(requestedSize, 1, 100);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (Math.Clamp(requested, 1, pageCount), pageSize);
    }
}
