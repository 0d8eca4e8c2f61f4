using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Search;
using Startpunt.Web.Features.Shared;
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

    public bool ShowAll => Contract == "alle";
    public bool OnlyIntakeOpen => IntakeOnly is "1" or "true" or "on";
}

/// <summary>One row of the consultant's table.</summary>
public sealed record ConsultantRow(OfferHit Hit, bool Contracted, string? Phone, string? Email, string? Website);

/// <summary>What the consultant's page shows: the search form with the consultant's filters, and one page of the table.</summary>
public sealed class ConsultantViewModel : IFragmentModel
{
    public required SearchViewModel Search { get; init; }
    public required ConsultantFilters Filters { get; init; }
    public IReadOnlyList<Municipality> Municipalities { get; set; } = [];
    public Municipality? ClientMunicipality { get; set; }
    public IReadOnlyList<ConsultantRow> Rows { get; set; } = [];
    public int Total { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = ConsultantSearch.PageSize;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasResult { get; set; }
    public string Title { get; set; } = "";
    public bool IsFragment { get; set; }
}

/// <summary>
/// The consultant's search: the resident search (same validation, same engine), sorted by waiting time, either only
/// the offers contracted for the client's municipality (the engine filters and pages: <see cref="OfferSearchQuery.ContractedFor"/>)
/// or all of them with the not contracted ones marked.
/// </summary>
public sealed class ConsultantSearch(ResidentSearch residents, IOfferSearch search, StartpuntDb db, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public const int PageSize = 25;

    public async Task<ConsultantViewModel> RunAsync(SearchForm form, ConsultantFilters filters, ModelStateDictionary errors, bool all, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(form.Sort)) form.Sort = "wachttijd";
        var (searchModel, query) = await residents.PrepareAsync(form, errors, SearchSurface.Consultant, ct);
        var model = new ConsultantViewModel { Search = searchModel, Filters = filters };
        searchModel.Consultant = model;
        if (searchModel.Region is { } region)
            model.Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == region.Id).OrderBy(m => m.Name).ToListAsync(ct);

        if (!string.IsNullOrEmpty(filters.Contract) && filters.Contract is not ("ja" or "alle"))
            errors.AddModelError("contract", L["Kies een keuze uit de lijst."]);
        if (!string.IsNullOrWhiteSpace(filters.Municipality))
        {
            model.ClientMunicipality = model.Municipalities.FirstOrDefault(m => m.Code == filters.Municipality);
            if (model.ClientMunicipality is null && searchModel.Region is not null)
                errors.AddModelError("gemeente", L["Kies een gemeente uit regio {0}.", searchModel.Region.Name]);
        }
        else model.ClientMunicipality = searchModel.Municipality;
        if (query is null || errors.ErrorCount > 0 || model.ClientMunicipality is null) return model;

        var code = model.ClientMunicipality.Code;
        query = query with { ContractedFor = filters.ShowAll ? null : code, IntakeOpenOnly = filters.OnlyIntakeOpen, PageSize = all ? 100 : PageSize };
        var result = await search.SearchAsync(query with { Page = all ? 1 : int.TryParse(form.Page, out var p) ? p : 1 }, ct);
        model.Total = result.Total;
        model.Page = result.Page;
        model.HasResult = true;
        var hits = result.Hits.ToList();
        // The CSV export holds every page.
        for (var page = 2; all && page <= result.PageCount; page++)
            hits.AddRange((await search.SearchAsync(query with { Page = page }, ct)).Hits);

        var providerIds = hits.Select(h => h.ProviderId).Distinct().ToList();
        var contacts = await db.Providers.AsNoTracking().Where(pr => providerIds.Contains(pr.Id))
            .Select(pr => new { pr.Id, pr.Phone, pr.Email, pr.Website }).ToDictionaryAsync(pr => pr.Id, ct);
        var contracted = filters.ShowAll ? await ContractedAsync(providerIds, code, ct) : null;
        model.Rows = hits.Select(h => new ConsultantRow(h, contracted?.Contains((h.ProviderId, h.ProductId)) ?? true,
            contacts[h.ProviderId].Phone, contacts[h.ProviderId].Email, contacts[h.ProviderId].Website)).ToList();
        return model;
    }

    /// <summary>Which of these providers' products are contracted for the municipality today, to mark the others.</summary>
    private async Task<HashSet<(int ProviderId, int ProductId)>> ContractedAsync(List<int> providerIds, string municipality, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (await db.Contracts.AsNoTracking().Where(Contract.ActiveOn(today))
                .Where(c => providerIds.Contains(c.ProviderId) && c.Municipalities.Any(m => m.MunicipalityCode == municipality))
                .Select(c => new { c.ProviderId, c.ProductId }).ToListAsync(ct))
            .Select(c => (c.ProviderId, c.ProductId)).ToHashSet();
    }
}
