using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Startpunt.Web.Cluster;
using Startpunt.Web.Data;

namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>
/// Drains the search outbox into Meilisearch in batches: reads the offers' current state, replaces or deletes their
/// documents, waits until Meilisearch has applied the task, and only then marks the rows processed. Unreachable
/// server: back off (250 ms doubling to 30 s) and try the same rows again, so nothing is lost; the rows survive a
/// restart of either side. A batch Meilisearch refuses is retried row by row and a row refused
/// <see cref="SearchOutbox.MaxAttempts"/> times is parked (and reported by the health check).
/// </summary>
public sealed class OfferIndexSync(
    IServiceScopeFactory scopes, IJobLock locks, SearchOutbox outbox, IndexSyncStatus status, SearchCircuit circuit,
    IOptions<MeilisearchOptions> options, TimeProvider clock, ILogger<OfferIndexSync> log) : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);
    private bool _indexReady;
    private bool _oneByOne;
    private DateOnly? _contractsSweptFor;
    private DateTimeOffset _purgedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = options.Value.MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var drained = await RunPassAsync(stoppingToken);
                backoff = options.Value.MinBackoff;
                if (drained > 0) continue;
                await outbox.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _indexReady = false;
                if (status.FailingSince is null) log.LogWarning(e, "Search index sync failed; retrying with backoff");
                status.PassFailed(clock.GetUtcNow(), e);
                if (FallbackOfferSearch.IsOutage(e)) circuit.Failed(e);
                try { await Task.Delay(backoff, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.Value.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>One pass: make sure the index exists, refresh offers whose contracts started or ended, drain one batch. Returns the rows handled.</summary>
    /// <remarks>With several web nodes one node drains at a time (<see cref="IJobLock"/>); the others return 0 and poll.</remarks>
    public Task<int> RunPassAsync(CancellationToken ct) => locks.RunAloneAsync("search-outbox", () => PassAsync(ct), 0, ct);

    private async Task<int> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
        var indexer = scope.ServiceProvider.GetRequiredService<OfferIndexer>();
        var answered = false;
        if (!_indexReady)
        {
            answered = true;
            var created = await indexer.EnsureIndexAsync(ct);
            if (created || (await indexer.CountAsync(ct) == 0 && await db.Offers.AnyAsync(o => !o.Paused, ct)))
            {
                log.LogInformation("Search index {Index} is new or empty: building it from the database", indexer.Live);
                await indexer.RebuildAsync(db, ct);
            }
            _indexReady = true;
            if (status.FailingSince is not null) log.LogInformation("Meilisearch answers again; catching up with the outbox");
        }
        await SweepContractsAsync(db, ct);
        var handled = await DrainBatchAsync(db, indexer, ct);
        // Searches were kept off Meilisearch after a failure; reopen to them once it demonstrably answers.
        if (circuit.IsOpen && (answered || handled > 0 || await AnswersAsync(scope.ServiceProvider, ct))) circuit.Succeeded();
        await PurgeAsync(db, ct);
        status.PassSucceeded(clock.GetUtcNow(), outboxEmpty: handled == 0);
        return handled;
    }

    private static async Task<bool> AnswersAsync(IServiceProvider services, CancellationToken ct)
    {
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(ct);
        probe.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            return await services.GetRequiredService<MeilisearchClient>().IsHealthyAsync(probe.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && FallbackOfferSearch.IsOutage(e))
        {
            return false;
        }
    }

    private async Task<int> DrainBatchAsync(StartpuntDb db, OfferIndexer indexer, CancellationToken ct)
    {
        var rows = await db.SearchOutboxEntries.Where(r => r.ProcessedAt == null && r.Attempts < SearchOutbox.MaxAttempts)
            .OrderBy(r => r.Id).Take(_oneByOne ? 1 : options.Value.BatchSize).ToListAsync(ct);
        if (rows.Count == 0) return 0;
        try
        {
            await indexer.ApplyAsync(db, indexer.Live, rows.Select(r => r.OfferId).Distinct().ToList(), ct);
        }
        catch (MeilisearchTaskFailedException e)
        {
            // Meilisearch is there but refuses something in this batch: find the culprit row by row.
            log.LogError(e, "Meilisearch refused outbox rows {First}..{Last}", rows[0].Id, rows[^1].Id);
            foreach (var row in rows)
            {
                row.Attempts++;
                row.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            }
            await db.SaveChangesAsync(ct);
            _oneByOne = true;
            return rows.Count;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows) row.ProcessedAt = now;
        await db.SaveChangesAsync(ct);
        _oneByOne = false;
        return rows.Count;
    }

    /// <summary>
    /// "Contracted for" depends on the date: when a day begins, offers whose contract started or ended go through
    /// the outbox again. After a start the last week is swept, in case the service was down over a boundary.
    /// </summary>
    private async Task SweepContractsAsync(StartpuntDb db, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (_contractsSweptFor == today) return;
        var from = _contractsSweptFor ?? today.AddDays(-7);
        var pairs = await db.Contracts.AsNoTracking()
            .Where(Domain.Contract.ChangedBetween(from, today))
            .Select(c => new { c.ProviderId, c.ProductId }).Distinct().ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in pairs)
        {
            var ids = await db.Offers.AsNoTracking().Where(o => o.ProviderId == p.ProviderId && o.ProductId == p.ProductId).Select(o => o.Id).ToListAsync(ct);
            db.SearchOutboxEntries.AddRange(ids.Select(id => new SearchOutboxEntry { OfferId = id, EnqueuedAt = now }));
        }
        if (pairs.Count > 0) await db.SaveChangesAsync(ct);
        _contractsSweptFor = today;
    }

    private async Task PurgeAsync(StartpuntDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _purgedAt < PurgeEvery) return;
        _purgedAt = now;
        var before = now.UtcDateTime - options.Value.ProcessedRetention;
        // Bookkeeping rows, not domain data: a bulk delete without history is what they need.
        await db.SearchOutboxEntries.Where(r => r.ProcessedAt != null && r.ProcessedAt < before).ExecuteDeleteAsync(ct);
    }
}
