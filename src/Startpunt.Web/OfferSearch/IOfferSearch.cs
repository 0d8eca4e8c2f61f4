using Startpunt.Web.Domain;

namespace Startpunt.Web.OfferSearch;

/// <summary>Finds offers for a place. The SQLite engine is the default; other engines implement the same contract.</summary>
public interface IOfferSearch
{
    Task<OfferSearchResult> SearchAsync(OfferSearchQuery query, CancellationToken ct = default);
}

public enum SearchSort { Distance, WaitingTime, Name }

public enum TransportFilter { Any, Offered, Wheelchair }

/// <summary>An engine-neutral search: everything is already resolved to ids and coordinates.</summary>
public sealed record OfferSearchQuery
{
    public required string RegionId { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    /// <summary>The municipality of the search point: help at home matches when the offer's service area covers it.</summary>
    public string? MunicipalityCode { get; init; }
    public double RadiusKm { get; init; } = 10;
    /// <summary>Empty means every product.</summary>
    public IReadOnlyCollection<int> ProductIds { get; init; } = [];
    /// <summary>Offers for any of these target groups; empty means all.</summary>
    public IReadOnlyCollection<string> TargetGroups { get; init; } = [];
    public string? Text { get; init; }
    /// <summary>Only offers with intake open, confirmed recently, that can start within this many weeks.</summary>
    public int? StartWithinWeeks { get; init; }
    public TransportFilter Transport { get; init; }
    public string? Language { get; init; }
    /// <summary>
    /// Only offers whose provider holds a contract, active today, for the offer's product in this municipality
    /// (CBS code). For the consultant's search: a client may only be referred to contracted offers.
    /// </summary>
    public string? ContractedFor { get; init; }
    /// <summary>Only offers whose intake is open (for the consultant: a client can be registered now).</summary>
    public bool IntakeOpenOnly { get; init; }
    public SearchSort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record OfferSearchResult(IReadOnlyList<OfferHit> Hits, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Which engine answered ("sqlite", "meilisearch", ...): sent along in Server-Timing, and shown by the fallback tests.</summary>
    public string Engine { get; init; } = "";
}

/// <summary>
/// One offer as a result list and its map show it. <see cref="DistanceKm"/> is null for help at home (it comes to
/// you); so are <see cref="LocationId"/> and <see cref="LocationName"/>, by which the list puts a location's offers on
/// one card, and <see cref="Place"/>, where the map puts its pin.
/// </summary>
public sealed record OfferHit(
    int OfferId,
    int ProviderId,
    string ProviderName,
    int ProductId,
    string ProductName,
    string? LevelName,
    ProductKind Kind,
    double? DistanceKm,
    string? Town,
    int? FreePlaces,
    Stoplight Stoplight,
    Transport Transport,
    IReadOnlyList<string> Languages,
    int? LocationId,
    string? LocationName,
    OfferPlace? Place);

/// <summary>Where a location is: its coordinates and its address ("Voorstraat 15", "1624 OR").</summary>
public sealed record OfferPlace(double Latitude, double Longitude, string Street, string Postcode)
{
    public static string StreetLine(string street, string houseNumber) => $"{street} {houseNumber}";
}
