using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Search;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Features.Consultant;

/// <summary>What a consultant adds to the resident's search: the client's municipality, contract and intake filters.</summary>
public sealed class ConsultantFilters
{
    /// <summary>The client's municipality (CBS code); defaults to the municipality of the postcode.</summary>
    [FromQuery(Name = "gemeente")] public string? Municipality { get; set; }
    /// <summary>"alle" also shows offers of providers without a contract there, marked; otherwise only contracted ones.</summary>
    [FromQuery(Name = "contract")] public string? Contract { get; set; }
    [FromQuery(Name = "open")] public string? IntakeOnly { get; set; }

    /// <summary>
    /// The offers ticked for the shortlist over every page ("aanbod=1,2", or repeated). It lives in the URL, so it
    /// survives paging and changing filters without JavaScript; what is not a number is left out.
    /// </summary>
    [FromQuery(Name = "aanbod")] public string[]? Chosen { get; set; }

    public IReadOnlyList<int> ChosenIds => (Chosen ?? [])
        .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(v => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
        .Where(id => id > 0).Distinct().ToList();

    public bool ShowAll => Contract == "alle";
    public bool OnlyIntakeOpen => IntakeOnly is "1" or "true" or "on";
}

/// <summary>One row of the consultant's table.</summary>
public sealed record ConsultantRow(OfferHit Hit, bool Contracted, string? Phone, string? Email, string? Website);

public sealed class ConsultantPageModel
{
    public required SearchPageModel Search { get; init; }
    public required ConsultantFilters Filters { get; init; }
    public IReadOnlyList<Municipality> Municipalities { get; set; } = [];
    public Municipality? ClientMunicipality { get; set; }
    public IReadOnlyList<ConsultantRow> Rows { get; set; } = [];
    public int Total { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = ConsultantSearch.PageSize;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasResult { get; set; }
}

/// <summary>
/// The consultant's search: the resident search (same validation, same engine) over the whole radius, then narrowed
/// to providers contracted for this product in the client's municipality, or marked "niet gecontracteerd".
/// </summary>
public sealed class ConsultantSearch(ResidentSearch residents, IOfferSearch search, StartpuntDb db, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public const int PageSize = 25;

    public async Task<ConsultantPageModel> RunAsync(SearchForm form, ConsultantFilters filters, bool all, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(form.Sort)) form.Sort = "wachttijd";
        var (searchModel, query) = await residents.PrepareAsync(form, ct);
        var model = new ConsultantPageModel { Search = searchModel, Filters = filters };
        if (searchModel.Region is { } region)
            model.Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == region.Id).OrderBy(m => m.Name).ToListAsync(ct);

        if (!string.IsNullOrEmpty(filters.Contract) && filters.Contract is not ("ja" or "alle"))
            searchModel.Errors["contract"] = L["Kies een keuze uit de lijst."];
        if (!string.IsNullOrWhiteSpace(filters.Municipality))
        {
            model.ClientMunicipality = model.Municipalities.FirstOrDefault(m => m.Code == filters.Municipality);
            if (model.ClientMunicipality is null && searchModel.Region is not null)
                searchModel.Errors["gemeente"] = L["Kies een gemeente uit regio {0}.", searchModel.Region.Name];
        }
        else model.ClientMunicipality = searchModel.Municipality;
        if (query is null || searchModel.Errors.Count > 0 || model.ClientMunicipality is null) return model;

        // The whole radius, in the engine's order; a region holds at most a few thousand offers.
        var hits = new List<OfferHit>();
        for (var page = 1; ; page++)
        {
            var result = await search.SearchAsync(query with { Page = page, PageSize = 100 }, ct);
            hits.AddRange(result.Hits);
            if (page >= result.PageCount) break;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var code = model.ClientMunicipality.Code;
        var contracted = (await db.Contracts.AsNoTracking()
                .Where(c => c.StartDate <= today && (c.EndDate == null || c.EndDate >= today) && c.Municipalities.Any(m => m.MunicipalityCode == code))
                .Select(c => new { c.ProviderId, c.ProductId }).ToListAsync(ct))
            .Select(c => (c.ProviderId, c.ProductId)).ToHashSet();

        var rows = hits.Select(h => (Hit: h, Contracted: contracted.Contains((h.ProviderId, h.ProductId))))
            .Where(r => filters.ShowAll || r.Contracted)
            .Where(r => !filters.OnlyIntakeOpen || r.Hit.Stoplight.IntakeOpen)
            .ToList();
        model.Total = rows.Count;
        model.HasResult = true;
        if (!all)
        {
            var pageNumber = int.TryParse(form.Page, out var p) ? Math.Clamp(p, 1, Math.Max(1, (rows.Count + PageSize - 1) / PageSize)) : 1;
            model.Page = pageNumber;
            rows = rows.Skip((pageNumber - 1) * PageSize).Take(PageSize).ToList();
        }
        var providerIds = rows.Select(r => r.Hit.ProviderId).Distinct().ToList();
        var contacts = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Phone, p.Email, p.Website }).ToDictionaryAsync(p => p.Id, ct);
        model.Rows = rows.Select(r => new ConsultantRow(r.Hit, r.Contracted, contacts[r.Hit.ProviderId].Phone, contacts[r.Hit.ProviderId].Email, contacts[r.Hit.ProviderId].Website)).ToList();
        return model;
    }
}
