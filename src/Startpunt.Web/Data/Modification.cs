using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data;

/// <summary>
/// Keeps "last modified" reliable for the open data (HSDS last_modified, modified_after): every added or changed
/// provider, location or catalogue entry gets the save's time. An offer's target groups, languages and service area
/// are rows of their own, so adding or removing one counts as a change of the offer. (The offer's own fields are
/// stamped by <see cref="Audit"/>, together with its version.)
/// </summary>
internal static class Modification
{
    public static void Stamp(ChangeTracker tracker, DateTime now)
    {
        foreach (var entry in tracker.Entries<ILastModified>())
        {
            if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(ILastModified.UpdatedAt))))
                entry.Entity.UpdatedAt = now;
        }

        var offerIds = tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted && e.Entity is OfferTargetGroup or OfferLanguage or OfferMunicipality)
            .Select(e => (int)e.Property(nameof(OfferTargetGroup.OfferId)).CurrentValue!)
            .Where(id => id > 0)
            .ToHashSet();
        if (offerIds.Count == 0) return;
        foreach (var offer in tracker.Entries<Offer>().Where(e => e.State is EntityState.Unchanged or EntityState.Modified && offerIds.Contains(e.Entity.Id)))
            offer.Entity.UpdatedAt = now;
    }
}
