using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Search;

/// <summary>
/// Once warm, a resident's search asks the database nothing: the offers come from the in-process index with their
/// places (the map), and postcodes, products, target groups and languages from the cached choices.
/// </summary>
public sealed class WarmSearchTests(MapTilesFactory app) : IClassFixture<MapTilesFactory>, IDisposable
{
    private readonly HttpClient _client = app.CreateClient();
    private readonly SqlDuringRequests _sql = new(app);

    [Theory]
    [InlineData("/")]
    [InlineData("/zoeken?postcode=1621AB&afstand=25&product=dagbesteding")]
    [InlineData("/zoeken?postcode=Hoorn&afstand=50&sorteer=wachttijd&pagina=2")]
    [InlineData("/zoeken?postcode=1621AB&afstand=25&q=zorgboerderij&doelgroep=ouderen")]
    [InlineData("/zoeken?postcode=1621AB&afstand=5&q=bestaatnietxyz")]
    [InlineData("/embed?regio=westfriesland&postcode=1621AB&afstand=25")]
    public async Task An_anonymous_search_page_runs_no_sql_once_warm(string url)
    {
        (await _client.GetAsync(url)).EnsureSuccessStatusCode();
        _sql.Clear();

        var doc = await _client.GetDocumentAsync(url);

        Assert.Empty(_sql.Commands);
        Assert.NotNull(doc.QuerySelector("form.search-form"));
        if (url.Contains("afstand=25&product", StringComparison.Ordinal)) Assert.NotNull(doc.QuerySelector("#kaartblok[data-pins]"));
    }

    [Fact]
    public async Task The_count_sees_the_sql_of_a_page_that_reads_the_database()
    {
        var results = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=25&product=dagbesteding");
        var offer = results.OfferIds().First();
        (await _client.GetAsync($"/aanbod/{offer}")).EnsureSuccessStatusCode();
        _sql.Clear();

        (await _client.GetAsync($"/aanbod/{offer}")).EnsureSuccessStatusCode();

        Assert.NotEmpty(_sql.Commands);
    }

    public void Dispose() => _sql.Dispose();

    /// <summary>The SQL this test's database ran inside a web request (background jobs, such as the index following changes, are not counted).</summary>
    private sealed class SqlDuringRequests : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _database;
        private readonly ActivityListener _requests = new()
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        private readonly List<IDisposable> _subscriptions = [];
        private readonly ConcurrentQueue<string> _commands = new();

        public SqlDuringRequests(StartpuntFactory app)
        {
            _database = app.PostgreSqlConnectionString ?? app.DatabasePath;
            ActivitySource.AddActivityListener(_requests);
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public IReadOnlyCollection<string> Commands => _commands;

        public void Clear() => _commands.Clear();

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData data) return;
            var connection = data.Command.Connection?.ConnectionString ?? "";
            var inRequest = Activity.Current?.Source.Name == "Microsoft.AspNetCore" || Activity.Current?.Parent?.Source.Name == "Microsoft.AspNetCore";
            if (inRequest && (connection.Contains(_database, StringComparison.Ordinal) || _database.Contains(connection, StringComparison.Ordinal)))
                _commands.Enqueue(data.Command.CommandText);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
            _requests.Dispose();
        }
    }
}
