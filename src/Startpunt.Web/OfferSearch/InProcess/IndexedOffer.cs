using Startpunt.Web.Domain;

namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>
/// What the in-process index keeps of one visible offer: only the fields search filters, orders, counts and shows.
/// Immutable: a change replaces the object. Strings that repeat (names, codes) are shared through <see cref="StringPool"/>.
/// </summary>
public sealed class IndexedOffer
{
    public required int Id { get; init; }
    public required string RegionId { get; init; }
    public required int ProviderId { get; init; }
    public required string ProviderName { get; init; }
    public required int ProductId { get; init; }
    public required string ProductName { get; init; }
    public string? LevelName { get; init; }
    public required ProductKind Kind { get; init; }
    public required bool AtLocation { get; init; }
    public int? LocationId { get; init; }
    public string? LocationName { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public string? Town { get; init; }
    /// <summary>The location's street and number, and its postcode: the map's address for the pin.</summary>
    public string? Street { get; init; }
    public string? Postcode { get; init; }
    /// <summary>Help at home: the municipalities it comes to (ordinal order).</summary>
    public required string[] ServiceArea { get; init; }
    public required string[] TargetGroups { get; init; }
    /// <summary>Language codes in ordinal order, as a hit shows them.</summary>
    public required string[] Languages { get; init; }
    public required Transport Transport { get; init; }
    public required bool IntakeOpen { get; init; }
    public required int WaitingWeeks { get; init; }
    public int? FreePlaces { get; init; }
    public DateTime? ConfirmedAt { get; init; }
    /// <summary><see cref="SortKeys.Name"/> of the provider and product names, for the name sort.</summary>
    public required string NameKey { get; init; }
    public required string ProductKey { get; init; }
    /// <summary>The searchable text, analysed (<see cref="OfferText"/>).</summary>
    public required OfferText Text { get; init; }
}

/// <summary>
/// One contract of a provider for a product: its dates and municipalities. "Active" is decided at query time with
/// the one rule (<see cref="Contract.IsActiveOn"/>), so a new day needs no refresh.
/// </summary>
public sealed record ContractTerm(Contract Dates, string[] Municipalities)
{
    public bool Covers(string municipality, DateOnly day) => Dates.IsActiveOn(day) && Array.IndexOf(Municipalities, municipality) >= 0;
}

/// <summary>Shares equal strings between offers (provider names, codes, towns) so 100,000 offers hold each once.</summary>
public sealed class StringPool
{
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Get(string value)
    {
        lock (_lock)
        {
            if (_pool.TryGetValue(value, out var shared)) return shared;
            _pool[value] = value;
            return value;
        }
    }

    public string? GetOrNull(string? value) => value is null ? null : Get(value);

    public string[] Array(IEnumerable<string> values)
    {
        var result = values.Distinct().Order(StringComparer.Ordinal).Select(Get).ToArray();
        return result.Length == 0 ? [] : result;
    }
}
