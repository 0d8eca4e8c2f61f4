using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Startpunt.Web.Cluster;

namespace Startpunt.Web.Data;

/// <summary>
/// Keeps the query planner informed (<see cref="StartpuntDb.OptimizeAsync"/>: ANALYZE, per provider). The set-up
/// step runs it after every import; this service repeats it every <see cref="DatabaseOptions.OptimizeInterval"/>, as
/// offers come and go.
/// </summary>
public sealed class DatabaseMaintenance(IServiceScopeFactory scopes, IJobLock locks, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<DatabaseMaintenance> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.OptimizeInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Value.OptimizeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await locks.RunAloneAsync("maintenance", async () =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<StartpuntDb>().OptimizeAsync(stoppingToken);
                    return true;
                }, false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy file, a database not yet migrated: try again at the next tick.
                log.LogWarning(e, "ANALYZE failed");
            }
        }
    }
}
