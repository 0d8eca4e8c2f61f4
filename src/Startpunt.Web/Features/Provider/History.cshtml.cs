using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.History;

namespace Startpunt.Web.Features.Provider;

/// <summary>/aanbieder/{id}/aanbod/{offerId}/geschiedenis: every change and confirmation of one offer, newest first. Read only.</summary>
[Authorize(Policy = Roles.Provider)]
public sealed class HistoryModel(Membership membership, StartpuntDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    public Domain.Provider Organisation { get; private set; } = null!;
    public Offer Offer { get; private set; } = null!;
    public List<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int providerId, int offerId, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is not { } organisation) return NotFound();
        // Removed offers keep their history, so the filter that hides them does not apply here.
        var offer = await db.Offers.IgnoreQueryFilters().AsNoTracking().Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
            .SingleOrDefaultAsync(o => o.Id == offerId && o.ProviderId == providerId, ct);
        if (offer is null) return NotFound();
        (Organisation, Offer) = (organisation, offer);
        Entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Offer" && a.EntityId == offerId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
        return Page();
    }

    public string Describe(AuditEntry entry) => HistoryWords.Describe(entry, L);
}
