using System.Diagnostics;
using System.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Startpunt.Web.Data;

namespace Startpunt.Web.OfferSearch.InProcess;

public sealed class InProcessSearchOptions
{
    public const string Section = "Search:InProcess";

    /// <summary>The in-process index is the default engine; false leaves search to SQLite (or Meilisearch when configured).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often a node reads the change feed for changes other processes made (its own it applies at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    /// <summary>How long feed rows are kept when no Meilisearch sync marks and purges them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(6);
    /// <summary>How long a gap in the feed's ids is watched for a late commit (PostgreSQL sequences are not committed in order).</summary>
    public TimeSpan GapWatch { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Keeps <see cref="InProcessOfferIndex"/> equal to the database. At start it loads everything (searches use
/// SQLite meanwhile); then it follows the change feed: the search outbox, whose rows StartpuntDb writes in the
/// same transaction as every change search can see. Rows past the last applied id name offers whose current state
/// is read again. The writing node catches up right after its commit (<see cref="SearchOutbox.Committed"/>); every
/// node also polls, which is how it learns of other nodes' changes. Ids that were skipped (a transaction that
/// took a sequence value but had not committed yet) are looked for again for a while, so a late commit is not lost.
/// </summary>
public sealed class OfferIndexFeed(
    IServiceScopeFactory scopes, InProcessOfferIndex index, SearchOutbox outbox, IOptions<InProcessSearchOptions> options,
    IOptions<Meilisearch.MeilisearchOptions> meilisearch, TimeProvider clock, ILogger<OfferIndexFeed> log) : BackgroundService
{
    private const int BatchSize = 2000;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<long, DateTimeOffset> _gaps = [];
    private DateTimeOffset _purgedAt = DateTimeOffset.MinValue;

    /// <summary>How long the last full load took.</summary>
    public TimeSpan LoadTime { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        outbox.Committed += CatchUpAfterCommitAsync;
        try
        {
            var backoff = TimeSpan.FromMilliseconds(250);
            while (!index.IsReady)
            {
                try
                {
                    await LoadAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(e, "Loading the in-process search index failed; searching SQLite meanwhile and trying again");
                    await Task.Delay(backoff, stoppingToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                }
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await CatchUpAsync(stoppingToken);
                    await PurgeAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(e, "Reading the search change feed failed; trying again");
                }
                await outbox.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            outbox.Committed -= CatchUpAfterCommitAsync;
        }
    }

    /// <summary>Reads every visible offer, the contracts and the rules; then applies what changed while it read.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
            // Taken before the offers are read: whatever commits later has a higher id and is applied below.
            var watermark = await db.SearchOutboxEntries.MaxAsync(r => (long?)r.Id, ct) ?? 0;
            var offers = await OfferIndexLoader.OffersAsync(db, null, index.Pool, index.Vocabulary, ct);
            var contracts = await OfferIndexLoader.ContractsAsync(db, null, index.Pool, ct);
            var rules = await OfferIndexLoader.RegionRulesAsync(db, ct);
            index.Load(offers, contracts, rules, watermark, clock.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
        await CatchUpAsync(ct);
        LoadTime = Stopwatch.GetElapsedTime(started);
        // Reading every offer leaves a few times the index's own size behind as garbage in the oldest generation, which
        // a node under load would keep for hours (at 100,000 offers: ~100 MB of index, ~280 MB of heap). Handed back
        // once, here, at the one moment it is known to be garbage.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        log.LogInformation("In-process search index loaded: {Offers} offers in {Seconds:0.00} s", index.Count, LoadTime.TotalSeconds);
    }

    /// <summary>Applies every feed row past the index's watermark (and rows that filled a gap). Returns the rows applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        if (!index.IsReady) return 0;
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
            var applied = 0;
            while (true)
            {
                var watermark = index.Watermark;
                var rows = await db.SearchOutboxEntries.AsNoTracking().Where(r => r.Id > watermark).OrderBy(r => r.Id).Take(BatchSize)
                    .Select(r => new { r.Id, r.OfferId }).ToListAsync(ct);
                var late = await LateRowsAsync(db, ct);
                if (rows.Count == 0 && late.Count == 0) return applied;
                NoteGaps(watermark, rows.Select(r => r.Id));
                var ids = rows.Select(r => r.OfferId).Concat(late).ToHashSet();
                await ApplyAsync(db, ids, rows.Count > 0 ? rows[^1].Id : watermark, ct);
                applied += rows.Count + late.Count;
                if (rows.Count < BatchSize) return applied;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ApplyAsync(StartpuntDb db, HashSet<int> offerIds, long watermark, CancellationToken ct)
    {
        var current = await OfferIndexLoader.OffersAsync(db, offerIds, index.Pool, index.Vocabulary, ct);
        // Contracts of the providers before and after the change ("contracted for" depends on them).
        var providers = index.ProvidersOf(offerIds);
        providers.UnionWith(current.Select(o => o.ProviderId));
        var contracts = await OfferIndexLoader.ContractsAsync(db, providers, index.Pool, ct);
        var rules = await OfferIndexLoader.RegionRulesAsync(db, ct);
        index.Apply(offerIds, current, contracts, rules, watermark);
    }

    private void NoteGaps(long watermark, IEnumerable<long> ids)
    {
        var now = clock.GetUtcNow();
        var expected = watermark + 1;
        foreach (var id in ids)
        {
            for (var missing = expected; missing < id && id - missing < 1000; missing++) _gaps.TryAdd(missing, now);
            expected = id + 1;
        }
    }

    /// <summary>Offers of rows that arrived in a gap below the watermark since the last look.</summary>
    private async Task<List<int>> LateRowsAsync(StartpuntDb db, CancellationToken ct)
    {
        if (_gaps.Count == 0) return [];
        var horizon = clock.GetUtcNow() - options.Value.GapWatch;
        foreach (var old in _gaps.Where(g => g.Value < horizon).Select(g => g.Key).ToList()) _gaps.Remove(old);
        var gaps = _gaps.Keys.ToList();
        if (gaps.Count == 0) return [];
        var rows = await db.SearchOutboxEntries.AsNoTracking().Where(r => gaps.Contains(r.Id)).Select(r => new { r.Id, r.OfferId }).ToListAsync(ct);
        foreach (var r in rows) _gaps.Remove(r.Id);
        return rows.Select(r => r.OfferId).ToList();
    }

    private async Task CatchUpAfterCommitAsync(CancellationToken ct)
    {
        try
        {
            await CatchUpAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is committed; the poll applies it shortly. A search must never fail a save.
            log.LogWarning(e, "Applying a change to the in-process search index failed; the next poll retries");
        }
    }

    /// <summary>Without Meilisearch nobody marks feed rows processed: rows older than the retention go.</summary>
    private async Task PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (meilisearch.Value.Enabled || now - _purgedAt < TimeSpan.FromMinutes(10)) return;
        _purgedAt = now;
        var before = now.UtcDateTime - options.Value.Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
        // Bookkeeping rows, not domain data: a bulk delete without history is what they need.
        await db.SearchOutboxEntries.Where(r => r.EnqueuedAt < before).ExecuteDeleteAsync(ct);
    }
}
