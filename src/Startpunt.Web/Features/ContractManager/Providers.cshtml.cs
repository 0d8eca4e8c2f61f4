using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio/aanbieders: the region's providers; invite their first user, deactivate or activate them.</summary>
[Authorize(Policy = Roles.ContractManager)]
public sealed class ProvidersModel(RegionScope scope, StartpuntDb db, UserManager<StartpuntUser> users, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const string DeactivationReason = "Gedeactiveerd door de contractmanager";

    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    public Domain.Region Region { get; private set; } = null!;
    public List<(Domain.Provider Provider, int Offers, int Contracts, int Members)> Providers { get; private set; } = [];
    [TempData] public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        Region = region;
        var list = await scope.Providers(region.Id).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new
            {
                Provider = p,
                Offers = p.Offers.Count(o => o.RegionId == region.Id),
                Contracts = p.Contracts.Count(c => c.Product!.RegionId == region.Id),
                Members = db.OrganisationMembers.Count(m => m.ProviderId == p.Id),
            }).ToListAsync(ct);
        Providers = list.Select(x => (x.Provider, x.Offers, x.Contracts, x.Members)).ToList();
        return Page();
    }

    /// <summary>Pauses every offer of the provider in this region and stops its people from signing in.</summary>
    public async Task<IActionResult> OnPostDeactivateAsync(int providerId, CancellationToken ct) => await SetActiveAsync(providerId, false, ct);

    public async Task<IActionResult> OnPostActivateAsync(int providerId, CancellationToken ct) => await SetActiveAsync(providerId, true, ct);

    private async Task<IActionResult> SetActiveAsync(int providerId, bool active, CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        if (!await scope.IsInRegionAsync(providerId, region.Id, ct)) return NotFound();
        var provider = await db.Providers.SingleAsync(p => p.Id == providerId, ct);
        var offers = await db.Offers.Where(o => o.ProviderId == providerId && o.RegionId == region.Id).ToListAsync(ct);
        if (active)
        {
            provider.DeactivatedAt = null;
            // Only what deactivation paused comes back; offers the provider paused itself stay paused.
            foreach (var o in offers.Where(o => o.Paused && o.PausedReason == DeactivationReason)) { o.Paused = false; o.PausedReason = null; }
        }
        else
        {
            provider.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
            foreach (var o in offers.Where(o => !o.Paused)) { o.Paused = true; o.PausedReason = DeactivationReason; }
        }
        await db.SaveChangesAsync(ct);
        var memberIds = await db.OrganisationMembers.Where(m => m.ProviderId == providerId).Select(m => m.UserId).ToListAsync(ct);
        foreach (var user in await db.Users.Where(u => memberIds.Contains(u.Id)).ToListAsync(ct))
        {
            // People of several organisations keep access while one of them is still active.
            var stillActive = await db.OrganisationMembers.AnyAsync(m => m.UserId == user.Id && m.ProviderId != providerId && m.Provider!.DeactivatedAt == null, ct);
            user.Deactivated = !active && !stillActive;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user); // signs them out everywhere
        }
        Status = active ? L["{0} is weer actief. Het aanbod staat weer in de zoekresultaten.", provider.Name] : L["{0} is gedeactiveerd. Het aanbod staat niet meer in de zoekresultaten.", provider.Name];
        return RedirectToPage("/ContractManager/Providers", new { regio = region.Id });
    }
}
