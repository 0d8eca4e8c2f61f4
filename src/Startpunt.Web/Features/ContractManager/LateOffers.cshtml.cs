using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio/aanbieders/{id}/te-laat: a provider's offers not confirmed in time, and who a reminder goes to.</summary>
[Authorize(Policy = Roles.ContractManager)]
[RegionAccess]
public sealed class LateOffersModel(RegionScope scope, StartpuntDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    public Domain.Region Region { get; private set; } = null!;
    public Domain.Provider Provider { get; private set; } = null!;
    public List<Offer> Offers { get; private set; } = [];
    public Dictionary<int, string> Distinctions { get; private set; } = [];
    /// <summary>The addresses a reminder goes to: the provider's active people, else the provider's own address.</summary>
    public List<string> Recipients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int providerId, CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        if (!await scope.IsInRegionAsync(providerId, region.Id, ct)) return NotFound();
        Region = region;
        Provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == providerId, ct);
        var overdueBefore = Confirmation.OverdueBefore(clock.GetUtcNow().UtcDateTime);
        Offers = await db.Offers.AsNoTracking().Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
            .Where(o => o.ProviderId == providerId && o.RegionId == region.Id && !o.Paused && (o.Availability.ConfirmedAt == null || o.Availability.ConfirmedAt < overdueBefore))
            .OrderBy(o => o.Availability.ConfirmedAt).ThenBy(o => o.Id).ToListAsync(ct);
        Distinctions = await OfferLabels.DistinctionsAsync(db, Offers, ct);
        Recipients = await db.OrganisationMembers.Where(m => m.ProviderId == providerId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).Where(u => !u.Deactivated && u.Email != null)
            .Select(u => u.Email!).OrderBy(e => e).ToListAsync(ct);
        if (Recipients.Count == 0 && !string.IsNullOrWhiteSpace(Provider.Email)) Recipients.Add(Provider.Email);
        return Page();
    }
}
