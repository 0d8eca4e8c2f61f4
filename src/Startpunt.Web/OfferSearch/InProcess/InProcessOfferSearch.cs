using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>
/// The search answered from <see cref="InProcessOfferIndex"/>, without the database: the region's snapshot gives
/// the offers in the box and the help at home for the municipality; filters, the stoplight (derived at query time,
/// as every engine does), text, <see cref="OfferOrder"/> and the page are computed here.
/// </summary>
public sealed class InProcessOfferSearch(InProcessOfferIndex index, OfferTextSearch text, TimeProvider clock) : IOfferSearch
{
    public const string EngineName = "inprocess";

    public Task<OfferSearchResult> SearchAsync(OfferSearchQuery query, CancellationToken ct = default) => Task.FromResult(Search(query));

    public OfferSearchResult Search(OfferSearchQuery query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = index.Region(query.RegionId);
        if (snapshot is null) return Empty(query);
        var filter = new Filter(query, snapshot.Rules, now, index, text.Prepare(query.Text));

        var hits = new List<Hit>();
        var box = Distance.Box(query.Latitude, query.Longitude, query.RadiusKm);
        // The box's longitude span, widened to hold at the box's poleward edge too (not only at the centre's latitude).
        var poleward = Math.Min(89.9, Math.Max(Math.Abs(box.MinLatitude), Math.Abs(box.MaxLatitude)));
        var dLon = (box.MaxLatitude - box.MinLatitude) / 2 / Math.Cos(poleward * Math.PI / 180);
        var (minLon, maxLon) = (query.Longitude - dLon, query.Longitude + dLon);
        var latitudes = snapshot.Latitudes;
        var longitudes = snapshot.Longitudes;
        for (var i = snapshot.FirstAtOrAbove(box.MinLatitude); i < latitudes.Length && latitudes[i] <= box.MaxLatitude; i++)
        {
            var lon = longitudes[i];
            if (lon < minLon || lon > maxLon) continue;
            var km = Distance.Km(query.Latitude, query.Longitude, latitudes[i], lon);
            if (km > query.RadiusKm) continue;
            var offer = snapshot.Located[i];
            if (filter.Passes(offer, out var light)) hits.Add(new Hit(offer, km, light));
        }
        if (query.MunicipalityCode is { } municipality && snapshot.AtHome.TryGetValue(municipality, out var atHome))
        {
            foreach (var offer in atHome)
            {
                if (filter.Passes(offer, out var light)) hits.Add(new Hit(offer, null, light));
            }
        }

        var (page, pageSize) = OfferOrder.Page(query.Page, query.PageSize, hits.Count);
        var first = (page - 1) * pageSize;
        var order = FirstInOrder(hits, Math.Min(hits.Count, first + pageSize), OfferOrder.Comparer(query.Sort));

        var shown = new List<OfferHit>(Math.Max(0, order.Length - first));
        for (var i = first; i < order.Length; i++)
        {
            var h = hits[order[i]];
            var o = h.Offer;
            shown.Add(new OfferHit(o.Id, o.ProviderId, o.ProviderName, o.ProductId, o.ProductName, o.LevelName, o.Kind, h.Km, o.Town,
                o.FreePlaces, h.Light, o.Transport, o.Languages, o.LocationId, o.LocationName,
                o.AtLocation ? new OfferPlace(o.Latitude, o.Longitude, o.Street!, o.Postcode!) : null));
        }
        return new OfferSearchResult(shown, hits.Count, page, pageSize) { Engine = EngineName };
    }

    /// <summary>
    /// The positions in <paramref name="hits"/> of the first <paramref name="count"/> hits in the order, in that order.
    /// A page near the front (the usual case: 20 of a few thousand nationally) keeps only the best so far in a heap,
    /// n log k instead of sorting every hit; the order is total (the id decides last), so both give the same page.
    /// </summary>
    private static int[] FirstInOrder(List<Hit> hits, int count, IComparer<OrderKey> comparer)
    {
        static OrderKey Key(in Hit h) => new(h.Offer.Id, h.Offer.ProviderName, h.Offer.ProductName, h.Km, h.Light, h.Offer.NameKey, h.Offer.ProductKey);
        if (count == 0) return [];
        if (count * 4 >= hits.Count)
        {
            var keys = new OrderKey[hits.Count];
            var all = new int[hits.Count];
            for (var i = 0; i < keys.Length; i++) { keys[i] = Key(hits[i]); all[i] = i; }
            Array.Sort(keys, all, comparer);
            return count == all.Length ? all : all[..count];
        }
        // A heap whose top is the worst of the best so far: a hit better than that replaces it.
        var heap = new PriorityQueue<int, OrderKey>(count, Comparer<OrderKey>.Create((a, b) => comparer.Compare(b, a)));
        for (var i = 0; i < hits.Count; i++)
        {
            var key = Key(hits[i]);
            if (heap.Count < count) heap.Enqueue(i, key);
            else if (heap.TryPeek(out _, out var worst) && comparer.Compare(key, worst) < 0) heap.DequeueEnqueue(i, key);
        }
        var best = new int[heap.Count];
        for (var i = best.Length - 1; i >= 0; i--) best[i] = heap.Dequeue();
        return best;
    }

    private static OfferSearchResult Empty(OfferSearchQuery query)
    {
        var (page, pageSize) = OfferOrder.Page(query.Page, query.PageSize, 0);
        return new OfferSearchResult([], 0, page, pageSize) { Engine = EngineName };
    }

    private readonly record struct Hit(IndexedOffer Offer, double? Km, Stoplight Light);

    /// <summary>Everything but place and radius: the cheap tests first, text last.</summary>
    private sealed class Filter(OfferSearchQuery query, StoplightRules rules, DateTime now, InProcessOfferIndex index, TextQuery? text)
    {
        private readonly HashSet<int>? _products = query.ProductIds.Count > 0 ? query.ProductIds.ToHashSet() : null;
        private readonly string[] _groups = query.TargetGroups.ToArray();
        private readonly DateOnly _today = DateOnly.FromDateTime(now);

        public bool Passes(IndexedOffer o, out Stoplight light)
        {
            light = default;
            if (_products is not null && !_products.Contains(o.ProductId)) return false;
            if (query.Transport == TransportFilter.Offered && o.Transport == Transport.None) return false;
            if (query.Transport == TransportFilter.Wheelchair && o.Transport != Transport.WithWheelchair) return false;
            if (query.Language is { } language && Array.IndexOf(o.Languages, language) < 0) return false;
            if (_groups.Length > 0 && !AnyOf(o.TargetGroups, _groups)) return false;
            light = rules.Derive(o.IntakeOpen, o.WaitingWeeks, o.ConfirmedAt, now);
            if (query.IntakeOpenOnly && !o.IntakeOpen) return false;
            if (query.StartWithinWeeks is { } weeks && !(light.IsKnown && o.IntakeOpen && o.WaitingWeeks <= weeks)) return false;
            if (query.ContractedFor is { } municipality && !Contracted(o, municipality)) return false;
            return text is null || text.Matches(o);
        }

        private bool Contracted(IndexedOffer o, string municipality)
        {
            var terms = index.Contracts(o.ProviderId, o.ProductId);
            if (terms is null) return false;
            foreach (var term in terms)
            {
                if (term.Covers(municipality, _today)) return true;
            }
            return false;
        }

        private static bool AnyOf(string[] values, string[] wanted)
        {
            foreach (var v in values)
            {
                if (Array.IndexOf(wanted, v) >= 0) return true;
            }
            return false;
        }
    }
}
