using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.OpenData;

/// <summary>
/// The read-only HSDS 3.1 API under /api/hsds: the HSDS path names, its paging envelope and parameters. Every endpoint
/// answers GET and HEAD, with CORS open and a per-client rate limit (OpenDataSetup); errors are problem+json.
/// </summary>
public static partial class HsdsEndpoints
{
    public const string Prefix = "/api/hsds";
    private static readonly string[] GetHead = [HttpMethods.Get, HttpMethods.Head];

    public static RouteGroupBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireCors(OpenDataSetup.CorsPolicy)
            .RequireRateLimiting(OpenDataSetup.RateLimitPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                try { return await next(context); }
                catch (BadParameterException e) { return HsdsProblems.BadParameter(e.Parameter, e.Message); }
            });
        api.MapMethods("/", GetHead, Index);
        api.MapMethods("/openapi.json", GetHead, OpenApi.Serve);
        api.MapMethods("/services", GetHead, Services);
        api.MapMethods("/services/{id}", GetHead, Service);
        api.MapMethods("/organizations", GetHead, Organizations);
        api.MapMethods("/organizations/{id}", GetHead, Organization);
        api.MapMethods("/service_at_locations", GetHead, ServiceAtLocations);
        api.MapMethods("/service_at_locations/{id}", GetHead, ServiceAtLocation);
        api.MapMethods("/locations", GetHead, Locations);
        api.MapMethods("/locations/{id}", GetHead, Location);
        api.MapMethods("/taxonomies", GetHead, Taxonomies);
        api.MapMethods("/taxonomies/{id}", GetHead, Taxonomy);
        api.MapMethods("/taxonomy_terms", GetHead, TaxonomyTerms);
        api.MapMethods("/taxonomy_terms/{id}", GetHead, TaxonomyTerm);
        // Anything else under the prefix: problem+json too, never the HTML error page.
        api.Map("/{**rest}", (HttpContext http) =>
        {
            if (GetHead.Contains(http.Request.Method)) return HsdsProblems.NotFound($"There is no endpoint {http.Request.Path}. See {Prefix}/openapi.json.");
            http.Response.Headers.Allow = "GET, HEAD";
            return Results.Problem(detail: "This API is read-only: use GET.", statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed");
        });
        return api;
    }

    public static string BaseUrl(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    private static async Task<IResult> Index(HttpContext http, HsdsData data, CancellationToken ct)
    {
        var b = BaseUrl(http.Request);
        var regions = await data.Db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        return new HsdsResult(new HsdsIndex("3.1", $"{b}/open-data#api", $"{b}{Prefix}/openapi.json", $"{b}/open-data",
            regions.Select(r => new HsdsIndexRegion(r.Id, r.Name, HsdsCatalogue.RegionTermId(r.Id),
                $"{b}{Prefix}/services?taxonomy_term_id={HsdsCatalogue.RegionTermId(r.Id)}",
                $"{b}/open-data/{r.Id}/hsds.json", $"{b}/open-data/{r.Id}/hsds-csv.zip", $"{b}/embed?regio={r.Id}")).ToList()));
    }

    // ---- services -------------------------------------------------------------------------------------------------

    private static async Task<IResult> Services(HttpContext http, HsdsData data, CancellationToken ct)
    {
        var p = await HsdsParameterParser.ParseAsync(http.Request, data.Db, "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full");
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        var offers = Filter(data, data.Offers(p.ModifiedAfter is not null), p, mapper.Catalogue);
        var total = await offers.CountAsync(ct);
        var page = await LoadPageAsync(data, offers, p, total, ct);
        if (p.Full) mapper.History = await data.HistoryAsync("Offer", page.Select(o => o.Id).ToList(), ct);
        return PageResult(http, p, total, page.Select(o => mapper.Service(o, p.Full)).ToList());
    }

    private static async Task<IResult> Service(string id, HttpContext http, HsdsData data, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "D", out var publicId)) return HsdsProblems.NotFound($"No service with id '{id}'.");
        var offer = await HsdsData.WithDetails(data.Offers(withInactive: true).Where(o => o.PublicId == publicId)).SingleOrDefaultAsync(ct);
        if (offer is null) return HsdsProblems.NotFound($"No service with id '{id}'.");
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        mapper.History = await data.HistoryAsync("Offer", [offer.Id], ct);
        return new HsdsResult(mapper.Service(offer, full: true));
    }

    /// <summary>The filters that services and services at locations share.</summary>
    private static IQueryable<Offer> Filter(HsdsData data, IQueryable<Offer> offers, HsdsParameters p, HsdsCatalogue catalogue)
    {
        if (p.TaxonomyTermId is { } termId)
            offers = catalogue.Term(termId) is { } term ? HsdsData.WithTerm(offers, term) : offers.Where(o => false);
        if (p.TaxonomyId is { } taxonomyId)
            offers = catalogue.Taxonomies.FirstOrDefault(t => t.Id == taxonomyId) is { } taxonomy
                ? HsdsData.WithTaxonomy(offers, TaxonomyKey(taxonomy))
                : offers.Where(o => false);
        if (p.OrganizationId is { } organizationId) offers = offers.Where(o => o.Provider!.PublicId == organizationId);
        if (p.ModifiedAfter is { } since) offers = data.ModifiedSince(offers, since);
        if (p.Search is { } text) offers = HsdsData.WithText(offers, text);
        return offers;
    }

    private static string TaxonomyKey(HsdsTaxonomy taxonomy) =>
        new[] { HsdsCatalogue.Catalogue, HsdsCatalogue.IwmoCategory, HsdsCatalogue.IwmoUnit, HsdsCatalogue.TargetGroups, HsdsCatalogue.Features }
            .First(k => HsdsCatalogue.TaxonomyId(k) == taxonomy.Id);

    /// <summary>One page of offers in a stable order (creation order), with everything the mapper needs.</summary>
    private static async Task<List<Offer>> LoadPageAsync(HsdsData data, IQueryable<Offer> offers, HsdsParameters p, int total, CancellationToken ct)
    {
        var skip = (long)(p.Page - 1) * p.PerPage;
        if (skip >= total) return [];
        var ids = await offers.OrderBy(o => o.Id).Skip((int)skip).Take(p.PerPage).Select(o => o.Id).ToListAsync(ct);
        return await LoadOffersAsync(data, ids, ct);
    }

    private static async Task<List<Offer>> LoadOffersAsync(HsdsData data, List<int> ids, CancellationToken ct)
    {
        var loaded = (await HsdsData.WithDetails(data.Db.Offers.IgnoreQueryFilters().Where(o => ids.Contains(o.Id))).ToListAsync(ct)).ToDictionary(o => o.Id);
        return ids.Select(id => loaded[id]).ToList();
    }

    /// <summary>The HSDS paging envelope, with Link headers (first, prev, next, last) for convenience.</summary>
    internal static IResult PageResult<T>(HttpContext http, HsdsParameters p, int total, IReadOnlyList<T> contents)
    {
        var pages = Math.Max(1, (total + p.PerPage - 1) / p.PerPage);
        var envelope = new HsdsPage<T>(total, pages, p.Page, contents.Count, p.Page == 1, p.Page >= pages, contents.Count == 0, contents);
        var links = new List<string>();
        void Link(int page, string rel)
        {
            var query = new Dictionary<string, string?>(http.Request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())))
            {
                ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            links.Add($"<{BaseUrl(http.Request)}{http.Request.Path}{QueryString.Create(query)}>; rel=\"{rel}\"");
        }
        Link(1, "first");
        if (p.Page > 1) Link(Math.Min(p.Page - 1, pages), "prev");
        if (p.Page < pages) Link(p.Page + 1, "next");
        Link(pages, "last");
        return new HsdsResult(envelope, new Dictionary<string, string> { ["Link"] = string.Join(", ", links) });
    }
}
