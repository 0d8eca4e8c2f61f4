using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.OfferSearch.Meilisearch;

namespace Startpunt.Tests.OfferSearch;

/// <summary>A Meilisearch server of its own, since this test stops it.</summary>
public sealed class OutageFactory : MeilisearchFactory
{
    protected override bool OwnServer => true;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // As in production: a failed search keeps the others off Meilisearch for 5 s (the sync closes it sooner when the server is back).
        builder.UseSetting("Search:Meilisearch:BreakDuration", "00:00:05");
    }
}

/// <summary>
/// Meilisearch dies (SIGKILL) in the middle of a stream of resident searches and provider updates, and comes back:
/// no search gets an error page, /health says what is going on, and afterwards the index holds every update.
/// </summary>
public sealed class MeilisearchOutageTests(OutageFactory app) : IClassFixture<OutageFactory>
{
    private static readonly string[] Searches =
    [
        "/zoeken?postcode=1621AB&afstand=25", "/zoeken?postcode=2801&afstand=50&sorteer=wachttijd",
        "/zoeken?postcode=1501&afstand=25&product=dagbesteding", "/zoeken?postcode=5211AB&afstand=50&sorteer=naam",
    ];

    [Fact]
    public async Task Stopping_Meilisearch_during_searches_and_updates_shows_no_error_page_and_loses_no_update()
    {
        const int total = 90, stopAt = 30, restartAt = 60;
        List<int> offerIds;
        await using (var db = app.CreateDb())
            offerIds = await db.Offers.Where(o => !o.Paused).OrderBy(o => o.Id).Skip(40).Take(25).Select(o => o.Id).ToListAsync();

        var problems = new ConcurrentQueue<string>();
        var engines = new ConcurrentDictionary<int, string>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reachedStop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reachedRestart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var searched = new SemaphoreSlim(0);

        var searching = Task.Run(async () =>
        {
            using var client = app.CreateClient();
            for (var i = 0; i < total; i++)
            {
                if (i == stopAt) { reachedStop.SetResult(); await stopped.Task; }
                if (i == restartAt) { reachedRestart.SetResult(); await restarted.Task; }
                using var response = await client.GetAsync(Searches[i % Searches.Length]);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || !body.Contains("result-card", StringComparison.Ordinal))
                    problems.Enqueue($"search {i}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                engines[i] = response.Headers.TryGetValues("Server-Timing", out var timing) ? timing.Single() : "";
                searched.Release();
            }
        });
        var updating = Task.Run(async () =>
        {
            for (var i = 0; i < total; i++)
            {
                await searched.WaitAsync();
                await using var db = app.CreateDb();
                var offer = await db.Offers.SingleAsync(o => o.Id == offerIds[i % offerIds.Count]);
                offer.Availability.WaitingWeeks = (offer.Availability.WaitingWeeks + 1 + i) % 60;
                offer.Availability.ConfirmedAt = app.Clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync();
            }
        });

        await reachedStop.Task;
        app.Meilisearch.Kill();
        stopped.SetResult();

        await reachedRestart.Task;
        var health = await HealthAsync();
        Assert.Equal("Degraded", health.Status);
        Assert.Contains("does not answer", health.Description);
        Assert.Contains("Searches are answered by SQLite", health.Description);
        await using (var db = app.CreateDb()) Assert.True(await db.SearchOutboxEntries.AnyAsync(r => r.ProcessedAt == null), "updates wait in the outbox");
        await app.Meilisearch.StartProcessAsync();
        restarted.SetResult();

        await Task.WhenAll(searching, updating);
        Assert.Empty(problems);
        Assert.All(Enumerable.Range(stopAt, restartAt - stopAt), i => Assert.Contains("sqlite", engines[i]));
        Assert.Contains(engines.Where(e => e.Key < stopAt), e => e.Value.Contains("meilisearch", StringComparison.Ordinal));

        // Back: the outbox catches up, the index holds every update, and searches go to Meilisearch again.
        await app.WaitForIndexAsync();
        var client = app.Resolve<MeilisearchClient>();
        await using (var db = app.CreateDb())
        {
            foreach (var id in offerIds)
            {
                var weeks = await db.Offers.Where(o => o.Id == id).Select(o => o.Availability.WaitingWeeks).SingleAsync();
                Assert.Equal(weeks, (await client.GetDocumentAsync<OfferDocument>(app.IndexName, id, CancellationToken.None))!.WaitingWeeks);
            }
        }
        using (var http = app.CreateClient())
        {
            using var response = await http.GetAsync(Searches[0]);
            Assert.Contains("meilisearch", response.Headers.GetValues("Server-Timing").Single());
        }
        Assert.Equal("Healthy", (await HealthAsync()).Status);
    }

    [Fact]
    public async Task A_hung_Meilisearch_costs_one_search_a_timeout_and_the_rest_skip_it()
    {
        await app.WaitForIndexAsync();
        using var client = app.CreateClient();
        app.Meilisearch.Suspend();
        var slow = 0;
        try
        {
            for (var i = 0; i < 12; i++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(Searches[i % Searches.Length]);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("sqlite", response.Headers.GetValues("Server-Timing").Single());
                // The search timeout is 750 ms; a search that skips Meilisearch takes a fraction of that.
                if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > TimeSpan.FromMilliseconds(700)) slow++;
            }
        }
        finally
        {
            app.Meilisearch.Resume();
        }
        // The first search waits for the timeout; then the open circuit keeps the others off the hung server.
        Assert.InRange(slow, 1, 2);
        await app.WaitForIndexAsync();
    }

    private async Task<(string Status, string Description)> HealthAsync()
    {
        using var client = await app.SignedInAsync(DemoData.AdministratorEmail);
        using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
        var search = health.RootElement.GetProperty("checks").GetProperty("search");
        return (search.GetProperty("status").GetString()!, search.GetProperty("description").GetString()!);
    }
}
