using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.OpenData;

public static partial class HsdsEndpoints
{
    private static async Task<IResult> Organizations(HttpContext http, HsdsData data, CancellationToken ct)
    {
        var p = await HsdsParameterParser.ParseAsync(http.Request, data.Db, "taxonomy_term_id", "taxonomy_id", "modified_after", "full", "full_service");
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        var db = data.Db;
        IQueryable<Domain.Provider> providers = db.Providers;
        if (p.TaxonomyTermId is not null || p.TaxonomyId is not null)
        {
            var offers = Filter(data, data.Offers(withInactive: false), p with { ModifiedAfter = null, Search = null }, mapper.Catalogue);
            providers = providers.Where(pr => offers.Any(o => o.ProviderId == pr.Id));
        }
        if (p.ModifiedAfter is { } since)
        {
            // An organization changed when it, one of its locations, or one of its services (also a removed one) did.
            var changedOffers = data.ModifiedSince(data.Offers(withInactive: true), since);
            providers = providers.Where(pr => pr.UpdatedAt >= since || pr.Locations.Any(l => l.UpdatedAt >= since) || changedOffers.Any(o => o.ProviderId == pr.Id));
        }
        if (p.Search is { } text)
            foreach (var word in HsdsData.Words(text))
                providers = providers.Where(pr => EF.Functions.Like(pr.Name.ToLower(), $"%{word}%", "\\") || EF.Functions.Like(pr.Description.ToLower(), $"%{word}%", "\\"));

        var total = await providers.CountAsync(ct);
        var skip = (long)(p.Page - 1) * p.PerPage;
        var page = skip >= total ? [] : await providers.AsNoTracking().OrderBy(pr => pr.Id).Skip((int)skip).Take(p.PerPage).ToListAsync(ct);
        if (!p.Full) return PageResult(http, p, total, page.Select(pr => mapper.Organization(pr, full: false)).ToList());
        var contents = new List<HsdsOrganization>();
        foreach (var provider in page) contents.Add(await FullOrganizationAsync(data, mapper, provider, p.FullService, ct));
        return PageResult(http, p, total, contents);
    }

    private static async Task<IResult> Organization(string id, HttpContext http, HsdsData data, CancellationToken ct)
    {
        var p = await HsdsParameterParser.ParseAsync(http.Request, null, "full_service");
        var provider = Guid.TryParseExact(id, "D", out var publicId)
            ? await data.Db.Providers.AsNoTracking().SingleOrDefaultAsync(pr => pr.PublicId == publicId, ct)
            : null;
        if (provider is null) return HsdsProblems.NotFound($"No organization with id '{id}'.");
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        return new HsdsResult(await FullOrganizationAsync(data, mapper, provider, p.FullService, ct));
    }

    /// <summary>An organization with its phones, KvK number, locations, history and active services (brief, or full).</summary>
    private static async Task<HsdsOrganization> FullOrganizationAsync(HsdsData data, HsdsMapper mapper, Domain.Provider provider, bool fullServices, CancellationToken ct)
    {
        var locations = await data.Db.Locations.AsNoTracking().Where(l => l.ProviderId == provider.Id).OrderBy(l => l.Id).ToListAsync(ct);
        var offerIds = await data.Offers(withInactive: false).Where(o => o.ProviderId == provider.Id).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var offers = await LoadOffersAsync(data, offerIds, ct);
        mapper.History = await data.HistoryAsync(
        [
            ("Provider", [provider.Id]), ("Location", locations.Select(l => l.Id).ToList()), ("Offer", fullServices ? offerIds : []),
        ], ct);
        var services = offers.Select(o => mapper.Service(o, fullServices, withOrganization: false)).ToList();
        return mapper.Organization(provider, full: true, locations, services);
    }

    // ---- locations ------------------------------------------------------------------------------------------------

    private static async Task<IResult> Locations(HttpContext http, HsdsData data, CancellationToken ct)
    {
        var p = await HsdsParameterParser.ParseAsync(http.Request, data.Db, "taxonomy_term_id", "organization_id", "modified_after", "full");
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        IQueryable<Location> locations = data.Db.Locations;
        if (p.TaxonomyTermId is not null)
        {
            var offers = Filter(data, data.Offers(withInactive: false), p with { ModifiedAfter = null, Search = null, OrganizationId = null }, mapper.Catalogue);
            locations = locations.Where(l => offers.Any(o => o.LocationId == l.Id));
        }
        if (p.OrganizationId is { } organizationId) locations = locations.Where(l => l.Provider!.PublicId == organizationId);
        if (p.ModifiedAfter is { } since) locations = locations.Where(l => l.UpdatedAt >= since);
        if (p.Search is { } text)
            foreach (var word in HsdsData.Words(text))
                locations = locations.Where(l => EF.Functions.Like(l.Name.ToLower(), $"%{word}%", "\\") || EF.Functions.Like(l.Town.ToLower(), $"%{word}%", "\\")
                                                 || EF.Functions.Like(l.Street.ToLower(), $"%{word}%", "\\") || EF.Functions.Like(l.Postcode.ToLower(), $"%{word}%", "\\"));
        var total = await locations.CountAsync(ct);
        var skip = (long)(p.Page - 1) * p.PerPage;
        var page = skip >= total ? [] : await locations.AsNoTracking().Include(l => l.Provider).OrderBy(l => l.Id).Skip((int)skip).Take(p.PerPage).ToListAsync(ct);
        if (p.Full) mapper.History = await data.HistoryAsync("Location", page.Select(l => l.Id).ToList(), ct);
        return PageResult(http, p, total, page.Select(l => mapper.Location(l, l.Provider!.PublicId, p.Full)).ToList());
    }

    private static async Task<IResult> Location(string id, HttpContext http, HsdsData data, CancellationToken ct)
    {
        var location = Guid.TryParseExact(id, "D", out var publicId)
            ? await data.Db.Locations.AsNoTracking().Include(l => l.Provider).SingleOrDefaultAsync(l => l.PublicId == publicId, ct)
            : null;
        if (location is null) return HsdsProblems.NotFound($"No location with id '{id}'.");
        var mapper = await data.MapperAsync(BaseUrl(http.Request), ct);
        mapper.History = await data.HistoryAsync("Location", [location.Id], ct);
        return new HsdsResult(mapper.Location(location, location.Provider!.PublicId, full: true));
    }
}
