using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>
/// An offer as the Meilisearch index holds it: the facts to filter, sort and show, never a derived stoplight
/// colour (that depends on the day you look; the engine derives it at query time from <see cref="ConfirmedAt"/>).
/// Paused and removed offers are not in the index at all.
/// </summary>
public sealed record OfferDocument
{
    public int Id { get; init; }
    public string RegionId { get; init; } = "";
    public int ProviderId { get; init; }
    public string ProviderName { get; init; } = "";
    public int ProductId { get; init; }
    public string ProductName { get; init; } = "";
    public int? LevelId { get; init; }
    public string? LevelName { get; init; }
    public string Kind { get; init; } = "";
    public bool AtLocation { get; init; }
    /// <summary>0 for help at home, 1 at a location: help at home comes first, as it has no distance.</summary>
    public int LocationRank { get; init; }
    [JsonPropertyName("_geo")] public GeoPoint? Geo { get; init; }
    public string? Town { get; init; }
    public int? LocationId { get; init; }
    public string? LocationName { get; init; }
    /// <summary>The location's street and number, and its postcode (the results map's address).</summary>
    public string? Street { get; init; }
    public string? Postcode { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Where the offer is: the location's municipality, or the service area of help at home.</summary>
    public IReadOnlyList<string> Municipalities { get; init; } = [];
    /// <summary>Municipalities the provider holds an active contract for this product in (refreshed when contracts start or end).</summary>
    public IReadOnlyList<string> ContractedMunicipalities { get; init; } = [];
    public IReadOnlyList<string> TargetGroups { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public string Transport { get; init; } = "";
    public bool IntakeOpen { get; init; }
    /// <summary>0 when intake is open: the waiting-time sort puts open intake first.</summary>
    public int IntakeRank { get; init; }
    public int WaitingWeeks { get; init; }
    public int? FreePlaces { get; init; }
    /// <summary>Unix milliseconds of the last confirmation, 0 for never: filtered against "fresh since" at query time.</summary>
    public long ConfirmedAt { get; init; }
    /// <summary>The exact confirmation moment, for display.</summary>
    public string? ConfirmedAtText { get; init; }
    /// <summary><see cref="SortKeys.Ordinal"/> of <see cref="SortKeys.Name"/>: the name sort.</summary>
    public string NameKey { get; init; } = "";
    public string ProductKey { get; init; } = "";
    /// <summary><see cref="SortKeys.Ordinal"/> of the provider name: the tie-break every engine shares.</summary>
    public string ProviderOrder { get; init; } = "";

    public static long UnixMilliseconds(DateTime utc) => (long)Math.Floor((utc - DateTime.UnixEpoch).TotalMilliseconds);

    public DateTime? ConfirmedAtUtc => ConfirmedAtText is null ? null
        : DateTime.Parse(ConfirmedAtText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

public sealed record GeoPoint(double Lat, double Lng);

/// <summary>Builds <see cref="OfferDocument"/>s from the database, which stays the source of truth.</summary>
public static class OfferDocuments
{
    /// <summary>The current state of these offers: documents for those search shows, ids to delete for the rest (paused, removed, gone).</summary>
    public static async Task<(List<OfferDocument> Upserts, List<int> Deletes)> ForOffersAsync(
        StartpuntDb db, IReadOnlyCollection<int> offerIds, DateOnly today, CancellationToken ct)
    {
        var ids = offerIds.ToList();
        var visible = db.Offers.AsNoTracking().Where(o => ids.Contains(o.Id) && !o.Paused);
        var documents = await BuildAsync(db, visible, today, ct);
        var shown = documents.Select(d => d.Id).ToHashSet();
        return (documents, ids.Where(id => !shown.Contains(id)).ToList());
    }

    /// <summary>Every offer search shows, in id order, a page at a time (for a full reindex).</summary>
    public static async IAsyncEnumerable<List<OfferDocument>> AllAsync(
        StartpuntDb db, DateOnly today, int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0;
        while (true)
        {
            var last = after;
            var page = db.Offers.AsNoTracking().Where(o => o.Id > last && !o.Paused).OrderBy(o => o.Id).Take(pageSize);
            var documents = await BuildAsync(db, page, today, ct);
            if (documents.Count == 0) yield break;
            yield return documents;
            after = documents[^1].Id;
        }
    }

    private static async Task<List<OfferDocument>> BuildAsync(StartpuntDb db, IQueryable<Offer> offers, DateOnly today, CancellationToken ct)
    {
        var rows = await offers.Select(o => new
        {
            o.Id, o.RegionId, o.ProviderId, ProviderName = o.Provider!.Name, o.ProductId, ProductName = o.Product!.Name,
            o.ProductLevelId, LevelName = o.ProductLevel != null ? o.ProductLevel.Name : null, o.Product.Kind,
            o.LocationId, Latitude = o.Location != null ? o.Location.Latitude : 0, Longitude = o.Location != null ? o.Location.Longitude : 0,
            Town = o.Location != null ? o.Location.Town : null, LocationName = o.Location != null ? o.Location.Name : null,
            LocationMunicipality = o.Location != null ? o.Location.MunicipalityCode : null,
            Street = o.Location != null ? o.Location.Street : null, HouseNumber = o.Location != null ? o.Location.HouseNumber : null,
            Postcode = o.Location != null ? o.Location.Postcode : null,
            o.Description, o.Transport, o.Availability.IntakeOpen, o.Availability.WaitingWeeks, o.Availability.FreePlaces,
            o.Availability.ConfirmedAt,
        }).ToListAsync(ct);
        if (rows.Count == 0) return [];

        var ids = rows.Select(r => r.Id).ToList();
        var groups = (await db.Set<OfferTargetGroup>().AsNoTracking().Where(t => ids.Contains(t.OfferId)).ToListAsync(ct))
            .ToLookup(t => t.OfferId, t => t.TargetGroupCode);
        var languages = (await db.Set<OfferLanguage>().AsNoTracking().Where(l => ids.Contains(l.OfferId)).ToListAsync(ct))
            .ToLookup(l => l.OfferId, l => l.LanguageCode);
        var areas = (await db.Set<OfferMunicipality>().AsNoTracking().Where(m => ids.Contains(m.OfferId)).ToListAsync(ct))
            .ToLookup(m => m.OfferId, m => m.MunicipalityCode);
        var providerIds = rows.Select(r => r.ProviderId).Distinct().ToList();
        var contracted = (await db.Set<ContractMunicipality>().AsNoTracking()
                .Join(db.Contracts.Where(Contract.ActiveOn(today)).Where(c => providerIds.Contains(c.ProviderId)),
                    m => m.ContractId, c => c.Id, (m, c) => new { c.ProviderId, c.ProductId, m.MunicipalityCode })
                .ToListAsync(ct))
            .ToLookup(c => (c.ProviderId, c.ProductId), c => c.MunicipalityCode);

        return rows.Select(r => new OfferDocument
        {
            Id = r.Id,
            RegionId = r.RegionId,
            ProviderId = r.ProviderId,
            ProviderName = r.ProviderName,
            ProductId = r.ProductId,
            ProductName = r.ProductName,
            LevelId = r.ProductLevelId,
            LevelName = r.LevelName,
            Kind = r.Kind.ToString(),
            AtLocation = r.LocationId is not null,
            LocationRank = r.LocationId is null ? 0 : 1,
            Geo = r.LocationId is null ? null : new GeoPoint(r.Latitude, r.Longitude),
            Town = r.Town,
            LocationId = r.LocationId,
            LocationName = r.LocationName,
            Street = r.LocationId is null ? null : OfferPlace.StreetLine(r.Street!, r.HouseNumber!),
            Postcode = r.Postcode,
            Description = r.Description,
            Municipalities = r.LocationId is null ? Sorted(areas[r.Id]) : r.LocationMunicipality is { } m ? [m] : [],
            ContractedMunicipalities = Sorted(contracted[(r.ProviderId, r.ProductId)].Distinct()),
            TargetGroups = Sorted(groups[r.Id]),
            Languages = Sorted(languages[r.Id]),
            Transport = r.Transport.ToString(),
            IntakeOpen = r.IntakeOpen,
            IntakeRank = r.IntakeOpen ? 0 : 1,
            WaitingWeeks = r.WaitingWeeks,
            FreePlaces = r.FreePlaces,
            ConfirmedAt = r.ConfirmedAt is { } at ? OfferDocument.UnixMilliseconds(at) : 0,
            ConfirmedAtText = r.ConfirmedAt?.ToString("O", CultureInfo.InvariantCulture),
            NameKey = SortKeys.Ordinal(SortKeys.Name(r.ProviderName)),
            ProductKey = SortKeys.Ordinal(SortKeys.Name(r.ProductName)),
            ProviderOrder = SortKeys.Ordinal(r.ProviderName),
        }).ToList();
    }

    private static List<string> Sorted(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).ToList();
}
