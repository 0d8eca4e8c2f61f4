using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;

namespace Startpunt.Web.Features.History;

/// <summary>/aanbieder/{id}/geschiedenis: everything that changed at the organisation, for its own people; also as CSV.</summary>
[Authorize(Policy = Roles.Provider)]
public sealed class OrganisationModel(Membership membership, HistoryLog log, IStringLocalizer<SharedResource> L) : PageModel
{
    public Domain.Provider Organisation { get; private set; } = null!;
    public HistoryListModel List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int providerId, CancellationToken ct) =>
        await LoadAsync(providerId, HistoryLog.PageRows, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int providerId, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, HistoryLog.ExportRows, ct)) return NotFound();
        if (List.View is not { } view) return Page();
        return await HistoryCsv.FileAsync($"startpunt-geschiedenis-{providerId}.csv", view, L);
    }

    private async Task<bool> LoadAsync(int providerId, int limit, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is not { } organisation) return false;
        Organisation = organisation;
        var filter = HistoryFilter.Read(Request.Query);
        var view = await log.ReadAsync(log.OfOrganisation(providerId), filter, ModelState, limit, ct);
        List = new HistoryListModel(filter, view, "/History/Organisation", new Dictionary<string, string> { ["providerId"] = providerId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new Dictionary<string, string>());
        return true;
    }
}
