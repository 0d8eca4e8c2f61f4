using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.ContractManager;

namespace Startpunt.Web.Features.History;

/// <summary>/regio/geschiedenis: everything that changed in the region (offers, providers, locations, contracts, catalogue); also as CSV.</summary>
[Authorize(Policy = Roles.ContractManager)]
public sealed class RegionModel(RegionScope scope, HistoryLog log, IStringLocalizer<SharedResource> L) : PageModel
{
    public Domain.Region Region { get; private set; } = null!;
    public HistoryListModel List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(HistoryLog.PageRows, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(HistoryLog.ExportRows, ct)) return NotFound();
        if (List.View is not { } view) return Page();
        return await HistoryCsv.FileAsync($"startpunt-geschiedenis-{Region.Id}.csv", view, L);
    }

    private async Task<bool> LoadAsync(int limit, CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, Request.Query["regio"], ct) is not { } region) return false;
        Region = region;
        var filter = HistoryFilter.Read(Request.Query);
        var providers = scope.Providers(region.Id).Select(p => p.Id);
        var view = await log.ReadAsync(log.OfRegion(region.Id, providers), filter, ModelState, limit, ct);
        List = new HistoryListModel(filter, view, "/History/Region", new Dictionary<string, string>(), new Dictionary<string, string> { ["regio"] = region.Id });
        return true;
    }
}
