using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Data.Sqlite;

/// <summary>
/// The default store: one SQLite file. Its migrations live in Data/Migrations/Sqlite; the FTS5 table of offers and
/// its triggers, and the triggers that keep the history append-only, are written there by hand (the model has no
/// words for them).
/// </summary>
public sealed class SqliteStartpuntDb(
    DbContextOptions<SqliteStartpuntDb> options, AuditActor? actor = null, TimeProvider? clock = null, SearchOutbox? searchOutbox = null)
    : StartpuntDb(options, actor, clock, searchOutbox)
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString);

    // WAL lets readers go on while a provider saves; it is a property of the file, so setting it once sticks.
    public override async Task PrepareAsync(CancellationToken ct) =>
        await Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

    /// <summary>
    /// ANALYZE gathers table statistics, sampled (analysis_limit), so it takes tens of milliseconds even at 100,000
    /// offers. Without statistics the planner guesses, and the search took about twice as long (docs/performance.md).
    /// `PRAGMA optimize` alone does not analyze tables that never were.
    /// </summary>
    public override async Task OptimizeAsync(CancellationToken ct) =>
        await Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", ct);
}

/// <summary>For `dotnet ef migrations add X --context SqliteStartpuntDb`: the model needs no database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStartpuntDb>
{
    public SqliteStartpuntDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteStartpuntDb>();
        SqliteStartpuntDb.Configure(options, "Data Source=design-time.db");
        return new SqliteStartpuntDb(options.Options);
    }
}
