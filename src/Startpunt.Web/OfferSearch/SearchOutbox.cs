using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.OfferSearch;

/// <summary>
/// "Offer X may look different in search now": the change feed of search, written in the same transaction as the
/// change itself, so that no index (the in-process index of every node, Meilisearch) can ever miss one. The row names only the offer; whoever drains the
/// outbox reads the offer's current state, which makes replaying a row harmless.
/// </summary>
public sealed class SearchOutboxEntry
{
    public long Id { get; init; }
    public int OfferId { get; init; }
    public DateTime EnqueuedAt { get; init; }
    /// <summary>Set once the index has the offer's state; processed rows are kept a while for a running reindex.</summary>
    public DateTime? ProcessedAt { get; set; }
    /// <summary>How often the index refused the offer (not: was unreachable). After <see cref="SearchOutbox.MaxAttempts"/> the row is parked.</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>
/// StartpuntDb writes outbox rows for every change that alters what search shows, and tells this after the commit:
/// the in-process index of this node applies the change before the save returns (<see cref="Committed"/>), and the
/// Meilisearch sync wakes up (<see cref="WaitAsync"/>) instead of waiting for its next poll.
/// </summary>
public sealed class SearchOutbox
{
    public const int MaxAttempts = 5;

    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Runs after a save that wrote outbox rows has committed, before the save returns.</summary>
    public event Func<CancellationToken, Task>? Committed;

    /// <summary>Called by StartpuntDb once the rows are committed.</summary>
    public async Task CommittedAsync(CancellationToken ct)
    {
        Notify();
        if (Committed is { } handlers)
            foreach (var handler in handlers.GetInvocationList().Cast<Func<CancellationToken, Task>>()) await handler(ct);
    }

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    /// <summary>Waits until something was written (true) or the time is up (false).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    /// <summary>The offers whose search view the pending changes in <paramref name="db"/> alter (new offers excepted: their ids come later).</summary>
    internal static async Task<HashSet<int>> AffectedOffersAsync(StartpuntDb db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var ids = new HashSet<int>();
        foreach (var e in tracker.Entries<Offer>())
            if (e.State is EntityState.Modified or EntityState.Deleted) ids.Add(e.Entity.Id);
        foreach (var e in tracker.Entries<OfferTargetGroup>()) AddDependent(e, e.Entity.OfferId);
        foreach (var e in tracker.Entries<OfferLanguage>()) AddDependent(e, e.Entity.OfferId);
        foreach (var e in tracker.Entries<OfferMunicipality>()) AddDependent(e, e.Entity.OfferId);

        var offers = db.Offers.IgnoreQueryFilters().AsNoTracking();
        var providers = tracker.Entries<Provider>().Where(e => e.State is EntityState.Modified or EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        if (providers.Count > 0) ids.UnionWith(await offers.Where(o => providers.Contains(o.ProviderId)).Select(o => o.Id).ToListAsync(ct));
        var locations = tracker.Entries<Location>().Where(e => e.State is EntityState.Modified or EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        if (locations.Count > 0) ids.UnionWith(await offers.Where(o => o.LocationId != null && locations.Contains(o.LocationId.Value)).Select(o => o.Id).ToListAsync(ct));
        var products = tracker.Entries<Product>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        if (products.Count > 0) ids.UnionWith(await offers.Where(o => products.Contains(o.ProductId)).Select(o => o.Id).ToListAsync(ct));
        var levels = tracker.Entries<ProductLevel>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        if (levels.Count > 0) ids.UnionWith(await offers.Where(o => o.ProductLevelId != null && levels.Contains(o.ProductLevelId.Value)).Select(o => o.Id).ToListAsync(ct));

        // Contracts decide "contracted for municipality X": every offer of that provider and product.
        var pairs = new HashSet<(int ProviderId, int ProductId)>();
        foreach (var e in tracker.Entries<Contract>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            pairs.Add((e.Entity.ProviderId, e.Entity.ProductId));
            if (e.State == EntityState.Modified)
                pairs.Add((e.Property(c => c.ProviderId).OriginalValue, e.Property(c => c.ProductId).OriginalValue));
        }
        var contractIds = tracker.Entries<ContractMunicipality>().Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity.ContractId).Where(id => id > 0).Distinct().ToList();
        if (contractIds.Count > 0)
            foreach (var c in await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).Select(c => new { c.ProviderId, c.ProductId }).ToListAsync(ct))
                pairs.Add((c.ProviderId, c.ProductId));
        foreach (var (providerId, productId) in pairs.Where(p => p.ProviderId > 0))
            ids.UnionWith(await offers.Where(o => o.ProviderId == providerId && o.ProductId == productId).Select(o => o.Id).ToListAsync(ct));

        ids.RemoveWhere(id => id <= 0);
        return ids;

        void AddDependent(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry e, int offerId)
        {
            if (e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified) ids.Add(offerId);
        }
    }
}
