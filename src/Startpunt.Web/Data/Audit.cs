using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data;

/// <summary>
/// Turns what the change tracker holds into append-only history: one entry per changed offer, provider, location or
/// contract, with each field's old and new value. An offer whose only change is its confirmation is "bevestigd".
/// Also bumps an offer's <see cref="Offer.Version"/> whenever it or its availability changes (optimistic concurrency).
/// </summary>
internal static class Audit
{
    private static readonly HashSet<string> Ignored = ["Version", "UpdatedAt", "SearchText", "CreatedAt"];
    private static readonly HashSet<string> ConfirmationFields = ["ConfirmedAt", "ConfirmedBy"];

    public static List<AuditEntry> Collect(StartpuntDb db, AuditActor actor, DateTime now)
    {
        db.ChangeTracker.DetectChanges();
        if (db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("History is append-only.");

        var result = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries<Offer>().ToList())
        {
            var availability = entry.Reference(o => o.Availability).TargetEntry;
            var changes = Changes(entry).Concat(availability is null ? [] : Changes(availability)).ToList();
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = entry.Entity.CreatedAt == default ? now : entry.Entity.CreatedAt;
                entry.Entity.UpdatedAt = now;
                continue; // written after the save, when the new id is known (see AddCreated)
            }
            if (changes.Count == 0) continue;
            entry.Entity.Version++;
            entry.Entity.UpdatedAt = now;
            var action = changes.All(c => ConfirmationFields.Contains(c.Field)) ? AuditActions.Confirmed
                : changes.Any(c => c.Field == "RemovedAt" && c.New is not null) ? AuditActions.Removed
                : changes.Any(c => c.Field == "Paused") ? (entry.Entity.Paused ? AuditActions.Paused : AuditActions.Resumed)
                : AuditActions.Updated;
            result.Add(Entry("Offer", entry.Entity.Id, entry.Entity.ProviderId, action, actor, now, changes));
        }
        foreach (var entry in db.ChangeTracker.Entries<Provider>().Where(e => e.State == EntityState.Modified))
            if (Changes(entry).ToList() is { Count: > 0 } c) result.Add(Entry("Provider", entry.Entity.Id, entry.Entity.Id, AuditActions.Updated, actor, now, c));
        foreach (var entry in db.ChangeTracker.Entries<Location>().Where(e => e.State == EntityState.Modified))
            if (Changes(entry).ToList() is { Count: > 0 } c) result.Add(Entry("Location", entry.Entity.Id, entry.Entity.ProviderId, AuditActions.Updated, actor, now, c));
        foreach (var entry in db.ChangeTracker.Entries<Contract>().Where(e => e.State == EntityState.Modified))
            if (Changes(entry).ToList() is { Count: > 0 } c) result.Add(Entry("Contract", entry.Entity.Id, entry.Entity.ProviderId, AuditActions.Updated, actor, now, c));
        return result;
    }

    /// <summary>History for newly created offers, once the database has given them an id.</summary>
    public static List<AuditEntry> Created(IEnumerable<Offer> offers, AuditActor actor, DateTime now) =>
        offers.Select(o => Entry("Offer", o.Id, o.ProviderId, AuditActions.Created, actor, now,
        [
            new FieldChange("WaitingWeeks", null, Format(o.Availability.WaitingWeeks)),
            new FieldChange("IntakeOpen", null, Format(o.Availability.IntakeOpen)),
            new FieldChange("FreePlaces", null, Format(o.Availability.FreePlaces)),
        ])).ToList();

    private static IEnumerable<FieldChange> Changes(EntityEntry entry)
    {
        if (entry.State != EntityState.Modified) yield break;
        foreach (var p in entry.Properties)
        {
            if (!p.IsModified || p.Metadata.IsPrimaryKey() || Ignored.Contains(p.Metadata.Name)) continue;
            var (old, @new) = (Format(p.OriginalValue), Format(p.CurrentValue));
            if (old != @new) yield return new FieldChange(p.Metadata.Name, old, @new);
        }
    }

    private static AuditEntry Entry(string type, int id, int? providerId, string action, AuditActor actor, DateTime now, List<FieldChange> changes) => new()
    {
        EntityType = type,
        EntityId = id,
        ProviderId = providerId,
        Action = action,
        At = now,
        UserId = actor.UserId,
        UserName = actor.UserName,
        Changes = JsonSerializer.Serialize(changes),
    };

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
