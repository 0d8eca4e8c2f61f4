using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.OfferSearch;
using Startpunt.Web.OfferSearch.InProcess;

namespace Startpunt.Tests.OfferSearch;

/// <summary>A second portal process on the same database file: the demo data is already there.</summary>
public sealed class SecondNodeFactory : StartpuntFactory
{
    protected override bool SeedDemo => false;
}

/// <summary>The in-process index follows every change: at once on the node that saved it, within a second on another process.</summary>
public sealed class InProcessIndexTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Fact]
    public async Task A_paused_offer_leaves_search_on_the_writing_node_before_the_save_returns()
    {
        var index = await ReadyIndexAsync(app);
        var (offerId, query) = await VisibleOfferAsync(app, skip: 0);
        var search = app.Services.GetRequiredService<InProcessOfferSearch>();
        Assert.Contains(offerId, search.Search(query).Hits.Select(h => h.OfferId));

        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.SingleAsync(o => o.Id == offerId);
            offer.Paused = true;
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain(offerId, search.Search(query).Hits.Select(h => h.OfferId));
        Assert.Null(index.Offer(offerId));

        await using (var db = app.CreateDb())
        {
            (await db.Offers.SingleAsync(o => o.Id == offerId)).Paused = false;
            await db.SaveChangesAsync();
        }
        Assert.Contains(offerId, search.Search(query).Hits.Select(h => h.OfferId));
    }

    [Fact]
    public async Task A_change_saved_by_one_process_shows_in_another_process_within_a_second()
    {
        await ReadyIndexAsync(app);
        using var second = new SecondNodeFactory { DatabasePath = app.DatabasePath, DeleteDatabaseOnDispose = false };
        var otherIndex = await ReadyIndexAsync(second);
        var (offerId, query) = await VisibleOfferAsync(app, skip: 1);
        var otherSearch = second.Services.GetRequiredService<InProcessOfferSearch>();
        var before = otherSearch.Search(query).Hits.Single(h => h.OfferId == offerId);
        var weeks = before.Stoplight.WaitingWeeks == 30 ? 31 : 30;

        bool Seen() => otherSearch.Search(query).Hits.SingleOrDefault(h => h.OfferId == offerId)?.Stoplight.WaitingWeeks == weeks;
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged() { if (Seen()) seen.TrySetResult(); }
        otherIndex.Changed += OnChanged;
        try
        {
            var saved = Stopwatch.StartNew();
            await using (var db = app.CreateDb())
            {
                (await db.Offers.SingleAsync(o => o.Id == offerId)).Availability.WaitingWeeks = weeks;
                await db.SaveChangesAsync();
            }
            saved.Restart();
            if (Seen()) seen.TrySetResult();
            await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(saved.Elapsed < TimeSpan.FromSeconds(1), $"the other process showed the change after {saved.ElapsedMilliseconds} ms");
        }
        finally
        {
            otherIndex.Changed -= OnChanged;
        }
    }

    [Fact]
    public async Task A_contract_that_starts_tomorrow_counts_from_tomorrow_without_a_refresh()
    {
        await using var factory = new SecondNodeFactory();
        await ReadyIndexAsync(factory);
        var data = await ContractData.SeedAsync(factory);
        var search = factory.Services.GetRequiredService<InProcessOfferSearch>();
        var query = new OfferSearchQuery
        {
            RegionId = ContractData.Region, Latitude = ContractData.Hoorn.Lat, Longitude = ContractData.Hoorn.Lon,
            MunicipalityCode = ContractData.Hoorn.Municipality, RadiusKm = 50, PageSize = 100, ContractedFor = ContractData.Hoorn.Municipality,
        };
        int startsTomorrow;
        await using (var db = factory.CreateDb())
        {
            var tomorrow = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(1);
            var contract = await db.Contracts.Include(c => c.Municipalities)
                .FirstAsync(c => c.StartDate == tomorrow && c.Municipalities.Any(m => m.MunicipalityCode == ContractData.Hoorn.Municipality));
            startsTomorrow = await db.Offers.Where(o => o.ProviderId == contract.ProviderId && o.ProductId == contract.ProductId && !o.Paused)
                .Select(o => o.Id).FirstAsync();
        }
        Assert.True(data.Offers > 0);
        Assert.DoesNotContain(startsTomorrow, await AllIdsAsync(search, query));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains(startsTomorrow, await AllIdsAsync(search, query));
    }

    private static async Task<InProcessOfferIndex> ReadyIndexAsync(StartpuntFactory factory)
    {
        var index = factory.Services.GetRequiredService<InProcessOfferIndex>();
        await index.WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
        await factory.Services.GetRequiredService<OfferIndexFeed>().CatchUpAsync(CancellationToken.None);
        return index;
    }

    /// <summary>An offer at a location (not the one another test changes) and a query that finds it.</summary>
    private static async Task<(int OfferId, OfferSearchQuery Query)> VisibleOfferAsync(StartpuntFactory factory, int skip)
    {
        await using var db = factory.CreateDb();
        var offer = await db.Offers.Where(o => !o.Paused && o.LocationId != null).OrderBy(o => o.Id).Skip(skip)
            .Select(o => new { o.Id, o.RegionId, o.Location!.Latitude, o.Location.Longitude }).FirstAsync();
        return (offer.Id, new OfferSearchQuery
        {
            RegionId = offer.RegionId, Latitude = offer.Latitude, Longitude = offer.Longitude, RadiusKm = 1, PageSize = 100,
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
