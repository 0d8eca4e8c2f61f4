using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.OfferSearch;
using Startpunt.Web.OfferSearch.InProcess;

namespace Startpunt.Tests.OfferSearch;

/// <summary>
/// Text search that forgives, on the demo data: what a person types with a typo, in English or in their own words
/// finds the offers the right Dutch word finds (SQLite's exact search is the yardstick for "the right word").
/// </summary>
public sealed class ForgivingTextTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Theory]
    [InlineData("zorgboerdrij", "zorgboerderij")]
    [InlineData("dagbestedign", "dagbesteding")]
    [InlineData("goudvnik", "goudvink")]
    [InlineData("Dagbesteding", "dagbesteding")]
    [InlineData("tuinieren", "tuinier")]
    public async Task A_word_with_one_typo_or_another_form_finds_what_the_right_word_finds(string typed, string meant)
    {
        var (inProcess, sqlite, query) = await EnginesAsync(meant);
        var right = await AllIdsAsync(sqlite, query with { Text = meant });
        Assert.NotEmpty(right);
        Assert.Empty(await AllIdsAsync(sqlite, query with { Text = typed + "x" }));
        var found = await AllIdsAsync(inProcess, query with { Text = typed });
        Assert.Superset(right.ToHashSet(), found.ToHashSet());
    }

    [Fact]
    public async Task Dementia_finds_offers_about_dementie_and_offers_for_people_with_dementie()
    {
        var (inProcess, sqlite, query) = await EnginesAsync();
        Assert.Empty(await AllIdsAsync(sqlite, query with { Text = "dementia" }));
        var meant = (await AllIdsAsync(sqlite, query with { Text = "dementie" }))
            .Union(await AllIdsAsync(sqlite, query with { TargetGroups = ["dementie"] })).ToHashSet();
        Assert.NotEmpty(meant);
        var found = (await AllIdsAsync(inProcess, query with { Text = "dementia" })).ToHashSet();
        Assert.Superset(meant, found);
        var index = app.Services.GetRequiredService<InProcessOfferIndex>();
        Assert.All(found, id => Assert.True(index.Offer(id)!.TargetGroups.Contains("dementie")
            || index.Offer(id)!.Text.Content.Select(index.Vocabulary.Word).Any(w => w.StartsWith("dement", StringComparison.Ordinal) || w.StartsWith("geheugen", StringComparison.Ordinal)), $"offer {id}"));
    }

    [Fact]
    public async Task Vervoer_finds_offers_with_transport_and_rolstoel_those_with_wheelchair_transport()
    {
        var (inProcess, sqlite, query) = await EnginesAsync();
        var transport = (await AllIdsAsync(sqlite, query with { Transport = TransportFilter.Offered })).ToHashSet();
        var wheelchair = (await AllIdsAsync(sqlite, query with { Transport = TransportFilter.Wheelchair })).ToHashSet();
        Assert.NotEmpty(wheelchair);
        Assert.True(transport.Count > wheelchair.Count);

        var vervoer = (await AllIdsAsync(inProcess, query with { Text = "vervoer" })).ToHashSet();
        Assert.Superset(transport, vervoer);
        Assert.Superset((await AllIdsAsync(sqlite, query with { Text = "vervoer" })).ToHashSet(), vervoer);

        var rolstoel = (await AllIdsAsync(inProcess, query with { Text = "rolstoel" })).ToHashSet();
        Assert.Superset(wheelchair, rolstoel);
        // And nothing else than wheelchair transport or offers that speak of a wheelchair.
        var index = app.Services.GetRequiredService<InProcessOfferIndex>();
        Assert.All(rolstoel, id => Assert.True(index.Offer(id)!.Transport == Transport.WithWheelchair
            || index.Offer(id)!.Text.Content.Select(index.Vocabulary.Word).Any(w => w.StartsWith("rolstoel", StringComparison.Ordinal)), $"offer {id}"));
    }

    [Fact]
    public async Task Logeren_finds_kortdurend_verblijf()
    {
        var (inProcess, sqlite, query) = await EnginesAsync();
        var meant = (await AllIdsAsync(sqlite, query with { Text = "kortdurend verblijf" }))
            .Union(await AllIdsAsync(sqlite, query with { Text = "logeren" })).ToHashSet();
        Assert.NotEmpty(meant);
        Assert.Superset(meant, (await AllIdsAsync(inProcess, query with { Text = "logeren" })).ToHashSet());
    }

    [Fact]
    public async Task A_typo_in_a_short_word_is_not_forgiven()
    {
        var (inProcess, sqlite, query) = await EnginesAsync();
        Assert.NotEmpty(await AllIdsAsync(sqlite, query with { Text = "zorg" }));
        Assert.Empty(await AllIdsAsync(inProcess, query with { Text = "zprg" }));
    }

    /// <summary>Both engines and a query over the whole of a demo region: the one with the most offers, or one where <paramref name="word"/> occurs.</summary>
    private async Task<(IOfferSearch InProcess, IOfferSearch Sqlite, OfferSearchQuery Query)> EnginesAsync(string? word = null)
    {
        await app.Services.GetRequiredService<InProcessOfferIndex>().WhenReady;
        await app.Services.GetRequiredService<OfferIndexFeed>().CatchUpAsync(CancellationToken.None);
        await using var db = app.CreateDb();
        var region = word is null
            ? await db.Offers.GroupBy(o => o.RegionId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync()
            : await db.Offers.Where(o => !o.Paused && o.SearchText.ToLower().Contains(word)).OrderBy(o => o.Id).Select(o => o.RegionId).FirstAsync();
        var centre = await db.Offers.Where(o => o.RegionId == region && o.Location != null).OrderBy(o => o.Id)
            .Select(o => new { o.Location!.Latitude, o.Location.Longitude, o.Location.MunicipalityCode }).FirstAsync();
        var scope = app.Services.CreateScope();
        return (app.Services.GetRequiredService<InProcessOfferSearch>(), scope.ServiceProvider.GetRequiredService<SqliteOfferSearch>(), new OfferSearchQuery
        {
            RegionId = region, Latitude = centre.Latitude, Longitude = centre.Longitude, MunicipalityCode = centre.MunicipalityCode,
            RadiusKm = 100, PageSize = 100,
        });
    }

    private static async Task<List<int>> AllIdsAsync(IOfferSearch engine, OfferSearchQuery query)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var result = await engine.SearchAsync(query with { Page = page });
            ids.AddRange(result.Hits.Select(h => h.OfferId));
            if (page >= result.PageCount) return ids;
        }
    }
}
