using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.Provider;

/// <summary>/aanbieder/{id}/wachttijden: every offer in one table; edit a row in place, or confirm all at once.</summary>
[Authorize(Policy = Roles.Provider)]
public sealed class WeeklyUpdateModel(Membership membership, WeeklyUpdate update, IStringLocalizer<SharedResource> L) : PageModel
{
    public Domain.Provider Organisation { get; private set; } = null!;
    public List<UpdateRow> Rows { get; private set; } = [];
    [TempData] public string? Status { get; set; }
    /// <summary>Regions that deactivated the organisation: their offers are not in the table.</summary>
    public List<RegionLock> Locks { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int providerId, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is not { } organisation) return NotFound();
        Organisation = organisation;
        Rows = await update.RowsAsync(providerId, ct);
        Locks = await membership.LocksAsync(providerId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRowAsync(int providerId, int offerId, RowInput row, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is not { } organisation) return NotFound();
        var result = await update.SaveRowAsync(providerId, offerId, row, ModelState, ct);
        if (result is null)
        {
            // An offer of a region that deactivated the organisation: refused with the region's reason.
            var locks = await membership.LocksAsync(providerId, ct);
            var region = await update.RegionOfAsync(providerId, offerId, ct);
            if (locks.FirstOrDefault(l => l.RegionId == region) is not { } locked) return NotFound();
            await OnGetAsync(providerId, ct);
            Error = locked.Message(L);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (Request.WantsFragment()) return this.Fragment("_UpdateRow", result with { IsFragment = true });
        if (result.Saved)
        {
            Status = L["Opgeslagen en bevestigd: {0}.", result.Product];
            return RedirectToPage("/Provider/WeeklyUpdate", null, new { providerId }, $"offer-{offerId}");
        }
        Organisation = organisation;
        Rows = (await update.RowsAsync(providerId, ct)).Select(r => r.OfferId == offerId ? result : r).ToList();
        Locks = await membership.LocksAsync(providerId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAllAsync(int providerId, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is null) return NotFound();
        var shown = new Dictionary<int, int>();
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("v-", StringComparison.Ordinal) && int.TryParse(key[2..], out var id) && int.TryParse(value, out var version))
                shown[id] = version;
        }
        var (confirmed, skipped) = await update.ConfirmAllAsync(providerId, shown, ct);
        Status = skipped.Count == 0
            ? L["{0} aanbiedingen bevestigd. Dank u wel!", confirmed]
            : L["{0} aanbiedingen bevestigd. {1} aanbod is intussen door een collega gewijzigd; kijk dat eerst na.", confirmed, skipped.Count];
        return RedirectToPage("/Provider/WeeklyUpdate", new { providerId });
    }
}
