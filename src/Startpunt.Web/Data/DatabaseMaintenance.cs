using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Startpunt.Web.Data;

/// <summary>
/// Keeps SQLite's query planner informed: ANALYZE gathers table statistics, sampled (analysis_limit), so it takes
/// tens of milliseconds even at 100,000 offers. Without statistics the planner guesses, and the search took about
/// twice as long (docs/performance.md). `PRAGMA optimize` alone does not analyze tables that never were. The set-up
/// step runs it after every import; this service repeats it every <see cref="DatabaseOptions.OptimizeInterval"/>, as
/// offers come and go.
/// </summary>
public sealed class DatabaseMaintenance(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<DatabaseMaintenance> log)
    : BackgroundService
{
    public static async Task OptimizeAsync(StartpuntDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.OptimizeInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Value.OptimizeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await OptimizeAsync(scope.ServiceProvider.GetRequiredService<StartpuntDb>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy file, a database not yet migrated: try again at the next tick.
                log.LogWarning(e, "ANALYZE failed");
            }
        }
    }
}
