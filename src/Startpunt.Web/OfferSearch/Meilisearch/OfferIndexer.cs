using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Startpunt.Web.Data;

namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>
/// Writes offers into the Meilisearch index: the current state of some offers (the sync), or all of them into a
/// fresh index that is then swapped in (the reindex, without downtime: searches keep using the old index until the swap).
/// </summary>
public sealed class OfferIndexer(MeilisearchClient client, IOptions<MeilisearchOptions> options, TimeProvider clock, ILogger<OfferIndexer> log)
{
    public string Live => options.Value.Index;
    public string Next => $"{options.Value.Index}_next";

    /// <summary>Creates the live index with its settings when it is missing, or brings its settings up to date. True when it was created.</summary>
    public async Task<bool> EnsureIndexAsync(CancellationToken ct)
    {
        var created = false;
        if (await client.GetIndexAsync(Live, ct) is null)
        {
            await WaitAsync(await client.CreateIndexAsync(Live, "id", ct), ct);
            created = true;
        }
        await WaitAsync(await client.UpdateSettingsAsync(Live, OfferIndex.Settings, ct), ct);
        return created;
    }

    public Task<long> CountAsync(CancellationToken ct) => client.CountDocumentsAsync(Live, ct);

    /// <summary>Puts the current state of these offers into the index (replace, or delete when search no longer shows them) and waits until it is applied.</summary>
    public async Task ApplyAsync(StartpuntDb db, string index, IReadOnlyCollection<int> offerIds, CancellationToken ct)
    {
        if (offerIds.Count == 0) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (upserts, deletes) = await OfferDocuments.ForOffersAsync(db, offerIds, today, ct);
        var tasks = new List<TaskRef>(2);
        if (upserts.Count > 0) tasks.Add(await client.ReplaceDocumentsAsync(index, upserts, ct));
        if (deletes.Count > 0) tasks.Add(await client.DeleteDocumentsAsync(index, deletes, ct));
        foreach (var task in tasks) await WaitAsync(task, ct);
    }

    /// <summary>
    /// Builds a new index from the database and swaps it in. Changes made meanwhile are not lost: every change after
    /// the outbox watermark taken at the start is replayed into the new index before the swap, and once more after it.
    /// </summary>
    public async Task<ReindexReport> RebuildAsync(StartpuntDb db, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        if (await client.GetIndexAsync(Next, ct) is not null) await WaitAsync(await client.DeleteIndexAsync(Next, ct), ct);
        await WaitAsync(await client.CreateIndexAsync(Next, "id", ct), ct);
        await WaitAsync(await client.UpdateSettingsAsync(Next, OfferIndex.Settings, ct), ct);

        // Read before the documents: whatever commits later has a higher outbox id (SQLite has one writer at a time,
        // so ids commit in order) and is replayed below.
        var watermark = await MaxOutboxIdAsync(db, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var documents = 0;
        var pending = new Queue<TaskRef>();
        await foreach (var page in OfferDocuments.AllAsync(db, today, options.Value.ReindexBatchSize, ct))
        {
            pending.Enqueue(await client.ReplaceDocumentsAsync(Next, page, ct));
            documents += page.Count;
            // Keep Meilisearch busy without piling up payloads in its queue.
            if (pending.Count > 2) await WaitAsync(pending.Dequeue(), ct);
        }
        while (pending.Count > 0) await WaitAsync(pending.Dequeue(), ct);

        watermark = await ReplaySinceAsync(db, Next, watermark, ct);
        if (await client.GetIndexAsync(Live, ct) is null) await WaitAsync(await client.CreateIndexAsync(Live, "id", ct), ct);
        await WaitAsync(await client.SwapIndexesAsync(Live, Next, ct), ct);
        await ReplaySinceAsync(db, Live, watermark, ct);
        await WaitAsync(await client.DeleteIndexAsync(Next, ct), ct);

        var report = new ReindexReport(documents, Stopwatch.GetElapsedTime(started));
        log.LogInformation("Reindexed {Documents} offers into {Index} in {Seconds:0.0} s", report.Documents, Live, report.Duration.TotalSeconds);
        return report;
    }

    private async Task<long> ReplaySinceAsync(StartpuntDb db, string index, long watermark, CancellationToken ct)
    {
        while (true)
        {
            var rows = await db.SearchOutboxEntries.AsNoTracking().Where(r => r.Id > watermark).OrderBy(r => r.Id).Take(options.Value.BatchSize)
                .Select(r => new { r.Id, r.OfferId }).ToListAsync(ct);
            if (rows.Count == 0) return watermark;
            await ApplyAsync(db, index, rows.Select(r => r.OfferId).Distinct().ToList(), ct);
            watermark = rows[^1].Id;
        }
    }

    private static async Task<long> MaxOutboxIdAsync(StartpuntDb db, CancellationToken ct) =>
        await db.SearchOutboxEntries.MaxAsync(r => (long?)r.Id, ct) ?? 0;

    private Task<TaskInfo> WaitAsync(TaskRef task, CancellationToken ct) => client.WaitForTaskAsync(task, options.Value.TaskTimeout, ct);
}

public sealed record ReindexReport(int Documents, TimeSpan Duration);
