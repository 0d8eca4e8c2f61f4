using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Startpunt.Web.Data;

namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>
/// Healthy when Meilisearch answers and its index is current. Degraded (the portal still works: searches fall back
/// to SQLite) when it does not answer, when searches or the sync failed, when the index lags behind the outbox, or
/// when Meilisearch refused offers. The description says which, in words an operator can act on.
/// </summary>
public sealed class MeilisearchHealthCheck(
    MeilisearchClient client, SearchCircuit circuit, IndexSyncStatus sync, StartpuntDb db,
    IOptions<MeilisearchOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = db.SearchOutboxEntries.AsNoTracking().Where(r => r.ProcessedAt == null);
        var waiting = await pending.CountAsync(r => r.Attempts < SearchOutbox.MaxAttempts, ct);
        var parked = await pending.CountAsync(r => r.Attempts >= SearchOutbox.MaxAttempts, ct);
        var oldest = await pending.Where(r => r.Attempts < SearchOutbox.MaxAttempts).MinAsync(r => (DateTime?)r.EnqueuedAt, ct);
        var data = new Dictionary<string, object>
        {
            ["url"] = options.Value.Url ?? "",
            ["index"] = options.Value.Index,
            ["waitingChanges"] = waiting,
            ["parkedChanges"] = parked,
            ["circuitOpen"] = circuit.IsOpen,
            ["indexCaughtUp"] = sync.CaughtUp,
        };

        string? problem = null;
        using (var probe = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            probe.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                if (!await client.IsHealthyAsync(probe.Token)) problem = "answers /health with an error";
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                problem = $"does not answer ({e.GetBaseException().Message})";
            }
        }

        var fallback = $"Searches are answered by SQLite; {waiting} change(s) wait in the outbox and will be indexed when it is back.";
        if (problem is not null)
            return HealthCheckResult.Degraded($"Meilisearch at {options.Value.Url} {problem}. {fallback}", data: data);
        if (sync.FailingSince is { } since)
            return HealthCheckResult.Degraded($"The search index sync has been failing since {since:u}: {sync.LastError}. {fallback}", data: data);
        if (circuit.IsOpen)
            return HealthCheckResult.Degraded($"Searches on Meilisearch failed ({circuit.LastError}); SQLite answers until a probe succeeds.", data: data);
        if (parked > 0)
            return HealthCheckResult.Degraded($"Meilisearch refused {parked} change(s) {SearchOutbox.MaxAttempts} times; see SearchOutbox.LastError and the log.", data: data);
        if (oldest is { } o && now - o > options.Value.LagWarning)
            return HealthCheckResult.Degraded($"The search index is {(now - o).TotalSeconds:0} s behind the database ({waiting} change(s) waiting).", data: data);
        if (!sync.CaughtUp)
            return HealthCheckResult.Degraded($"The search index is catching up ({waiting} change(s) waiting); SQLite answers searches meanwhile.", data: data);
        return HealthCheckResult.Healthy($"Meilisearch answers and the index is current ({waiting} change(s) waiting).", data);
    }
}
