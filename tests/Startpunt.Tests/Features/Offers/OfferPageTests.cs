using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Offers;

public sealed class OfferPageTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task An_offer_page_shows_provider_contact_stoplight_confirmation_and_address()
    {
        await using var db = app.CreateDb();
        var offer = await db.Offers.Include(o => o.Provider).Include(o => o.Location).FirstAsync(o => o.LocationId != null);
        var doc = await _client.GetDocumentAsync($"/aanbod/{offer.Id}");
        Assert.Equal(offer.Provider!.Name, doc.Text("h1"));
        Assert.NotNull(doc.QuerySelector(".stoplight"));
        Assert.Contains("bevestigd op", doc.Text(".stoplight"));
        Assert.Contains(offer.Location!.Postcode, doc.Text("address"));
        Assert.NotNull(doc.QuerySelector($"a[href='tel:{offer.Provider.Phone!.Replace(" ", "")}']"));
        // No Map:TileUrl here: the address is the whole answer (ResultsMapTests has the map with tiles).
        Assert.Null(doc.QuerySelector("#kaart"));
        Assert.Contains("verzonnen", doc.Body!.TextContent);
    }

    [Fact]
    public async Task An_offer_page_lists_the_providers_other_offers()
    {
        await using var db = app.CreateDb();
        var providerId = await db.Offers.GroupBy(o => o.ProviderId).Where(g => g.Count() > 2).Select(g => g.Key).FirstAsync();
        var ids = await db.Offers.Where(o => o.ProviderId == providerId).Select(o => o.Id).ToListAsync();
        var doc = await _client.GetDocumentAsync($"/aanbod/{ids[0]}");
        var links = doc.QuerySelectorAll(".other-offers a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(ids.Skip(1).Select(id => $"/aanbod/{id}").Order(), links.Order());
    }

    [Fact]
    public async Task Help_at_home_names_the_municipalities_it_covers()
    {
        await using var db = app.CreateDb();
        var offer = await db.Offers.Include(o => o.ServiceArea).FirstAsync(o => o.LocationId == null);
        var doc = await _client.GetDocumentAsync($"/aanbod/{offer.Id}");
        var names = await db.Municipalities.Where(m => offer.ServiceArea.Select(s => s.MunicipalityCode).Contains(m.Code)).Select(m => m.Name).ToListAsync();
        Assert.All(names, n => Assert.Contains(n, doc.Body!.TextContent));
        Assert.Null(doc.QuerySelector("#kaart"));
    }

    [Fact]
    public async Task An_unconfirmed_offer_shows_unknown_with_the_date_it_was_last_confirmed()
    {
        await using var db = app.CreateDb();
        var staleBefore = app.Clock.GetUtcNow().UtcDateTime.AddDays(-14);
        var offer = await db.Offers.FirstAsync(o => o.Availability.ConfirmedAt < staleBefore);
        var doc = await _client.GetDocumentAsync($"/aanbod/{offer.Id}");
        Assert.Contains("stoplight--unknown", doc.QuerySelector(".stoplight")!.ClassName);
        Assert.Contains("Onbekend", doc.Text(".stoplight"));
        Assert.NotNull(doc.QuerySelector(".stoplight time[datetime]"));
    }

    [Theory]
    [InlineData("/aanbod/999999")]
    [InlineData("/aanbod/abc")]
    [InlineData("/bestaat-niet")]
    public async Task A_missing_page_gets_a_dutch_not_found_page(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_paused_offer_is_not_public()
    {
        await using var db = app.CreateDb();
        var offer = await db.Offers.OrderByDescending(o => o.Id).FirstAsync();
        offer.Paused = true;
        offer.PausedReason = "Tijdelijk geen personeel";
        await db.SaveChangesAsync();
        using var response = await _client.GetAsync($"/aanbod/{offer.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
