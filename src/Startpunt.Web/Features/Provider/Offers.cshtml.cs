using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>/aanbieder/{id}/aanbod: the organisation's offers, with their state and links to change them.</summary>
[Authorize(Policy = Roles.Provider)]
public sealed class OffersModel(Membership membership, StartpuntDb db) : PageModel
{
    public Domain.Provider Organisation { get; private set; } = null!;
    public List<Offer> Offers { get; private set; } = [];
    [TempData] public string? Status { get; set; }
    public List<RegionLock> Locks { get; private set; } = [];
    /// <summary>What tells offers with the same product and place apart (their target groups).</summary>
    public Dictionary<int, string> Distinctions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int providerId, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is not { } organisation) return NotFound();
        Organisation = organisation;
        Offers = await db.Offers.AsNoTracking().Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
            .Where(o => o.ProviderId == providerId).OrderBy(o => o.Product!.Name).ThenBy(o => o.Id).ToListAsync(ct);
        Locks = await membership.LocksAsync(providerId, ct);
        Distinctions = await OfferLabels.DistinctionsAsync(db, Offers, ct);
        return Page();
    }
}
