using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Startpunt.Web.Data.PostgreSql;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Features.OpenData;

public static partial class HsdsEndpoints
{
    /// <summary>
    /// Services at their locations (day activities, short stays). With a postcode: nearest first from the centroid of
    /// its PC4 area, with the distance in metres; with proximity too: only those within that many metres. Help at
    /// home has no location: it is a service with service_areas (see /services).
    /// </summary>
    private static async Task<IResult> ServiceAtLocations(HttpContext http, HsdsData data, CancellationToken ct)
    {
        var p = await HsdsParameterParser.ParseAsync(http.Request, data.Db,
            "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full", "postcode", "proximity");
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        var offers = Filter(data, data.Offers(withInactive: false).Where(o => o.LocationId != null), p, mapper.Catalogue);

        List<int> ids;
        int total;
        Dictionary<int, int>? metres = null;
        var skip = (long)(p.Page - 1) * p.PerPage;
        if (p.Point is { } point)
        {
            var (pageHits, count) = data.Db is PostgreSqlStartpuntDb
                ? await NearestOnPostGisAsync(offers, point.Latitude, point.Longitude, p.ProximityMetres, skip, p.PerPage, ct)
                : await NearestAsync(offers, point.Latitude, point.Longitude, p.ProximityMetres, skip, p.PerPage, ct);
            total = count;
            ids = pageHits.Select(h => h.Id).ToList();
            metres = pageHits.ToDictionary(h => h.Id, h => (int)Math.Round(h.Metres));
        }
        else
        {
            total = await offers.CountAsync(ct);
            ids = skip >= total ? [] : await offers.OrderBy(o => o.Id).Skip((int)skip).Take(p.PerPage).Select(o => o.Id).ToListAsync(ct);
        }
        var page = await LoadOffersAsync(data, ids, ct);
        if (p.Full) mapper.History = await data.HistoryAsync("Offer", ids, ct);
        return PageResult(http, p, total, page.Select(o => mapper.ServiceAtLocation(o, o.Location!, withService: true, metres?.GetValueOrDefault(o.Id), p.Full)).ToList());
    }

    /// <summary>The same geo as the resident search: a bounding box narrows the candidates, the exact distance decides.</summary>
    private static async Task<(List<(int Id, double Metres)> Page, int Total)> NearestAsync(
        IQueryable<Offer> offers, double latitude, double longitude, int? radius, long skip, int take, CancellationToken ct)
    {
        if (radius is { } r)
        {
            var box = Distance.Box(latitude, longitude, r / 1000.0);
            offers = offers.Where(o => o.Location!.Latitude >= box.MinLatitude && o.Location.Latitude <= box.MaxLatitude
                                       && o.Location.Longitude >= box.MinLongitude && o.Location.Longitude <= box.MaxLongitude);
        }
        var candidates = await offers.Select(o => new { o.Id, o.Location!.Latitude, o.Location.Longitude }).ToListAsync(ct);
        var ranked = candidates
            .Select(c => (c.Id, Metres: Distance.Km(latitude, longitude, c.Latitude, c.Longitude) * 1000))
            .Where(c => radius is not { } limit || c.Metres <= limit)
            .OrderBy(c => c.Metres).ThenBy(c => c.Id)
            .ToList();
        return (skip >= ranked.Count ? [] : ranked.Skip((int)skip).Take(take).ToList(), ranked.Count);
    }

    /// <summary>
    /// PostgreSQL: ST_DWithin on the GiST-indexed geography of each location, ordered and paged by ST_Distance in the
    /// database. On the sphere (use_spheroid false), whose radius is the mean Earth radius of <see cref="Distance"/>, so
    /// both providers give the same metres.
    /// </summary>
    private static async Task<(List<(int Id, double Metres)> Page, int Total)> NearestOnPostGisAsync(
        IQueryable<Offer> offers, double latitude, double longitude, int? radius, long skip, int take, CancellationToken ct)
    {
        var origin = PostgreSqlStartpuntDb.PointAt(latitude, longitude);
        if (radius is { } r)
            offers = offers.Where(o => EF.Functions.IsWithinDistance(EF.Property<Point>(o.Location!, PostgreSqlStartpuntDb.Position), origin, r, false));
        var total = await offers.CountAsync(ct);
        var page = await offers
            .Select(o => new { o.Id, Metres = EF.Functions.Distance(EF.Property<Point>(o.Location!, PostgreSqlStartpuntDb.Position), origin, false) })
            .OrderBy(h => h.Metres).ThenBy(h => h.Id)
            .Skip((int)Math.Min(skip, int.MaxValue)).Take(take)
            .ToListAsync(ct);
        return (page.Select(h => (h.Id, h.Metres)).ToList(), total);
    }

    private static async Task<IResult> ServiceAtLocation(string id, HttpContext http, HsdsData data, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "D", out var wanted)) return HsdsProblems.NotFound($"No service_at_location with id '{id}'.");
        // The id is derived from the service's and the location's ids, so it is found by deriving, not stored.
        var pairs = await data.Offers(withInactive: false).Where(o => o.LocationId != null)
            .Select(o => new { o.Id, Offer = o.PublicId, Location = o.Location!.PublicId }).ToListAsync(ct);
        var match = pairs.FirstOrDefault(x => HsdsMapper.ServiceAtLocationId(x.Offer, x.Location) == wanted);
        if (match is null) return HsdsProblems.NotFound($"No service_at_location with id '{id}'.");
        var offer = (await LoadOffersAsync(data, [match.Id], ct)).Single();
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        mapper.History = await data.HistoryAsync("Offer", [offer.Id], ct);
        return new HsdsResult(mapper.ServiceAtLocation(offer, offer.Location!, withService: true, fullService: true));
    }

    // ---- taxonomies -----------------------------------------------------------------------------------------------

    private static async Task<IResult> Taxonomies(HttpContext http, HsdsData data, CancellationToken ct)
    {
        var p = await HsdsParameterParser.ParseAsync(http.Request, null);
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        var all = mapper.Catalogue.Taxonomies.Where(t => p.Search is null || Matches(p.Search, t.Name, t.Description)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        return PageResult(http, p, all.Count, all.Skip((int)Math.Min(int.MaxValue, (long)(p.Page - 1) * p.PerPage)).Take(p.PerPage).ToList());
    }

    private static async Task<IResult> Taxonomy(string id, HttpContext http, HsdsData data, CancellationToken ct)
    {
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        var taxonomy = Guid.TryParseExact(id, "D", out var wanted) ? mapper.Catalogue.Taxonomies.FirstOrDefault(t => t.Id == wanted) : null;
        return taxonomy is null ? HsdsProblems.NotFound($"No taxonomy with id '{id}'.") : new HsdsResult(taxonomy);
    }

    private static async Task<IResult> TaxonomyTerms(HttpContext http, HsdsData data, CancellationToken ct)
    {
        var p = await HsdsParameterParser.ParseAsync(http.Request, null, "taxonomy_id", "parent_id", "top_only");
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        var terms = mapper.Catalogue.Terms.Select(t => t.Term)
            .Where(t => p.TaxonomyId is not { } taxonomy || t.TaxonomyId == taxonomy)
            .Where(t => p.ParentId is not { } parent || t.ParentId == parent)
            .Where(t => !p.TopOnly || t.ParentId is null)
            .Where(t => p.Search is null || Matches(p.Search, t.Name, t.Code, t.Description))
            .ToList();
        return PageResult(http, p, terms.Count, terms.Skip((int)Math.Min(int.MaxValue, (long)(p.Page - 1) * p.PerPage)).Take(p.PerPage).ToList());
    }

    private static async Task<IResult> TaxonomyTerm(string id, HttpContext http, HsdsData data, CancellationToken ct)
    {
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        var term = Guid.TryParseExact(id, "D", out var wanted) ? mapper.Catalogue.Term(wanted) : null;
        return term is null ? HsdsProblems.NotFound($"No taxonomy_term with id '{id}'.") : new HsdsResult(term.Term);
    }

    private static bool Matches(string search, params string[] fields) =>
        search.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(word => fields.Any(f => f.Contains(word, StringComparison.CurrentCultureIgnoreCase)));
}
