using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.OfferSearch;

/// <summary>
/// Search inside SQLite: the database narrows candidates by region, product, filters, FTS5 text and a bounding box
/// on the location index; exact distance, the stoplight, ordering and paging are then computed here.
/// </summary>
public sealed class SqliteOfferSearch(StartpuntDb db, TimeProvider clock) : IOfferSearch
{
    public const string EngineName = "sqlite";

    public async Task<OfferSearchResult> SearchAsync(OfferSearchQuery query, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rules = await db.StoplightRulesAsync(query.RegionId, ct);

        var match = FtsMatch(query.Text);
        var offers = match is null
            ? db.Offers.AsNoTracking()
            : db.Offers.FromSql($"SELECT * FROM Offers WHERE Id IN (SELECT rowid FROM OfferSearch WHERE OfferSearch MATCH {match})").AsNoTracking();

        offers = offers.Where(o => o.RegionId == query.RegionId && !o.Paused);
        if (query.ProductIds.Count > 0)
        {
            var productIds = query.ProductIds.ToList();
            offers = offers.Where(o => productIds.Contains(o.ProductId));
        }

        var box = Distance.Box(query.Latitude, query.Longitude, query.RadiusKm);
        var municipality = query.MunicipalityCode;
        offers = offers.Where(o =>
            (o.LocationId != null
                && o.Location!.Latitude >= box.MinLatitude && o.Location.Latitude <= box.MaxLatitude
                && o.Location.Longitude >= box.MinLongitude && o.Location.Longitude <= box.MaxLongitude)
            || (o.LocationId == null && o.ServiceArea.Any(m => m.MunicipalityCode == municipality)));

        if (query.TargetGroups.Count > 0)
        {
            var groups = query.TargetGroups.ToList();
            offers = offers.Where(o => o.TargetGroups.Any(t => groups.Contains(t.TargetGroupCode)));
        }
        if (!string.IsNullOrEmpty(query.Language))
            offers = offers.Where(o => o.Languages.Any(l => l.LanguageCode == query.Language));
        offers = query.Transport switch
        {
            TransportFilter.Offered => offers.Where(o => o.Transport != Transport.None),
            TransportFilter.Wheelchair => offers.Where(o => o.Transport == Transport.WithWheelchair),
            _ => offers,
        };
        if (query.StartWithinWeeks is { } weeks)
        {
            var freshSince = rules.FreshSince(now);
            offers = offers.Where(o => o.Availability.IntakeOpen && o.Availability.WaitingWeeks <= weeks
                                       && o.Availability.ConfirmedAt >= freshSince);
        }
        if (query.IntakeOpenOnly) offers = offers.Where(o => o.Availability.IntakeOpen);
        if (query.ContractedFor is { } contracted)
        {
            var active = db.Contracts.Where(Contract.ActiveOn(DateOnly.FromDateTime(now)));
            offers = offers.Where(o => active.Any(c => c.ProviderId == o.ProviderId && c.ProductId == o.ProductId
                && c.Municipalities.Any(m => m.MunicipalityCode == contracted)));
        }

        var candidates = await offers.Select(o => new Candidate(
                o.Id, o.ProviderId, o.Provider!.Name, o.ProductId, o.Product!.Name, o.ProductLevel != null ? o.ProductLevel.Name : null,
                o.Product.Kind, o.LocationId != null, o.Location != null ? o.Location.Latitude : 0, o.Location != null ? o.Location.Longitude : 0,
                o.Location != null ? o.Location.Town : null, o.Availability.IntakeOpen, o.Availability.WaitingWeeks,
                o.Availability.FreePlaces, o.Availability.ConfirmedAt, o.Transport, o.LocationId, o.Location != null ? o.Location.Name : null,
                o.Location != null ? o.Location.Street : null, o.Location != null ? o.Location.HouseNumber : null, o.Location != null ? o.Location.Postcode : null))
            .ToListAsync(ct);

        var hits = new List<(Candidate C, double? Km, Stoplight Light)>(candidates.Count);
        foreach (var c in candidates)
        {
            double? km = c.AtLocation ? Distance.Km(query.Latitude, query.Longitude, c.Latitude, c.Longitude) : null;
            if (km > query.RadiusKm) continue;
            hits.Add((c, km, rules.Derive(c.IntakeOpen, c.WaitingWeeks, c.ConfirmedAt, now)));
        }

        var ordered = OfferOrder.Apply(hits, query.Sort, h => new OrderKey(h.C.Id, h.C.ProviderName, h.C.ProductName, h.Km, h.Light));
        var (page, pageSize) = OfferOrder.Page(query.Page, query.PageSize, hits.Count);
        var pageHits = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();

        var ids = pageHits.Select(h => h.C.Id).ToList();
        var languages = (await db.Set<OfferLanguage>().AsNoTracking().Where(l => ids.Contains(l.OfferId)).ToListAsync(ct))
            .ToLookup(l => l.OfferId, l => l.LanguageCode);

        var result = pageHits.Select(h => new OfferHit(
            h.C.Id, h.C.ProviderId, h.C.ProviderName, h.C.ProductId, h.C.ProductName, h.C.LevelName, h.C.Kind,
            h.Km, h.C.Town, h.C.FreePlaces, h.Light, h.C.Transport, languages[h.C.Id].Order(StringComparer.Ordinal).ToList(),
            h.C.LocationId, h.C.LocationName,
            h.C.AtLocation ? new OfferPlace(h.C.Latitude, h.C.Longitude, OfferPlace.StreetLine(h.C.Street!, h.C.HouseNumber!), h.C.Postcode!) : null)).ToList();
        return new OfferSearchResult(result, hits.Count, page, pageSize) { Engine = EngineName };
    }

    /// <summary>
    /// Turns what a person typed into an FTS5 query: every word must occur, as a word or the start of one.
    /// Anything but letters and digits is dropped, so no input can be read as FTS5 syntax.
    /// </summary>
    internal static string? FtsMatch(string? text)
    {
        var terms = SearchText.Terms(text);
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => $"\"{t}\"*"));
    }

    private sealed record Candidate(
        int Id, int ProviderId, string ProviderName, int ProductId, string ProductName, string? LevelName, ProductKind Kind,
        bool AtLocation, double Latitude, double Longitude, string? Town, bool IntakeOpen, int WaitingWeeks,
        int? FreePlaces, DateTime? ConfirmedAt, Transport Transport, int? LocationId, string? LocationName,
        string? Street, string? HouseNumber, string? Postcode);
}
