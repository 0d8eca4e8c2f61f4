using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Startpunt.Bench;
using Startpunt.TestSupport;
using Startpunt.Web.Data;
using Startpunt.Web.OfferSearch;
using Startpunt.Web.OfferSearch.InProcess;
using Startpunt.Web.OfferSearch.Meilisearch;

// The search benchmark: a national data set, the naive baseline, the SQLite engine, the Meilisearch engine, the
// in-process engine (loaded from SQLite, and from PostgreSQL after copy-database) on the same query mix in this one process, then (unless --no-pages) the results page under wrk. Prints Markdown.
//   dotnet run -c Release --project tests/Startpunt.Bench            full size (100,000 offers), by hand
//   dotnet run -c Release --project tests/Startpunt.Bench -- --tiny  smoke run (CI)
var options = BenchOptions.Parse(args);
var repo = DataSetup.FindRepositoryRoot(AppContext.BaseDirectory);
var work = Path.GetFullPath(options.WorkDirectory ?? Path.Combine(repo, ".bench"));
Directory.CreateDirectory(work);
var report = new Report(options) { LoadAtStart = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?" };

var reference = DateTime.UtcNow.Date.AddHours(8);
var clock = new BenchClock(reference);
var dbPath = Path.Combine(work, $"national-v{NationalDataSet.Version}-{options.Offers}-{options.Providers}-{reference:yyyyMMdd}.db");
SqliteConnection.ClearAllPools();
foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(dbPath + suffix);

Console.Error.WriteLine($"== Meilisearch ({options.MeilisearchMemory} indexing memory)");
await using var meilisearch = await MeilisearchProcess.StartAsync(repo, work, options.MeilisearchMemory);
var app = BenchHost.Build(repo, dbPath, meilisearch.Url, clock);

Console.Error.WriteLine($"== data set: {options.Offers} offers, {options.Providers} providers -> {dbPath}");
report.DataSet = await NationalDataSet.GenerateAsync(app, options, reference);
Console.Error.WriteLine($"   {report.DataSet}");

Console.Error.WriteLine("== index builds");
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
    var started = Stopwatch.GetTimestamp();
    // The SQLite engine's indexes: the FTS5 table rebuilt from Offers.SearchText, every B-tree index rebuilt, statistics.
    await db.Database.ExecuteSqlRawAsync("INSERT INTO OfferSearch(OfferSearch) VALUES('rebuild')");
    await db.Database.ExecuteSqlRawAsync("REINDEX");
    report.SqliteIndexBuild = Stopwatch.GetElapsedTime(started);
    var indexer = scope.ServiceProvider.GetRequiredService<OfferIndexer>();
    await indexer.EnsureIndexAsync(CancellationToken.None);
    report.MeilisearchIndexBuild = (await indexer.RebuildAsync(db, CancellationToken.None)).Duration;
    report.MeilisearchDocuments = await indexer.CountAsync(CancellationToken.None);
}
report.MeilisearchRssAfterBuildMb = Memory.CurrentMb(meilisearch.ProcessId);

Console.Error.WriteLine("== in-process index load");
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    var started = Stopwatch.GetTimestamp();
    await app.Services.GetRequiredService<OfferIndexFeed>().LoadAsync(CancellationToken.None);
    report.InProcessLoad = Stopwatch.GetElapsedTime(started);
    report.InProcessHeapMb = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1024.0 / 1024.0;
    report.InProcessOffers = app.Services.GetRequiredService<InProcessOfferIndex>().Count;
    Console.Error.WriteLine($"   {report.InProcessOffers} offers in {report.InProcessLoad.TotalSeconds:0.00} s, {report.InProcessHeapMb:0.0} MB managed heap");
}

Dictionary<string, List<BenchQuery>> mix;
await using (var scope = app.Services.CreateAsyncScope())
    mix = await QueryMix.CreateAsync(scope.ServiceProvider.GetRequiredService<StartpuntDb>(), Math.Max(options.Queries, options.NaiveQueries));

var engines = new (string Name, Func<IServiceProvider, IOfferSearch> Create, int PerKind)[]
{
    ("naive baseline (EF loads the region, distance in C#)", sp => new NaiveOfferSearch(sp.GetRequiredService<StartpuntDb>(), sp.GetRequiredService<TimeProvider>()), options.NaiveQueries),
    ("SQLite engine", sp => sp.GetRequiredService<SqliteOfferSearch>(), options.Queries),
    ("Meilisearch engine (incl. HTTP)", sp => sp.GetRequiredService<MeilisearchOfferSearch>(), options.Queries),
    ("in-process engine", sp => sp.GetRequiredService<InProcessOfferSearch>(), options.Queries),
};
foreach (var (name, create, perKind) in engines)
{
    Console.Error.WriteLine($"== {name}");
    report.Engines.Add(await EngineBench.RunAsync(name, app.Services, create, mix, perKind, options.Warmup, options.WarmupTime, options.ThroughputTime));
}
report.MeilisearchPeakRssMb = Memory.PeakMb(meilisearch.ProcessId);

// PostgreSQL: the same data, moved with copy-database into a server of the benchmark's own, and the in-process engine
// loaded from it (what every node of a PostgreSQL installation searches with).
Console.Error.WriteLine("== PostgreSQL: copy-database, the in-process index loaded from PostgreSQL");
await using (var postgres = await PostgresProcess.StartAsync(repo, work))
{
    var connection = await postgres.CreateDatabaseAsync("bench");
    var started = Stopwatch.GetTimestamp();
    if (await Startpunt.Web.Data.Moving.CopyDatabaseCommand.RunAsync(app.Services, connection, TextWriter.Null, Console.Error) != 0)
        throw new InvalidOperationException("copy-database into the benchmark's PostgreSQL failed");
    report.PostgreSqlCopy = Stopwatch.GetElapsedTime(started);
    var onPostgres = BenchHost.Build(repo, dbPath, null, clock, connection);
    started = Stopwatch.GetTimestamp();
    await onPostgres.Services.GetRequiredService<OfferIndexFeed>().LoadAsync(CancellationToken.None);
    report.PostgreSqlLoad = Stopwatch.GetElapsedTime(started);
    Console.Error.WriteLine($"   copied in {report.PostgreSqlCopy.TotalSeconds:0.0} s, index loaded in {report.PostgreSqlLoad.TotalSeconds:0.00} s");
    report.Engines.Add(await EngineBench.RunAsync("in-process engine on PostgreSQL", onPostgres.Services,
        sp => sp.GetRequiredService<InProcessOfferSearch>(), mix, options.Queries, options.Warmup, options.WarmupTime, options.ThroughputTime));
    await onPostgres.DisposeAsync();
}

Console.Error.WriteLine("== update lag (the portal's own sync service running)");
await app.StartAsync();
report.SqliteLag = await LagBench.RunAsync(app.Services, clock, engines[1].Create, options.LagSamples, offset: 0);
report.MeilisearchLag = await LagBench.RunAsync(app.Services, clock, engines[2].Create, options.LagSamples, offset: 1);
report.InProcessLag = await LagBench.RunAsync(app.Services, clock, engines[3].Create, options.LagSamples, offset: 2);
// A second node: its own container and index on the same database, learning of the first one's saves only through the feed.
var second = BenchHost.Build(repo, dbPath, null, clock);
await second.StartAsync();
await second.Services.GetRequiredService<InProcessOfferIndex>().WhenReady;
report.SecondNodeLag = await LagBench.RunAsync(app.Services, clock, _ => second.Services.GetRequiredService<InProcessOfferSearch>(), options.LagSamples, offset: 3);
await second.StopAsync();
await second.DisposeAsync();
await app.StopAsync();
await app.DisposeAsync();
SqliteConnection.ClearAllPools();

if (options.Pages)
{
    var sets = new Dictionary<string, IReadOnlyList<string>>
    {
        ["query mix"] = mix[QueryMix.GeoFilters].Concat(mix[QueryMix.MaxWait]).Concat(mix[QueryMix.FreeText]).Select(q => q.Url).Take(300).ToList(),
        ["national 25–50 km"] = mix[QueryMix.National].Select(q => q.Url).Take(300).ToList(),
    };
    // One engine's page run failing (a node that never became ready) costs its own rows only.
    async Task PagesAsync(string title, Func<Task<List<WrkResult>>> run)
    {
        Console.Error.WriteLine($"== results page with wrk: {title}");
        try { report.Pages.AddRange(await run()); }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"   FAILED: {e.Message}");
        }
    }
    await PagesAsync("in-process engine, the trivial endpoint and the start page",
        () => PageBench.RunAsync(repo, dbPath, null, "inprocess", sets, options.PageSeconds, [options.PageConnections, 200], trivialToo: true, work));
    Console.Error.WriteLine("== results page with wrk: demo data (as `dotnet run` starts the portal), 200 connections");
    try { report.Demo = await PageBench.DemoAsync(repo, work); }
    catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException)
    {
        Console.Error.WriteLine($"   FAILED: {e.Message}");
    }
    await PagesAsync("SQLite engine", () => PageBench.RunAsync(repo, dbPath, null, "sqlite", sets, options.PageSeconds, [options.PageConnections], trivialToo: false, work));
    await PagesAsync("Meilisearch engine", () => PageBench.RunAsync(repo, dbPath, meilisearch.Url, "meilisearch", sets, options.PageSeconds, [options.PageConnections], trivialToo: false, work));
}

report.LoadAtEnd = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
foreach (var line in report.Disagreements(1, 2)) Console.Error.WriteLine($"   differs: {line}");
var markdown = report.ToMarkdown();
Console.WriteLine(markdown);
if (options.Output is { } output) await File.WriteAllTextAsync(output, markdown);
if (options.Tiny && !options.Keep)
{
    // The smoke run's own check: the SQLite engine gives the reference's first page for every query the naive
    // baseline ran. (Meilisearch may differ on free text, by design: it forgives typos.)
    SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(dbPath + suffix);
    // The in-process engine gives it too, except for free text, where it forgives typos and knows synonyms.
    var exact = report.Engines[0].FirstPages.Where(p => p.Key.Kind != QueryMix.FreeText).ToList();
    var inProcessAgrees = exact.All(p => report.Engines[3].FirstPages.TryGetValue(p.Key, out var page) && page.SequenceEqual(p.Value));
    // Loaded from PostgreSQL, the in-process engine answers exactly as loaded from SQLite.
    var postgreSqlAgrees = report.Agreement(3, 4) == report.Engines[3].FirstPages.Count;
    return report.Agreement(0, 1) == report.Engines[0].FirstPages.Count && inProcessAgrees && postgreSqlAgrees ? 0 : 1;
}
return 0;
