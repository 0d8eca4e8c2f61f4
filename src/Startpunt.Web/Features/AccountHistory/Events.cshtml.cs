using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.ContractManager;

namespace Startpunt.Web.Features.AccountHistory;

/// <summary>
/// /regio/accountgeschiedenis: sign-ins, lockouts, passwords, two-step sign-in, invitations, memberships, roles and
/// switched-off accounts. An administrator sees every account; a contract manager the people of the region's providers.
/// </summary>
[Authorize(Policy = Roles.ContractManager)]
[RegionAccess]
public sealed class EventsModel(RegionScope scope, AccountEventLog log, IStringLocalizer<SharedResource> L) : PageModel
{
    public Domain.Region Region { get; private set; } = null!;
    public bool Everyone => User.IsInRole(Roles.Administrator);
    public AccountEventFilter Filter { get; private set; } = new();
    public AccountEventView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(AccountEventLog.PageRows, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(AccountEventLog.ExportRows, ct)) return NotFound();
        return View is { } view ? await AccountEventCsv.FileAsync($"startpunt-accountgeschiedenis{(Everyone ? "" : "-" + Region.Id)}.csv", view, L) : Page();
    }

    private async Task<bool> LoadAsync(int limit, CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, Request.Query["regio"], ct) is not { } region) return false;
        Region = region;
        Filter = AccountEventFilter.Read(Request.Query);
        var events = Everyone ? log.All() : log.OfProviders(scope.Providers(region.Id).Select(p => p.Id));
        View = await log.ReadAsync(events, Filter, ModelState, limit, ct);
        return true;
    }
}
