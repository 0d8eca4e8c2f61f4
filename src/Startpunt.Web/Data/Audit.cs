using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data;

/// <summary>
/// Turns what the change tracker holds into append-only history, in the save that makes the change: one entry per
/// created, changed or removed offer, provider, location or contract (and catalogue entry, when a person changes it),
/// with each field's old and new value. A record's lists (an offer's target groups, languages and service area, a
/// contract's municipalities) are fields of that record: changing one is a change of the record, in the same entry.
/// Every changed record's version goes up by one, so a colleague's form with the old version is refused.
/// </summary>
internal static class Audit
{
    private static readonly HashSet<string> Ignored = ["Id", "Version", "UpdatedAt", "SearchText", "CreatedAt", "PublicId", "IsDemo", "DeactivatedAt", "DeactivatedBy"];
    private static readonly HashSet<string> ConfirmationFields = ["ConfirmedAt", "ConfirmedBy"];

    /// <summary>A list that belongs to a record: rows of their own in the database, one field in the history.</summary>
    private sealed record Part(Type Child, Type Parent, string ParentKey, string Code, string Field);

    private static readonly Part[] Parts =
    [
        new(typeof(OfferTargetGroup), typeof(Offer), nameof(OfferTargetGroup.OfferId), nameof(OfferTargetGroup.TargetGroupCode), nameof(Offer.TargetGroups)),
        new(typeof(OfferLanguage), typeof(Offer), nameof(OfferLanguage.OfferId), nameof(OfferLanguage.LanguageCode), nameof(Offer.Languages)),
        new(typeof(OfferMunicipality), typeof(Offer), nameof(OfferMunicipality.OfferId), nameof(OfferMunicipality.MunicipalityCode), nameof(Offer.ServiceArea)),
        new(typeof(ContractMunicipality), typeof(Contract), nameof(ContractMunicipality.ContractId), nameof(ContractMunicipality.MunicipalityCode), nameof(Contract.Municipalities)),
    ];

    /// <summary>A new record's entry: written once the database has given the record its id, in the same transaction.</summary>
    public sealed record Deferred(EntityEntry Entry, string Type, List<FieldChange> Changes);

    public static async Task<(List<AuditEntry> Entries, List<Deferred> Created)> CollectAsync(
        StartpuntDb db, AuditActor actor, DateTime now, bool importingHistory, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("History is append-only.");

        var partChanges = await PartChangesAsync(db, ct);
        var entries = new List<AuditEntry>();
        var created = new List<Deferred>();
        foreach (var entry in tracker.Entries().Where(e => TypeOf(e.Entity, actor) is not null).ToList())
        {
            var type = TypeOf(entry.Entity, actor)!;
            switch (entry.State)
            {
                case EntityState.Added when entry.Entity is ProviderDeactivation:
                    // The organisation's own history: "gedeactiveerd" in that region, with the reason.
                    entries.Add(Entry(type, entry, AuditActions.Deactivated, actor, now, Initial(entry)));
                    break;
                case EntityState.Added:
                    if (entry.Entity is Offer offer) (offer.CreatedAt, offer.UpdatedAt) = (offer.CreatedAt == default ? now : offer.CreatedAt, now);
                    if (!importingHistory) created.Add(new Deferred(entry, type, Initial(entry)));
                    break;
                case EntityState.Deleted:
                    entries.Add(Entry(type, entry, entry.Entity is ProviderDeactivation ? AuditActions.Activated : AuditActions.Removed, actor, now, Final(entry)));
                    break;
                case EntityState.Modified or EntityState.Unchanged:
                    var changes = Changes(entry).Concat(Owned(entry).SelectMany(Changes)).Concat(partChanges.GetValueOrDefault(entry.Entity) ?? []).ToList();
                    if (changes.Count == 0) continue;
                    if (entry.Metadata.FindProperty("Version") is { } version)
                        entry.Property(version.Name).CurrentValue = (int)entry.Property(version.Name).CurrentValue! + 1;
                    if (entry.Entity is Offer changed) changed.UpdatedAt = now;
                    entries.Add(Entry(type, entry, ActionOf(entry.Entity, changes), actor, now, changes));
                    break;
            }
        }
        return (entries, created);
    }

    /// <summary>The entries of new records, now that their ids are known.</summary>
    public static List<AuditEntry> Created(IEnumerable<Deferred> records, AuditActor actor, DateTime now) =>
        records.Select(r => Entry(r.Type, r.Entry, AuditActions.Created, actor, now, r.Changes)).ToList();

    /// <summary>The kind of record in the history; null for what is not recorded.</summary>
    private static string? TypeOf(object entity, AuditActor actor) => entity switch
    {
        Offer => "Offer",
        Domain.Provider or ProviderDeactivation => "Provider",
        Location => "Location",
        Contract => "Contract",
        // The catalogue comes from content/ at every start; only what a person changes in it is history.
        Product when actor.UserId is not null => "Product",
        ProductLevel when actor.UserId is not null => "ProductLevel",
        Lot when actor.UserId is not null => "Lot",
        _ => null,
    };

    private static string ActionOf(object entity, List<FieldChange> changes) => entity switch
    {
        Offer when changes.All(c => ConfirmationFields.Contains(c.Field)) => AuditActions.Confirmed,
        Offer when changes.Any(c => c.Field == nameof(Offer.RemovedAt) && c.New is not null) => AuditActions.Removed,
        Offer o when changes.Any(c => c.Field == nameof(Offer.Paused)) => o.Paused ? AuditActions.Paused : AuditActions.Resumed,
        Contract when changes.Any(c => c.Field == nameof(Contract.EndDate) && c.Old is null && c.New is not null) => AuditActions.Ended,
        _ => AuditActions.Updated,
    };

    /// <summary>
    /// Added and removed rows of a record's lists, as one change per list of each record: the stored list before, the
    /// list after. A record that is itself new or removed is left out (its own entry holds the list).
    /// </summary>
    private static async Task<Dictionary<object, List<FieldChange>>> PartChangesAsync(StartpuntDb db, CancellationToken ct)
    {
        // Keyed by the record itself: the tracker hands out a new EntityEntry object each time.
        var result = new Dictionary<object, List<FieldChange>>(ReferenceEqualityComparer.Instance);
        var rows = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToList();
        foreach (var part in Parts)
        {
            var changed = rows.Where(e => e.Entity.GetType() == part.Child)
                .Select(e => (Entry: e, Key: e.Property(part.ParentKey), Code: (string)e.Property(part.Code).CurrentValue!))
                .Where(x => !x.Key.IsTemporary)
                .GroupBy(x => (int)x.Key.CurrentValue!);
            foreach (var group in changed)
            {
                var parent = await ParentAsync(db, part.Parent, group.Key, ct);
                if (parent is null || parent.State is EntityState.Added or EntityState.Deleted) continue;
                var before = await StoredCodesAsync(db, part, group.Key, ct);
                var after = before.Except(group.Where(x => x.Entry.State == EntityState.Deleted).Select(x => x.Code))
                    .Union(group.Where(x => x.Entry.State == EntityState.Added).Select(x => x.Code)).Order(StringComparer.Ordinal).ToList();
                if (before.SequenceEqual(after)) continue;
                if (!result.TryGetValue(parent.Entity, out var list)) result[parent.Entity] = list = [];
                list.Add(new FieldChange(part.Field, Join(before), Join(after)));
            }
        }
        return result;
    }

    private static async Task<EntityEntry?> ParentAsync(StartpuntDb db, Type type, int id, CancellationToken ct)
    {
        if (type == typeof(Offer))
        {
            var tracked = db.ChangeTracker.Entries<Offer>().FirstOrDefault(e => e.Entity.Id == id);
            return tracked ?? (await db.Offers.IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Id == id, ct) is { } o ? db.Entry(o) : null);
        }
        var contract = db.ChangeTracker.Entries<Contract>().FirstOrDefault(e => e.Entity.Id == id);
        return contract ?? (await db.Contracts.SingleOrDefaultAsync(c => c.Id == id, ct) is { } c ? db.Entry(c) : null);
    }

    private static async Task<List<string>> StoredCodesAsync(StartpuntDb db, Part part, int id, CancellationToken ct)
    {
        var query = part.Field switch
        {
            nameof(Offer.TargetGroups) => db.Set<OfferTargetGroup>().Where(x => x.OfferId == id).Select(x => x.TargetGroupCode),
            nameof(Offer.Languages) => db.Set<OfferLanguage>().Where(x => x.OfferId == id).Select(x => x.LanguageCode),
            nameof(Offer.ServiceArea) => db.Set<OfferMunicipality>().Where(x => x.OfferId == id).Select(x => x.MunicipalityCode),
            _ => db.Set<ContractMunicipality>().Where(x => x.ContractId == id).Select(x => x.MunicipalityCode),
        };
        return (await query.AsNoTracking().ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<EntityEntry> Owned(EntityEntry entry) =>
        entry.References.Where(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is not null).Select(r => r.TargetEntry!);

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

    /// <summary>A new record's values, its own and its lists', as changes from nothing.</summary>
    private static List<FieldChange> Initial(EntityEntry entry) =>
        Values(entry).Concat(Owned(entry).SelectMany(Values)).Select(v => new FieldChange(v.Field, null, v.Value))
            .Concat(Parts.Where(p => p.Parent == entry.Metadata.ClrType).Select(p => new FieldChange(p.Field, null,
                Join(entry.Collection(p.Field).CurrentValue?.Cast<object>().Select(c => (string)entry.Context.Entry(c).Property(p.Code).CurrentValue!) ?? []))))
            .Where(c => c.New is not null)
            .ToList();

    /// <summary>A removed record's last values, as changes to nothing.</summary>
    private static List<FieldChange> Final(EntityEntry entry) =>
        Values(entry).Select(v => new FieldChange(v.Field, v.Value, null)).Where(c => c.Old is not null).ToList();

    private static IEnumerable<(string Field, string? Value)> Values(EntityEntry entry) =>
        // A deactivation's key is its content: the region it is for.
        entry.Properties.Where(p => (!p.Metadata.IsPrimaryKey() || entry.Entity is ProviderDeactivation) && !p.Metadata.IsShadowProperty() && !Ignored.Contains(p.Metadata.Name) && p.Metadata.Name != "ProviderId")
            .Select(p => (p.Metadata.Name, Format(entry.State == EntityState.Deleted ? p.OriginalValue : p.CurrentValue)));

    private static AuditEntry Entry(string type, EntityEntry entry, string action, AuditActor actor, DateTime now, List<FieldChange> changes) => new()
    {
        EntityType = type,
        EntityId = entry.Entity is ProviderDeactivation deactivation ? deactivation.ProviderId : (int)entry.Property("Id").CurrentValue!,
        ProviderId = entry.Entity switch
        {
            ProviderDeactivation d => d.ProviderId,
            Domain.Provider p => p.Id,
            Offer o => o.ProviderId,
            Location l => l.ProviderId,
            Contract c => c.ProviderId,
            _ => null,
        },
        Action = action,
        At = now,
        UserId = actor.UserId,
        UserName = actor.UserName,
        Changes = JsonSerializer.Serialize(changes),
    };

    private static string? Join(IEnumerable<string> codes) =>
        codes.Order(StringComparer.Ordinal).ToList() is { Count: > 0 } list ? string.Join(",", list) : null;

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
