using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.ContractManager;

public enum DeactivationOutcome { Done, NotInRegion, AlreadyDone, NotDeactivated, Busy }

/// <summary>
/// Deactivating a provider in one region, and undoing it. The deactivation and the pausing (or resuming) of the
/// provider's offers in that region are one save, so one transaction with their history entries: either all of it
/// happened, or none. Offers in other regions and offers the provider paused itself are left alone.
/// </summary>
public sealed class RegionalDeactivation(StartpuntDb db, RegionScope scope, TimeProvider clock, AuditActor actor, IStringLocalizer<SharedResource> L)
{
    public async Task<DeactivationOutcome> DeactivateAsync(int providerId, string regionId, string reason, CancellationToken ct)
    {
        if (!await scope.IsInRegionAsync(providerId, regionId, ct)) return DeactivationOutcome.NotInRegion;
        if (await db.ProviderDeactivations.AnyAsync(d => d.ProviderId == providerId && d.RegionId == regionId, ct)) return DeactivationOutcome.AlreadyDone;
        var text = reason.Trim();
        db.ProviderDeactivations.Add(new ProviderDeactivation
        {
            ProviderId = providerId, RegionId = regionId, Reason = text,
            DeactivatedAt = clock.GetUtcNow().UtcDateTime, DeactivatedBy = actor.UserName,
        });
        foreach (var offer in await db.Offers.Where(o => o.ProviderId == providerId && o.RegionId == regionId && !o.Paused).ToListAsync(ct))
        {
            offer.Paused = true;
            offer.PausedReason = text;
            offer.PausedByDeactivation = true;
        }
        return await SaveAsync(ct);
    }

    public async Task<DeactivationOutcome> ActivateAsync(int providerId, string regionId, CancellationToken ct)
    {
        if (!await scope.IsInRegionAsync(providerId, regionId, ct)) return DeactivationOutcome.NotInRegion;
        var deactivation = await db.ProviderDeactivations.SingleOrDefaultAsync(d => d.ProviderId == providerId && d.RegionId == regionId, ct);
        if (deactivation is null) return DeactivationOutcome.NotDeactivated;
        db.ProviderDeactivations.Remove(deactivation);
        foreach (var offer in await db.Offers.Where(o => o.ProviderId == providerId && o.RegionId == regionId && o.PausedByDeactivation).ToListAsync(ct))
        {
            offer.Paused = false;
            offer.PausedReason = null;
            offer.PausedByDeactivation = false;
        }
        return await SaveAsync(ct);
    }

    /// <summary>The message for an outcome other than <see cref="DeactivationOutcome.Done"/>.</summary>
    public string Message(DeactivationOutcome outcome, string providerName) => outcome switch
    {
        DeactivationOutcome.AlreadyDone => L["{0} is in deze regio al gedeactiveerd.", providerName],
        DeactivationOutcome.NotDeactivated => L["{0} is in deze regio niet gedeactiveerd.", providerName],
        DeactivationOutcome.Busy => L["Iemand anders wijzigde tegelijk iets aan deze aanbieder. Er is niets opgeslagen. Probeer het opnieuw."],
        _ => L["Deze aanbieder werkt niet in uw regio."],
    };

    private async Task<DeactivationOutcome> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return DeactivationOutcome.Done;
        }
        catch (DbUpdateException)
        {
            // A colleague deactivated the same provider, or its people saved an offer, at the same moment.
            db.ChangeTracker.Clear();
            return DeactivationOutcome.Busy;
        }
    }
}
