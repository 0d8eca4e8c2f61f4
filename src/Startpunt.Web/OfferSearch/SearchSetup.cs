using Microsoft.Extensions.Options;
using Startpunt.Web.OfferSearch.InProcess;
using Startpunt.Web.OfferSearch.Meilisearch;

namespace Startpunt.Web.OfferSearch;

public static class SearchSetup
{
    /// <summary>
    /// The search outbox (the change feed) and SQLite search always. By default the in-process index answers
    /// searches once it is loaded (SQLite until then); with `Search:Meilisearch:Url` Meilisearch does, in front of
    /// SQLite, with its sync and a health check. `Search:InProcess:Enabled=false` turns the in-process index off.
    /// </summary>
    public static WebApplicationBuilder AddStartpuntSearch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SearchOutbox>();
        services.AddScoped<SqliteOfferSearch>();
        var section = builder.Configuration.GetSection(MeilisearchOptions.Section);
        services.Configure<MeilisearchOptions>(section);
        var inProcess = builder.Configuration.GetSection(InProcessSearchOptions.Section);
        services.Configure<InProcessSearchOptions>(inProcess);
        var inProcessEnabled = inProcess.Get<InProcessSearchOptions>()?.Enabled ?? true;
        if (inProcessEnabled)
        {
            services.AddSingleton<InProcessOfferIndex>();
            services.AddSingleton<OfferTextSearch>();
            services.AddSingleton<InProcessOfferSearch>();
            services.AddSingleton<OfferIndexFeed>();
            services.AddHostedService(sp => sp.GetRequiredService<OfferIndexFeed>());
        }
        if (!(section.Get<MeilisearchOptions>()?.Enabled ?? false))
        {
            if (inProcessEnabled)
                services.AddScoped<IOfferSearch>(sp => sp.GetRequiredService<InProcessOfferIndex>().IsReady
                    ? sp.GetRequiredService<InProcessOfferSearch>()
                    : sp.GetRequiredService<SqliteOfferSearch>());
            else services.AddScoped<IOfferSearch>(sp => sp.GetRequiredService<SqliteOfferSearch>());
            return builder;
        }

        services.AddSingleton<SearchCircuit>();
        services.AddSingleton<IndexSyncStatus>();
        services.AddHttpClient<MeilisearchClient>((sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<MeilisearchOptions>>().Value;
                http.BaseAddress = new Uri(o.Url!.TrimEnd('/') + "/");
                http.Timeout = o.RequestTimeout;
                if (!string.IsNullOrEmpty(o.Key)) http.DefaultRequestHeaders.Authorization = new("Bearer", o.Key);
            })
            // A server that is gone must cost little: fail the connect quickly, and keep connections warm otherwise.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(1),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // One log line per search request would cost more than the search.
            .RemoveAllLoggers();
        services.AddScoped<MeilisearchOfferSearch>();
        services.AddScoped<IOfferSearch, FallbackOfferSearch>();
        services.AddScoped<OfferIndexer>();
        services.AddSingleton<OfferIndexSync>();
        services.AddHostedService(sp => sp.GetRequiredService<OfferIndexSync>());
        services.AddHealthChecks().AddCheck<MeilisearchHealthCheck>("search");
        return builder;
    }

    /// <summary>`reindex`: builds a fresh Meilisearch index from the database and swaps it in, while the portal keeps searching the old one.</summary>
    public static async Task<int> ReindexAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<MeilisearchOptions>>().Value.Enabled)
        {
            Console.Error.WriteLine("reindex needs Search:Meilisearch:Url (and Search:Meilisearch:Key); nothing to do for the SQLite engine.");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var indexer = scope.ServiceProvider.GetRequiredService<OfferIndexer>();
        var db = scope.ServiceProvider.GetRequiredService<Data.StartpuntDb>();
        await indexer.EnsureIndexAsync(app.Lifetime.ApplicationStopping);
        var report = await indexer.RebuildAsync(db, app.Lifetime.ApplicationStopping);
        Console.WriteLine($"Reindexed {report.Documents} offers into '{indexer.Live}' in {report.Duration.TotalSeconds:0.0} s.");
        return 0;
    }
}
