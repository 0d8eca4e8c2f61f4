using System.Collections.Concurrent;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>
/// Every visible offer of every region in memory, per region a snapshot that searches read without locks: offers
/// at a location sorted by latitude (a band of the box is found by binary search, then longitude and the exact
/// distance are checked), help at home by municipality of its service area. A change builds new snapshots of the
/// regions it touches and swaps them in; readers keep the snapshot they started with.
/// </summary>
public sealed class InProcessOfferIndex
{
    private readonly Lock _write = new();
    private readonly Dictionary<int, IndexedOffer> _offers = [];
    private readonly Dictionary<string, Dictionary<int, IndexedOffer>> _byRegion = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RegionSnapshot> _regions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Dictionary<int, ContractTerm[]>> _contracts = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<string, StoplightRules> _rules = new(StringComparer.Ordinal);

    public StringPool Pool { get; } = new();

    public Vocabulary Vocabulary { get; } = new();

    /// <summary>Target-group codes as bits, for <see cref="OfferColumns.TargetGroups"/>.</summary>
    public CodeBits<string> TargetGroupBits { get; } = new();

    /// <summary>Language codes as bits, for <see cref="OfferColumns.Languages"/>.</summary>
    public CodeBits<string> LanguageBits { get; } = new();

    /// <summary>Loaded from the database: searches may use the index (until then they go to SQLite).</summary>
    public bool IsReady => _ready.Task.IsCompleted;

    public Task WhenReady => _ready.Task;

    /// <summary>The last change-feed (search outbox) row the index has applied.</summary>
    public long Watermark { get; private set; }

    public int Count { get { lock (_write) return _offers.Count; } }

    public DateTimeOffset? LoadedAt { get; private set; }

    /// <summary>Raised after a change was applied (on the thread that applied it).</summary>
    public event Action? Changed;

    public RegionSnapshot? Region(string regionId) => _regions.GetValueOrDefault(regionId);

    public ContractTerm[]? Contracts(int providerId, int productId) =>
        _contracts.TryGetValue(providerId, out var byProduct) ? byProduct.GetValueOrDefault(productId) : null;

    internal IndexedOffer? Offer(int id) { lock (_write) return _offers.GetValueOrDefault(id); }

    /// <summary>Replaces everything with a full load and opens the index to searches.</summary>
    internal void Load(List<IndexedOffer> offers, Dictionary<int, Dictionary<int, ContractTerm[]>> contracts,
        Dictionary<string, StoplightRules> rules, long watermark, DateTimeOffset now)
    {
        lock (_write)
        {
            _offers.Clear();
            _byRegion.Clear();
            foreach (var o in offers) Put(o);
            _contracts.Clear();
            foreach (var (provider, byProduct) in contracts) _contracts[provider] = byProduct;
            _rules = rules;
            RebuildRegions(_offers.Values.Select(o => o.RegionId).Concat(_regions.Keys).Concat(rules.Keys).ToHashSet(StringComparer.Ordinal));
            Watermark = watermark;
            LoadedAt = now;
        }
        _ready.TrySetResult();
    }

    /// <summary>
    /// Applies the current state of changed offers: <paramref name="current"/> holds those still visible, the rest of
    /// <paramref name="changed"/> leaves the index. Contracts of the providers concerned and the regions' rules are replaced too.
    /// </summary>
    internal void Apply(IReadOnlyCollection<int> changed, List<IndexedOffer> current, Dictionary<int, Dictionary<int, ContractTerm[]>> contracts,
        Dictionary<string, StoplightRules> rules, long watermark)
    {
        lock (_write)
        {
            var regions = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in changed)
            {
                if (!_offers.Remove(id, out var old)) continue;
                _byRegion[old.RegionId].Remove(id);
                regions.Add(old.RegionId);
            }
            foreach (var o in current)
            {
                Put(o);
                regions.Add(o.RegionId);
            }
            foreach (var (provider, byProduct) in contracts) _contracts[provider] = byProduct;
            var rulesChanged = rules.Count != _rules.Count || rules.Any(r => !_rules.TryGetValue(r.Key, out var was) || was != r.Value);
            _rules = rules;
            if (rulesChanged) regions.UnionWith(rules.Keys);
            RebuildRegions(regions);
            Watermark = Math.Max(Watermark, watermark);
        }
        Changed?.Invoke();
    }

    /// <summary>Which providers the given offers belong to now (in the index), for refreshing their contracts.</summary>
    internal HashSet<int> ProvidersOf(IEnumerable<int> offerIds)
    {
        lock (_write) return offerIds.Select(id => _offers.GetValueOrDefault(id)).Where(o => o is not null).Select(o => o!.ProviderId).ToHashSet();
    }

    private void Put(IndexedOffer o)
    {
        _offers[o.Id] = o;
        if (!_byRegion.TryGetValue(o.RegionId, out var region)) _byRegion[o.RegionId] = region = [];
        region[o.Id] = o;
    }

    private void RebuildRegions(HashSet<string> regionIds)
    {
        foreach (var region in regionIds)
        {
            var offers = _byRegion.TryGetValue(region, out var byId) ? byId.Values.ToList() : [];
            _regions[region] = new RegionSnapshot(_rules.GetValueOrDefault(region) ?? StoplightRules.Default, offers, this);
        }
    }
}

/// <summary>
/// One region's offers as searches read them; never changed after it is built. Offers at a location are grouped by
/// place (equal coordinates: a location's offers, or locations at one address), the places sorted by latitude, so a
/// search measures each place once and reads a band of them found by binary search.
/// </summary>
public sealed class RegionSnapshot
{
    public RegionSnapshot(StoplightRules rules, List<IndexedOffer> offers, InProcessOfferIndex index)
    {
        Rules = rules;
        Count = offers.Count;
        Located = offers.Where(o => o.AtLocation).OrderBy(o => o.Latitude).ThenBy(o => o.Longitude).ThenBy(o => o.Id).ToArray();
        var latitudes = new List<double>();
        var longitudes = new List<double>();
        var starts = new List<int>();
        for (var i = 0; i < Located.Length; i++)
        {
            var o = Located[i];
            if (i > 0 && o.Latitude == Located[i - 1].Latitude && o.Longitude == Located[i - 1].Longitude) continue;
            latitudes.Add(o.Latitude);
            longitudes.Add(o.Longitude);
            starts.Add(i);
        }
        starts.Add(Located.Length);
        Latitudes = [.. latitudes];
        Longitudes = [.. longitudes];
        CosLatitudes = Latitudes.Select(Distance.CosLatitude).ToArray();
        PlaceStarts = [.. starts];
        Columns = new OfferColumns(Located, index);
        PlaceProducts = new ulong[Latitudes.Length];
        for (var p = 0; p < PlaceProducts.Length; p++)
        {
            for (var i = PlaceStarts[p]; i < PlaceStarts[p + 1]; i++) PlaceProducts[p] |= ProductBits.Of(Located[i].ProductId);
        }
        AtHome = offers.Where(o => !o.AtLocation)
            .SelectMany(o => o.ServiceArea.Select(m => (Municipality: m, Offer: o)))
            .GroupBy(x => x.Municipality, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new OfferColumns(g.Select(x => x.Offer)
                .OrderBy(o => o.ProviderName, StringComparer.Ordinal).ThenBy(o => o.Id).ToArray(), index), StringComparer.Ordinal);
    }

    public StoplightRules Rules { get; }
    public int Count { get; }
    /// <summary>Offers at a location, by place: place <c>p</c> holds <c>Located[PlaceStarts[p]..PlaceStarts[p + 1]]</c>.</summary>
    public IndexedOffer[] Located { get; }
    /// <summary>Per place, by latitude: its coordinates and the cosine of its latitude (<see cref="Distance.CosLatitude"/>).</summary>
    public double[] Latitudes { get; }
    public double[] Longitudes { get; }
    public double[] CosLatitudes { get; }
    /// <summary>Where each place's offers start in <see cref="Located"/>, and one more: the end of the last.</summary>
    public int[] PlaceStarts { get; }
    /// <summary>
    /// Per place, the products offered there as bits (<see cref="ProductBits"/>): a search for a product passes by
    /// places without it, most of them, without reading their offers.
    /// </summary>
    public ulong[] PlaceProducts { get; }

    /// <summary>This region's products at a place as bits, for <see cref="PlaceProducts"/>.</summary>
    public CodeBits<int> ProductBits { get; } = new();

    /// <summary><see cref="Located"/> with the columns every search reads.</summary>
    public OfferColumns Columns { get; }
    /// <summary>Help at home per municipality it comes to, by provider name (ordinal), then id.</summary>
    public Dictionary<string, OfferColumns> AtHome { get; }

    /// <summary>The first place at or above <paramref name="latitude"/>.</summary>
    public int FirstAtOrAbove(double latitude)
    {
        int lo = 0, hi = Latitudes.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Latitudes[mid] < latitude) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

/// <summary>
/// Offers and, beside them in arrays, what every search reads of each: a search of a whole region reads these one
/// after the other instead of a few thousand offers scattered over the heap.
/// </summary>
public sealed class OfferColumns(IndexedOffer[] offers, InProcessOfferIndex index)
{
    public IndexedOffer[] Offers { get; } = offers;
    public int[] ProductIds { get; } = offers.Select(o => o.ProductId).ToArray();
    public bool[] IntakeOpen { get; } = offers.Select(o => o.IntakeOpen).ToArray();
    public int[] WaitingWeeks { get; } = offers.Select(o => o.WaitingWeeks).ToArray();
    public DateTime?[] ConfirmedAt { get; } = offers.Select(o => o.ConfirmedAt).ToArray();
    public Transport[] Transport { get; } = offers.Select(o => o.Transport).ToArray();
    /// <summary>Per offer, its target groups as <see cref="InProcessOfferIndex.TargetGroupBits"/>.</summary>
    public ulong[] TargetGroups { get; } = offers.Select(o => index.TargetGroupBits.Of(o.TargetGroups)).ToArray();
    /// <summary>Per offer, its languages as <see cref="InProcessOfferIndex.LanguageBits"/>.</summary>
    public ulong[] Languages { get; } = offers.Select(o => index.LanguageBits.Of(o.Languages)).ToArray();
}

/// <summary>
/// Codes (target groups, languages, a region's products) as bits of a number, each code its own bit in the order first
/// seen, so a filter on them tests a number in a column. Codes past the 63rd share the last bit: an offer with that bit
/// is looked at itself.
/// </summary>
public sealed class CodeBits<T> where T : notnull
{
    public const ulong Shared = 1UL << 63;
    private readonly ConcurrentDictionary<T, ulong> _bits = new();
    private readonly Lock _lock = new();

    public ulong Of(T[] codes)
    {
        var bits = 0UL;
        foreach (var code in codes) bits |= Of(code);
        return bits;
    }

    public ulong Of(T code)
    {
        if (_bits.TryGetValue(code, out var bit)) return bit;
        lock (_lock)
        {
            if (_bits.TryGetValue(code, out bit)) return bit;
            return _bits[code] = _bits.Count < 63 ? 1UL << _bits.Count : Shared;
        }
    }

    /// <summary>The bits of codes searched for: a code no offer ever had has none (and no offer passes on it).</summary>
    public ulong Wanted(IEnumerable<T> codes)
    {
        var bits = 0UL;
        foreach (var code in codes) bits |= _bits.GetValueOrDefault(code);
        return bits;
    }
}
