using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;
using Startpunt.Web.OfferSearch;
using Startpunt.Web.OfferSearch.Meilisearch;

namespace Startpunt.Tests.OfferSearch;

/// <summary>
/// Keeping Meilisearch in step with the database: each kind of write reaches the index through the outbox, the
/// index is built at start and rebuilt without losing what changes meanwhile. On the demo content, against the real server.
/// </summary>
public sealed class IndexSyncTests(MeilisearchFactory app) : IClassFixture<MeilisearchFactory>
{
    private MeilisearchClient Client => app.Resolve<MeilisearchClient>();

    private Task<OfferDocument?> DocumentAsync(int offerId) => Client.GetDocumentAsync<OfferDocument>(app.IndexName, offerId, CancellationToken.None);

    [Fact]
    public async Task At_start_the_index_is_built_with_every_offer_search_shows()
    {
        await using var db = app.CreateDb();
        var shown = await db.Offers.CountAsync(o => !o.Paused);
        Assert.True(shown > 800);
        Assert.Equal(shown, await Client.CountDocumentsAsync(app.IndexName, CancellationToken.None));
    }

    [Fact]
    public async Task A_weekly_update_by_a_provider_reaches_the_index_through_the_outbox()
    {
        var client = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var offer = await app.FirstOfferAsync(providerId, q => q.Where(o => !o.Paused && o.Availability.WaitingWeeks != 13));
        long before;
        await using (var db = app.CreateDb()) before = await db.SearchOutboxEntries.CountAsync(r => r.OfferId == offer.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await client.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}", new()
        {
            ["WaitingWeeks"] = "13", ["IntakeOpen"] = "true", ["FreePlaces"] = "", ["Version"] = offer.Version.ToString(),
        }, tokenPage: $"/aanbieder/{providerId}/wachttijden");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = app.CreateDb()) Assert.Equal(before + 1, await db.SearchOutboxEntries.CountAsync(r => r.OfferId == offer.Id));

        await app.WaitForIndexAsync();
        var document = await DocumentAsync(offer.Id);
        Assert.Equal(13, document!.WaitingWeeks);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, document.ConfirmedAtUtc);
    }

    [Fact]
    public async Task Pausing_takes_an_offer_out_of_the_index_and_resuming_brings_it_back()
    {
        var offerId = await OfferIdAsync(1, o => !o.Paused);
        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.SingleAsync(o => o.Id == offerId);
            offer.Paused = true;
            await db.SaveChangesAsync();
        }
        await app.WaitForIndexAsync();
        Assert.Null(await DocumentAsync(offerId));

        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.SingleAsync(o => o.Id == offerId);
            offer.Paused = false;
            await db.SaveChangesAsync();
        }
        await app.WaitForIndexAsync();
        Assert.NotNull(await DocumentAsync(offerId));
    }

    [Fact]
    public async Task Renaming_a_provider_changes_every_one_of_its_offers_in_the_index()
    {
        int providerId;
        await using (var db = app.CreateDb())
        {
            var provider = await db.Providers.OrderBy(p => p.Id).Skip(3).FirstAsync();
            providerId = provider.Id;
            provider.Name = "Kantklosvereniging Hernoemd";
            await db.SaveChangesAsync();
        }
        await app.WaitForIndexAsync();
        await using (var db = app.CreateDb())
        {
            var ids = await db.Offers.Where(o => o.ProviderId == providerId && !o.Paused).Select(o => o.Id).ToListAsync();
            Assert.NotEmpty(ids);
            foreach (var id in ids) Assert.Equal("Kantklosvereniging Hernoemd", (await DocumentAsync(id))!.ProviderName);
        }
    }

    [Fact]
    public async Task Moving_a_location_moves_its_offers_in_the_index()
    {
        var offerId = await OfferIdAsync(2, o => o.LocationId != null && !o.Paused);
        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.Include(o => o.Location).SingleAsync(o => o.Id == offerId);
            offer.Location!.Latitude = 52.5;
            offer.Location.Longitude = 5.0;
            await db.SaveChangesAsync();
        }
        await app.WaitForIndexAsync();
        Assert.Equal(new GeoPoint(52.5, 5.0), (await DocumentAsync(offerId))!.Geo);
    }

    [Fact]
    public async Task A_contract_change_and_a_contract_that_starts_tomorrow_reach_the_index()
    {
        var offerId = await OfferIdAsync(0, o => !o.Paused && o.RegionId == "zaanstreek-waterland");
        string municipality;
        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.SingleAsync(o => o.Id == offerId);
            var contracts = await db.Contracts.Include(c => c.Municipalities).Where(c => c.ProviderId == offer.ProviderId && c.ProductId == offer.ProductId).ToListAsync();
            municipality = contracts.SelectMany(c => c.Municipalities).First().MunicipalityCode;
            // The contract now starts tomorrow: not contracted today.
            foreach (var c in contracts) c.StartDate = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1);
            await db.SaveChangesAsync();
        }
        await app.WaitForIndexAsync();
        Assert.DoesNotContain(municipality, (await DocumentAsync(offerId))!.ContractedMunicipalities);

        // A new day: the sync refreshes offers whose contracts start today.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.NextSyncPassesAsync(2);
        await app.WaitForIndexAsync();
        Assert.Contains(municipality, (await DocumentAsync(offerId))!.ContractedMunicipalities);
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_outbox_row()
    {
        var offerId = await OfferIdAsync(4, o => !o.Paused);
        await using var mine = app.CreateDb();
        var offer = await mine.Offers.SingleAsync(o => o.Id == offerId);
        await using (var colleague = app.CreateDb())
        {
            var same = await colleague.Offers.SingleAsync(o => o.Id == offerId);
            same.Availability.WaitingWeeks += 1;
            await colleague.SaveChangesAsync();
        }
        long last;
        await using (var db = app.CreateDb()) last = await db.SearchOutboxEntries.MaxAsync(r => r.Id);

        offer.Availability.WaitingWeeks += 2;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync());
        await using (var db = app.CreateDb()) Assert.False(await db.SearchOutboxEntries.AnyAsync(r => r.Id > last));
    }

    [Fact]
    public async Task A_reindex_swaps_in_a_new_index_and_keeps_the_changes_made_while_it_ran()
    {
        var ids = await OfferIdsAsync(5, o => !o.Paused, 30);
        using var scope = app.Services.CreateScope();
        var indexer = scope.ServiceProvider.GetRequiredService<OfferIndexer>();
        var rebuild = indexer.RebuildAsync(scope.ServiceProvider.GetRequiredService<Web.Data.StartpuntDb>(), CancellationToken.None);
        var weeks = 40;
        foreach (var id in ids)
        {
            await using var db = app.CreateDb();
            var offer = await db.Offers.SingleAsync(o => o.Id == id);
            offer.Availability.WaitingWeeks = weeks++;
            await db.SaveChangesAsync();
        }
        var report = await rebuild;
        await app.WaitForIndexAsync();

        await using (var db = app.CreateDb())
        {
            Assert.Equal(await db.Offers.CountAsync(o => !o.Paused), await Client.CountDocumentsAsync(app.IndexName, CancellationToken.None));
            Assert.True(report.Documents > 800);
            foreach (var id in ids)
                Assert.Equal(await db.Offers.Where(o => o.Id == id).Select(o => o.Availability.WaitingWeeks).SingleAsync(), (await DocumentAsync(id))!.WaitingWeeks);
        }
        Assert.DoesNotContain(indexer.Next, await Client.ListIndexesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Searches_are_answered_by_Meilisearch_and_health_says_it_is_current()
    {
        await app.WaitForIndexAsync();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/zoeken?postcode=1621AB&afstand=25");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("desc=\"meilisearch\"", response.Headers.GetValues("Server-Timing").Single());

        using var admin = await app.SignedInAsync(DemoData.AdministratorEmail);
        using var health = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync("/health"));
        var search = health.RootElement.GetProperty("checks").GetProperty("search");
        Assert.Equal("Healthy", search.GetProperty("status").GetString());
        Assert.Contains("index is current", search.GetProperty("description").GetString());
    }

    private async Task<int> OfferIdAsync(int slot, System.Linq.Expressions.Expression<Func<Offer, bool>> filter) => (await OfferIdsAsync(slot, filter, 1))[0];

    /// <summary>Offers no other test of this class touches: each test takes from its own stretch (slot) of ids.</summary>
    private async Task<List<int>> OfferIdsAsync(int slot, System.Linq.Expressions.Expression<Func<Offer, bool>> filter, int count)
    {
        await using var db = app.CreateDb();
        return await db.Offers.Where(filter).OrderBy(o => o.Id).Skip(slot * 100).Take(count).Select(o => o.Id).ToListAsync();
    }
}
