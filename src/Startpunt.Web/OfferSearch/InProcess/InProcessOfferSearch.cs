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
        // Only the hits up to the asked page are kept, in order; the others are counted. (Asked past the end, every
        // hit is kept, and the last page is among them.)
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var best = new BestHits((int)Math.Min(int.MaxValue, (long)Math.Max(1, query.Page) * pageSize), query.Sort);

        var box = Distance.Box(query.Latitude, query.Longitude, query.RadiusKm);
        // The box's longitude span, widened to hold at the box's poleward edge too (not only at the centre's latitude).
        var poleward = Math.Min(89.9, Math.Max(Math.Abs(box.MinLatitude), Math.Abs(box.MaxLatitude)));
        var dLon = (box.MaxLatitude - box.MinLatitude) / 2 / Math.Cos(poleward * Math.PI / 180);
        var (minLon, maxLon) = (query.Longitude - dLon, query.Longitude + dLon);
        var cosLatitude = Distance.CosLatitude(query.Latitude);
        var (latitudes, longitudes, cosines, starts, located) = (snapshot.Latitudes, snapshot.Longitudes, snapshot.CosLatitudes, snapshot.PlaceStarts, snapshot.Located);
        // Asked for products: places without any of them are passed by (their offers would not pass the filter).
        var (placeProducts, products) = query.ProductIds.Count > 0 ? (snapshot.PlaceProducts, snapshot.ProductBits.Wanted(query.ProductIds)) : (null, 0UL);
        // Without filters, by distance, what comes after the kept hits is only counted (see BestHits).
        var countOnly = filter.PassesEverything && query.Sort == SearchSort.Distance;
        // Help at home first: it has no distance, so in the distance order it comes before every place. It is kept by
        // provider name and id, the order's last word, so a hit that ties with the worst kept one comes after it
        // (not so in the name order, where the provider's sort key and the product come first).
        if (query.MunicipalityCode is { } municipality && snapshot.AtHome.TryGetValue(municipality, out var atHome))
        {
            var tiesLose = query.Sort != SearchSort.Name;
            for (var i = 0; i < atHome.Offers.Length; i++)
            {
                if (countOnly && best.FullOfHelpAtHome)
                {
                    best.Count(atHome.Offers.Length - i);
                    break;
                }
                if (filter.Passes(atHome, i, out var light)) best.Add(atHome.Offers[i], null, light, tiesLose);
            }
        }

        // The places within the radius, measured once each. By distance, a place farther than the worst kept hit (when
        // that one is confirmed) is only counted: nothing there comes before it (with filters, its offers that pass). In
        // the band's order the kept hits soon are the near ones, so most places are only counted (sorting them first cost
        // more than it saved).
        // A flat-earth distance first (no trigonometry; within Distance.RoughError of the exact one) tells most places
        // apart: clearly outside the radius, or clearly inside and behind the worst kept hit. Only the others are
        // measured exactly, so every place is counted or kept exactly as the exact distance says.
        var rough = query.RadiusKm <= Distance.RoughUpToKm && Math.Abs(query.Latitude) <= Distance.RoughLatitudes;
        var (atLeast, atMost) = (1 / (1 + Distance.RoughError), 1 / (1 - Distance.RoughError));
        for (var p = snapshot.FirstAtOrAbove(box.MinLatitude); p < latitudes.Length && latitudes[p] <= box.MaxLatitude; p++)
        {
            var lon = longitudes[p];
            if (lon < minLon || lon > maxLon || (placeProducts is not null && (placeProducts[p] & products) == 0)) continue;
            // Behind: every offer here comes after the kept hits.
            var (behind, km) = (false, 0.0);
            if (rough)
            {
                var roughKm = Distance.RoughKm(query.Latitude, query.Longitude, cosLatitude, latitudes[p], lon, cosines[p]);
                if (roughKm * atLeast > query.RadiusKm) continue;
                behind = roughKm * atMost <= query.RadiusKm && best.BeatsEverythingAt(roughKm * atLeast);
            }
            if (!behind)
            {
                km = Distance.Km(query.Latitude, query.Longitude, cosLatitude, latitudes[p], lon, cosines[p]);
                if (km > query.RadiusKm) continue;
                behind = best.BeatsEverythingAt(km);
            }
            if (behind)
            {
                best.Count(countOnly ? starts[p + 1] - starts[p] : filter.Passing(snapshot.Columns, starts[p], starts[p + 1]));
                continue;
            }
            for (var i = starts[p]; i < starts[p + 1]; i++)
            {
                if (filter.Passes(snapshot.Columns, i, out var light)) best.Add(located[i], km, light);
            }
        }

        var (page, _) = OfferOrder.Page(query.Page, pageSize, best.Total);
        var ordered = best.InOrder();
        var first = (page - 1) * pageSize;
        var shown = new List<OfferHit>(Math.Clamp(ordered.Length - first, 0, pageSize));
        for (var i = first; i < Math.Min(ordered.Length, first + pageSize); i++)
        {
            var (o, key) = ordered[i];
            shown.Add(new OfferHit(o.Id, o.ProviderId, o.ProviderName, o.ProductId, o.ProductName, o.LevelName, o.Kind, key.Km, o.Town,
                o.FreePlaces, key.Light, o.Transport, o.Languages, o.LocationId, o.LocationName,
                o.AtLocation ? new OfferPlace(o.Latitude, o.Longitude, o.Street!, o.Postcode!) : null));
        }
        return new OfferSearchResult(shown, best.Total, page, pageSize) { Engine = EngineName };
    }

    /// <summary>
    /// The first <c>capacity</c> hits in <see cref="OfferOrder"/>, kept in a heap whose top is the worst of them: a
    /// national search keeps 20 of a few thousand, n log k instead of sorting every hit. The order is total (the id
    /// decides last), so the page is the one a full sort gives.
    /// </summary>
    private sealed class BestHits(int capacity, SearchSort sort)
    {
        private (IndexedOffer Offer, OrderKey Key)[] _heap = new (IndexedOffer, OrderKey)[Math.Min(capacity, 64)];
        private int _count;

        public int Total { get; private set; }

        /// <param name="tiesLose">The hits come in the order's last words (provider name, id): one that ties with the worst kept comes after it.</param>
        public void Add(IndexedOffer o, double? km, Stoplight light, bool tiesLose = false)
        {
            Total++;
            if (_count < capacity)
            {
                if (_count == _heap.Length) Array.Resize(ref _heap, (int)Math.Min(capacity, 2L * _heap.Length));
                _heap[_count] = (o, Key(o, km, light));
                Up(_count++);
                return;
            }
            // Most hits of a large search lose to the worst kept on light and distance alone: no names read for them.
            ref readonly var worst = ref _heap[0].Key;
            var c = OfferOrder.CompareBeforeNames(light, km, worst.Light, worst.Km, sort);
            if (c > 0 || (c == 0 && tiesLose)) return;
            var key = Key(o, km, light);
            if (c < 0 || OfferOrder.Compare(key, worst, sort) < 0)
            {
                _heap[0] = (o, key);
                Down(0);
            }
        }

        /// <summary>Hits that pass without a look (see <see cref="Filter.PassesEverything"/>) and cannot be kept.</summary>
        public void Count(int hits) => Total += hits;

        /// <summary>
        /// Every hit at <paramref name="km"/> (or farther) comes after the kept ones, in the distance order: as many are kept as
        /// the page needs, and the worst of them is confirmed (a confirmed hit comes before any unconfirmed one) and
        /// nearer, or help at home (which comes before every place).
        /// </summary>
        public bool BeatsEverythingAt(double km) =>
            sort == SearchSort.Distance && _count == capacity && _heap[0].Key.Light.IsKnown && (_heap[0].Key.Km is not { } worst || worst < km);

        /// <summary>
        /// No more help at home is kept, in the distance order: as many are kept as the page needs, and the worst of
        /// them is confirmed help at home, which came before the rest (they come by provider name and id, as the order ends).
        /// </summary>
        public bool FullOfHelpAtHome => sort == SearchSort.Distance && _count == capacity && _heap[0].Key.Light.IsKnown && _heap[0].Key.Km is null;

        private static OrderKey Key(IndexedOffer o, double? km, Stoplight light) => new(o.Id, o.ProviderName, o.ProductName, km, light, o.NameKey, o.ProductKey);

        /// <summary>The kept hits, best first.</summary>
        public (IndexedOffer Offer, OrderKey Key)[] InOrder()
        {
            var kept = _heap[.._count];
            Array.Sort(kept, (a, b) => OfferOrder.Compare(a.Key, b.Key, sort));
            return kept;
        }

        // Worse first: a parent is never better than its children.
        private bool Worse(int a, int b) => OfferOrder.Compare(_heap[a].Key, _heap[b].Key, sort) > 0;

        private void Up(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Worse(i, parent)) return;
                (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
                i = parent;
            }
        }

        private void Down(int i)
        {
            while (true)
            {
                var (left, worst) = (2 * i + 1, i);
                if (left < _count && Worse(left, worst)) worst = left;
                if (left + 1 < _count && Worse(left + 1, worst)) worst = left + 1;
                if (worst == i) return;
                (_heap[i], _heap[worst]) = (_heap[worst], _heap[i]);
                i = worst;
            }
        }
    }

    private static OfferSearchResult Empty(OfferSearchQuery query)
    {
        var (page, pageSize) = OfferOrder.Page(query.Page, query.PageSize, 0);
        return new OfferSearchResult([], 0, page, pageSize) { Engine = EngineName };
    }

    /// <summary>Everything but place and radius: the cheap tests first, text last.</summary>
    private sealed class Filter(OfferSearchQuery query, StoplightRules rules, DateTime now, InProcessOfferIndex index, TextQuery? text)
    {
        // By product id, whether it is asked for: one load per offer, where a hash set cost a lookup.
        private readonly bool[]? _products = query.ProductIds.Count > 0 ? Wanted(query.ProductIds) : null;
        private readonly string[] _groups = query.TargetGroups.ToArray();
        private readonly DateOnly _today = DateOnly.FromDateTime(now);

        /// <summary>
        /// Whether offer <paramref name="i"/> passes: what every search reads of it comes from the columns, the offer
        /// itself is read only for the filters that need it.
        /// </summary>
        public bool Passes(OfferColumns offers, int i, out Stoplight light)
        {
            light = default;
            if (_products is not null && !((uint)offers.ProductIds[i] < (uint)_products.Length && _products[offers.ProductIds[i]])) return false;
            var intakeOpen = offers.IntakeOpen[i];
            if (query.IntakeOpenOnly && !intakeOpen) return false;
            if (query.Transport == TransportFilter.Offered && offers.Transport[i] == Transport.None) return false;
            if (query.Transport == TransportFilter.Wheelchair && offers.Transport[i] != Transport.WithWheelchair) return false;
            if (_groups.Length > 0 && !Holds(offers.TargetGroups[i] & _groupBits, offers.Offers, i, _groups, static o => o.TargetGroups)) return false;
            if (_languages.Length > 0 && !Holds(offers.Languages[i] & _languageBits, offers.Offers, i, _languages, static o => o.Languages)) return false;
            light = rules.Derive(intakeOpen, offers.WaitingWeeks[i], offers.ConfirmedAt[i], now);
            if (query.StartWithinWeeks is { } weeks && !(light.IsKnown && intakeOpen && light.WaitingWeeks <= weeks)) return false;
            if (query.ContractedFor is { } municipality && !Contracted(offers.Offers[i], municipality)) return false;
            return text is null || text.Matches(offers.Offers[i]);
        }

        /// <summary>How many of the offers from <paramref name="from"/> up to <paramref name="to"/> pass.</summary>
        public int Passing(OfferColumns offers, int from, int to)
        {
            var passing = 0;
            for (var i = from; i < to; i++)
            {
                if (Passes(offers, i, out _)) passing++;
            }
            return passing;
        }

        private static bool[] Wanted(IReadOnlyCollection<int> productIds)
        {
            var wanted = new bool[Math.Clamp(productIds.Max() + 1, 0, 1 << 20)];
            foreach (var id in productIds)
            {
                if (id >= 0 && id < wanted.Length) wanted[id] = true;
            }
            return wanted;
        }

        /// <summary>No filter at all: every offer within the radius is a hit.</summary>
        public bool PassesEverything { get; } = query.ProductIds.Count == 0 && !query.IntakeOpenOnly && query.StartWithinWeeks is null
            && query.ContractedFor is null && text is null && query.Transport == TransportFilter.Any && query.Language is null && query.TargetGroups.Count == 0;

        private readonly ulong _groupBits = index.TargetGroupBits.Wanted(query.TargetGroups);
        private readonly string[] _languages = query.Language is { } l ? [l] : [];
        private readonly ulong _languageBits = query.Language is { } l ? index.LanguageBits.Wanted([l]) : 0;

        /// <summary>
        /// Whether an offer has one of the wanted codes, from the bits they share (<see cref="CodeBits{T}"/>): a code's own
        /// bit says yes; only the bit that codes past the 63rd share needs the offer's codes themselves.
        /// </summary>
        private static bool Holds(ulong common, IndexedOffer[] offers, int i, string[] wanted, Func<IndexedOffer, string[]> codes) =>
            common != 0 && (common != CodeBits<string>.Shared || AnyOf(codes(offers[i]), wanted));

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
