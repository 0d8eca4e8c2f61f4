using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.TestSupport;
using Startpunt.Web.Domain;
using Startpunt.Web.OfferSearch;
using Startpunt.Web.OfferSearch.InProcess;
using Startpunt.Web.OfferSearch.Meilisearch;

namespace Startpunt.Tests.OfferSearch;

public interface IContractFixture
{
    ContractData.Summary Data { get; }
}

public sealed class SqliteContractFactory : StartpuntFactory, IContractFixture, IAsyncLifetime
{
    protected override bool SeedDemo => false;
    public ContractData.Summary Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = Services;
        Data = await ContractData.SeedAsync(this);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class InProcessContractFactory : StartpuntFactory, IContractFixture, IAsyncLifetime
{
    protected override bool SeedDemo => false;
    public ContractData.Summary Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Services.GetRequiredService<InProcessOfferIndex>().WhenReady;
        Data = await ContractData.SeedAsync(this);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class MeilisearchContractFactory : MeilisearchFactory, IContractFixture
{
    protected override bool SeedDemo => false;
    public ContractData.Summary Data { get; private set; } = null!;

    protected override async Task ArrangeAsync() => Data = await ContractData.SeedAsync(this);
}

/// <summary>
/// The search contract, run against each engine: on the fixed data set every query gives, page by page, the same
/// offers in the same order with the same distances, stoplights and totals as the reference engine
/// (<see cref="NaiveOfferSearch"/>, which states the rules plainly in C#). Both engines equal the reference, so they
/// equal each other; the Meilisearch run also compares with SQLite directly.
/// </summary>
public abstract class SearchContractTests<TFactory>(TFactory app) where TFactory : StartpuntFactory, IContractFixture
{
    protected abstract IOfferSearch Engine(IServiceProvider services);

    protected virtual bool AlsoCompareWithSqlite => false;

    [Theory]
    [MemberData(nameof(ContractQueries.Names), MemberType = typeof(ContractQueries))]
    public async Task Every_page_equals_the_reference_engine(string name)
    {
        var query = ContractQueries.Get(name, await CatalogueAsync());
        using var scope = app.Services.CreateScope();
        var reference = new NaiveOfferSearch(scope.ServiceProvider.GetRequiredService<Web.Data.StartpuntDb>(), app.Clock);
        var engine = Engine(scope.ServiceProvider);
        var sqlite = scope.ServiceProvider.GetRequiredService<SqliteOfferSearch>();

        var first = await reference.SearchAsync(query);
        // A query that finds nothing proves little: the data set is built so that each one finds something.
        Assert.True(first.Total > 0 || query.Text == "onvindbaarwoord", $"{name} finds nothing in the data set");
        var pageCount = first.PageCount;
        // One page past the end too: every engine then shows the last page.
        for (var page = 1; page <= pageCount + 1; page++)
        {
            var expected = await reference.SearchAsync(query with { Page = page });
            var actual = await engine.SearchAsync(query with { Page = page });
            AssertSame(expected, actual, $"{name}, page {page}");
            if (AlsoCompareWithSqlite) AssertSame(await sqlite.SearchAsync(query with { Page = page }), actual, $"{name}, page {page}, SQLite");
        }
    }

    [Fact]
    public async Task Paused_and_removed_offers_never_show()
    {
        using var scope = app.Services.CreateScope();
        var shown = await AllIdsAsync(Engine(scope.ServiceProvider), Query(50));
        Assert.NotEmpty(app.Data.Paused);
        Assert.NotEmpty(app.Data.Removed);
        Assert.Empty(shown.Intersect(app.Data.Paused));
        Assert.Empty(shown.Intersect(app.Data.Removed));
    }

    [Fact]
    public async Task Offers_at_one_place_are_ordered_by_provider_name_then_id()
    {
        using var scope = app.Services.CreateScope();
        var result = await Engine(scope.ServiceProvider).SearchAsync(Query(50) with { PageSize = 100 });
        var hits = result.Hits.ToList();
        Assert.NotEmpty(app.Data.Twins);
        foreach (var twin in app.Data.Twins)
        {
            var at = hits.Single(h => h.OfferId == twin);
            var samePlace = hits.Where(h => h.DistanceKm == at.DistanceKm && h.Stoplight.IsKnown == at.Stoplight.IsKnown).ToList();
            Assert.True(samePlace.Count >= 2, "a twin shares its place with another offer");
            Assert.Equal(samePlace.OrderBy(h => h.ProviderName, StringComparer.Ordinal).ThenBy(h => h.OfferId).Select(h => h.OfferId), samePlace.Select(h => h.OfferId));
        }
    }

    [Theory]
    [InlineData(SearchSort.Distance)]
    [InlineData(SearchSort.WaitingTime)]
    [InlineData(SearchSort.Name)]
    public async Task Onbekend_offers_come_after_every_confirmed_offer(SearchSort sort)
    {
        using var scope = app.Services.CreateScope();
        var result = await Engine(scope.ServiceProvider).SearchAsync(Query(50) with { Sort = sort, PageSize = 100 });
        var known = result.Hits.Select(h => h.Stoplight.IsKnown).ToList();
        Assert.Contains(false, known);
        Assert.Equal(known.OrderByDescending(k => k), known);
    }

    [Fact]
    public async Task The_data_set_keeps_every_distance_clear_of_the_radius_choices_and_of_each_other() =>
        await ContractData.AssertDistancesAreUnambiguousAsync(app);

    protected static OfferSearchQuery Query(double km) => new()
    {
        RegionId = ContractData.Region, Latitude = ContractData.Hoorn.Lat, Longitude = ContractData.Hoorn.Lon,
        MunicipalityCode = ContractData.Hoorn.Municipality, RadiusKm = km,
    };

    protected static async Task<List<int>> AllIdsAsync(IOfferSearch engine, OfferSearchQuery query)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var result = await engine.SearchAsync(query with { Page = page, PageSize = 100 });
            ids.AddRange(result.Hits.Select(h => h.OfferId));
            if (page >= result.PageCount) return ids;
        }
    }

    protected async Task<ContractQueries.Catalogue> CatalogueAsync()
    {
        await using var db = app.CreateDb();
        var products = await db.Products.Where(p => p.RegionId == ContractData.Region).ToListAsync();
        List<int> Of(ProductKind kind) => products.Where(p => p.Kind == kind).Select(p => p.Id).Order().ToList();
        var ggz = await db.TargetGroups.Where(t => t.SectorCode == "ggz" || t.Code == "ggz").Select(t => t.Code).ToListAsync();
        return new ContractQueries.Catalogue(Of(ProductKind.Dagbesteding), Of(ProductKind.Begeleiding), Of(ProductKind.Huishouden), ggz);
    }

    private static void AssertSame(OfferSearchResult expected, OfferSearchResult actual, string what)
    {
        Assert.True(expected.Hits.Select(h => h.OfferId).SequenceEqual(actual.Hits.Select(h => h.OfferId)),
            $"{what}: expected [{string.Join(", ", expected.Hits.Select(h => h.OfferId))}] but got [{string.Join(", ", actual.Hits.Select(h => h.OfferId))}]");
        Assert.Equal((expected.Total, expected.Page, expected.PageSize), (actual.Total, actual.Page, actual.PageSize));
        foreach (var (e, a) in expected.Hits.Zip(actual.Hits))
        {
            // A record compares its list by reference: the languages are compared apart, in order.
            Assert.Equal(e with { Languages = [] }, a with { Languages = [] });
            Assert.Equal(e.Languages, a.Languages);
        }
    }
}

public sealed class SqliteSearchContractTests(SqliteContractFactory app) : SearchContractTests<SqliteContractFactory>(app), IClassFixture<SqliteContractFactory>
{
    protected override IOfferSearch Engine(IServiceProvider services) => services.GetRequiredService<SqliteOfferSearch>();
}

public sealed class InProcessSearchContractTests(InProcessContractFactory app)
    : SearchContractTests<InProcessContractFactory>(app), IClassFixture<InProcessContractFactory>
{
    protected override IOfferSearch Engine(IServiceProvider services) => services.GetRequiredService<InProcessOfferSearch>();

    protected override bool AlsoCompareWithSqlite => true;
}

public sealed class MeilisearchSearchContractTests(MeilisearchContractFactory app)
    : SearchContractTests<MeilisearchContractFactory>(app), IClassFixture<MeilisearchContractFactory>
{
    private readonly MeilisearchContractFactory _app = app;

    protected override IOfferSearch Engine(IServiceProvider services) => services.GetRequiredService<MeilisearchOfferSearch>();

    protected override bool AlsoCompareWithSqlite => true;

    /// <summary>
    /// The one intended difference: Meilisearch forgives typos (one in words of 5-8 letters, two from 9), FTS5 in
    /// SQLite does not. The contract's words are chosen so that this never changes a contract result.
    /// </summary>
    [Fact]
    public async Task Meilisearch_forgives_a_typo_that_SQLite_does_not()
    {
        using var scope = _app.Services.CreateScope();
        var meili = scope.ServiceProvider.GetRequiredService<MeilisearchOfferSearch>();
        var sqlite = scope.ServiceProvider.GetRequiredService<SqliteOfferSearch>();
        var right = await AllIdsAsync(meili, Query(50) with { Text = "zorgboerderij" });
        Assert.NotEmpty(right);
        Assert.Equal(right, await AllIdsAsync(meili, Query(50) with { Text = "zorgboerdrij" }));
        Assert.Empty(await AllIdsAsync(sqlite, Query(50) with { Text = "zorgboerdrij" }));
    }
}

