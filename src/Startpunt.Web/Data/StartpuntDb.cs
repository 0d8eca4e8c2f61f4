using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Data;

/// <summary>
/// The portal's database, the same model on every provider. Each provider derives its own context type
/// (<see cref="Sqlite.SqliteStartpuntDb"/>, <see cref="PostgreSql.PostgreSqlStartpuntDb"/>) with its own migrations
/// folder and its own additions (FTS5 and PRAGMAs for SQLite, PostGIS for PostgreSQL); everything else asks for
/// <see cref="StartpuntDb"/> and gets the configured one.
/// </summary>
public abstract class StartpuntDb(
    DbContextOptions options, AuditActor? actor = null, TimeProvider? clock = null, SearchOutbox? searchOutbox = null)
    : IdentityDbContext<StartpuntUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductLevel> ProductLevels => Set<ProductLevel>();
    public DbSet<TargetGroup> TargetGroups => Set<TargetGroup>();
    public DbSet<Language> Languages => Set<Language>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<PostcodeArea> PostcodeAreas => Set<PostcodeArea>();
    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AccountEvent> AccountEvents => Set<AccountEvent>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<ProviderDeactivation> ProviderDeactivations => Set<ProviderDeactivation>();
    public DbSet<SearchOutboxEntry> SearchOutboxEntries => Set<SearchOutboxEntry>();
    /// <summary>The data-protection key ring of every web node (used on PostgreSQL; a SQLite install keeps its keys in a folder beside the file).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// For importers that bring offers with their own history (the demo content, data from an earlier portal): they
    /// write the "aangemaakt" entries themselves, with the original dates.
    /// </summary>
    internal bool ImportingHistory { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StartpuntDb).Assembly);
    }

    /// <summary>Once after the migrations: settings that belong to the database itself (SQLite's WAL mode).</summary>
    public virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Refreshes the planner's statistics after an import and now and then (<see cref="DatabaseMaintenance"/>).</summary>
    public abstract Task OptimizeAsync(CancellationToken ct);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        // The one synchronous caller: the data-protection key store (EF's XmlRepository). A key has no history.
        ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).All(e => e.Entity is DataProtectionKey)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Use SaveChangesAsync: every save writes its audit entries asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var who = actor ?? AuditActor.System;
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var added = ChangeTracker.Entries<Offer>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var (entries, created) = await Audit.CollectAsync(this, who, now, ImportingHistory, cancellationToken);
        AuditEntries.AddRange(entries);
        AccountEvents.AddRange(await AccountAudit.CollectAsync(this, who, now, cancellationToken));
        Modification.Stamp(ChangeTracker, now);
        // Every change search must follow leaves an outbox row (the search change feed) in this same transaction.
        var affected = searchOutbox is null ? [] : await OfferSearch.SearchOutbox.AffectedOffersAsync(this, cancellationToken);
        SearchOutboxEntries.AddRange(affected.Select(id => new SearchOutboxEntry { OfferId = id, EnqueuedAt = now }));
        var indexed = searchOutbox is not null && (affected.Count > 0 || added.Count > 0);
        if (created.Count == 0 && added.Count == 0)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (indexed) await CommittedAsync(cancellationToken);
            return saved;
        }

        // New records get their "aangemaakt" entry (and new offers their outbox row) once their id is known, in the
        // same transaction: a failure in between leaves neither.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditEntries.AddRange(Audit.Created(created, who, now));
        if (searchOutbox is not null) SearchOutboxEntries.AddRange(added.Select(o => new SearchOutboxEntry { OfferId = o.Id, EnqueuedAt = now }));
        count += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        if (indexed) await CommittedAsync(cancellationToken);
        return count;
    }

    /// <summary>Search on this node shows the change before the save returns; inside a caller's transaction it follows at the commit (by polling).</summary>
    private Task CommittedAsync(CancellationToken ct)
    {
        if (Database.CurrentTransaction is not null)
        {
            searchOutbox!.Notify();
            return Task.CompletedTask;
        }
        return searchOutbox!.CommittedAsync(ct);
    }
}
