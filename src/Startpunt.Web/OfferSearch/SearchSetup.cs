using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Startpunt.Web.Data;
using Startpunt.Web.OfferSearch.InProcess;
using Startpunt.Web.OfferSearch.Meilisearch;

namespace Startpunt.Web.OfferSearch;

public static class SearchSetup
{
    /// <summary>The key of the engine that stands in when Meilisearch cannot answer.</summary>
    public const string LocalEngine = "local";

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
        // FTS5 is SQLite's: on PostgreSQL every node searches its in-process index (Meilisearch may stand in front).
        var postgreSql = DataSetup.ResolveStore(builder).Provider == DatabaseProvider.PostgreSql;
        if (postgreSql && !inProcessEnabled)
            throw new InvalidOperationException("Database:Provider PostgreSQL searches with the in-process index: remove Search:InProcess:Enabled=false.");
        if (inProcessEnabled)
        {
            services.AddSingleton<InProcessOfferIndex>();
            services.AddSingleton<OfferTextSearch>();
            services.AddSingleton<InProcessOfferSearch>();
            services.AddSingleton<OfferIndexFeed>();
            services.AddHostedService(sp => sp.GetRequiredService<OfferIndexFeed>());
            // Not ready (for the proxy and compose) until this node's index is loaded.
            // Degraded, not unhealthy: /health (liveness for Docker) stays 200 while /health/ready says 503.
            services.AddHealthChecks().AddCheck<IndexLoadedCheck>("search-index", HealthStatus.Degraded, ["ready"]);
        }
        // The engine that stands in when Meilisearch cannot answer: SQLite's FTS5 on SQLite; on PostgreSQL the
        // in-process index (FTS5 is SQLite's; a PostgreSQL node is not ready before its index is loaded).
        services.AddKeyedScoped<IOfferSearch>(LocalEngine, (sp, _) => postgreSql
            ? sp.GetRequiredService<InProcessOfferSearch>()
            : sp.GetRequiredService<SqliteOfferSearch>());
        if (!(section.Get<MeilisearchOptions>()?.Enabled ?? false))
        {
            if (inProcessEnabled)
                services.AddScoped<IOfferSearch>(sp => postgreSql || sp.GetRequiredService<InProcessOfferIndex>().IsReady
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

/// <summary>Healthy once this node's in-process index is loaded (tagged "ready": /health/ready).</summary>
internal sealed class IndexLoadedCheck(InProcessOfferIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady ? HealthCheckResult.Healthy("search index loaded") : new HealthCheckResult(context.Registration.FailureStatus, "search index loading"));
}
