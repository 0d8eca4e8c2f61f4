using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Web.OfferSearch;
using Startpunt.Web.OfferSearch.Meilisearch;

namespace Startpunt.Tests.Infrastructure;

/// <summary>
/// The real app with Meilisearch configured: the shared test server (or one of its own, for tests that stop it),
/// an index name of its own so classes run in parallel, and short intervals so that tests wait little.
/// </summary>
public class MeilisearchFactory : StartpuntFactory, IAsyncLifetime
{
    public MeilisearchServer Meilisearch { get; private set; } = null!;
    public string IndexName { get; } = $"offers_{Guid.NewGuid():N}";
    protected virtual bool OwnServer => false;

    public async Task InitializeAsync()
    {
        Meilisearch = OwnServer ? await MeilisearchServer.StartAsync() : await MeilisearchServer.SharedAsync();
        _ = Services; // starts the app: migrations, content, demo data, the index sync
        await ArrangeAsync();
        await this.WaitForIndexAsync();
    }

    /// <summary>Data to add before the first wait for the index.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnServer) await Meilisearch.DisposeAsync();
        else
        {
            using var http = new HttpClient { BaseAddress = new Uri(Meilisearch.Url) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", MeilisearchServer.MasterKey);
            try { (await http.DeleteAsync($"/indexes/{IndexName}")).Dispose(); } catch (HttpRequestException) { }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:Meilisearch:Url", Meilisearch.Url);
        builder.UseSetting("Search:Meilisearch:Key", MeilisearchServer.MasterKey);
        builder.UseSetting("Search:Meilisearch:Index", IndexName);
        builder.UseSetting("Search:Meilisearch:PollInterval", "00:00:00.200");
        builder.UseSetting("Search:Meilisearch:MinBackoff", "00:00:00.050");
        builder.UseSetting("Search:Meilisearch:MaxBackoff", "00:00:00.500");
        builder.UseSetting("Search:Meilisearch:BreakDuration", "00:00:00.300");
    }
}

public static class MeilisearchFactoryExtensions
{
    /// <summary>
    /// Waits until the sync has put every outbox row into the index: no pending rows and a pass that found the
    /// outbox empty. Awaits the sync's passes, no sleeping.
    /// </summary>
    public static async Task WaitForIndexAsync(this StartpuntFactory app, TimeSpan? timeout = null)
    {
        var status = app.Services.GetRequiredService<IndexSyncStatus>();
        var outbox = app.Services.GetRequiredService<SearchOutbox>();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var pass = status.NextPassAsync(cts.Token);
            await using (var db = app.CreateDb())
            {
                if (status.CaughtUp && !await db.SearchOutboxEntries.AnyAsync(r => r.ProcessedAt == null, cts.Token)) return;
            }
            outbox.Notify();
            try
            {
                await pass;
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The search index did not catch up: {status.LastError}");
            }
        }
    }

    /// <summary>Wakes the sync and awaits this many of its passes (the first may have begun before the caller changed something).</summary>
    public static async Task NextSyncPassesAsync(this StartpuntFactory app, int passes)
    {
        var status = app.Services.GetRequiredService<IndexSyncStatus>();
        var outbox = app.Services.GetRequiredService<SearchOutbox>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var i = 0; i < passes; i++)
        {
            var pass = status.NextPassAsync(cts.Token);
            outbox.Notify();
            await pass;
        }
    }

    /// <summary>A scope's service, for calling an engine directly (not through the fallback).</summary>
    public static T Resolve<T>(this StartpuntFactory app) where T : notnull =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();
}
