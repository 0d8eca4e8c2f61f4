using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Tests.Features.Search;

/// <summary>The resident's search through the real pages, on the demo content of the five seed regions.</summary>
public sealed class ResidentSearchTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("1621 AB", "westfriesland")]   // Hoorn
    [InlineData("2801", "midden-holland")]     // Gouda
    [InlineData("8331AA", "steenwijkerland")]  // Steenwijk
    [InlineData("5211 AB", "meierij")]         // 's-Hertogenbosch
    [InlineData("1501", "zaanstreek-waterland")] // Zaandam
    public async Task A_postcode_finds_its_own_regions_offers_nearest_first(string postcode, string region)
    {
        var doc = await _client.GetDocumentAsync($"/zoeken?postcode={Uri.EscapeDataString(postcode)}&afstand=25&product=dagbesteding");
        var ids = doc.OfferIds();
        Assert.NotEmpty(ids);

        await using var db = app.CreateDb();
        var offers = await db.Offers.Include(o => o.Location).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        Assert.All(offers.Values, o => Assert.Equal(region, o.RegionId));
        Postcode.TryParse(postcode, out var pc);
        var place = await db.PostcodeAreas.SingleAsync(p => p.Pc4 == pc.Pc4);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var rules = (await db.Regions.SingleAsync(r => r.Id == region)).Rules;
        // Confirmed offers first, each group nearest first.
        var keys = ids.Select(id => offers[id]).Select(o => (
            Unknown: rules.Derive(o.Availability, now).IsKnown ? 0 : 1,
            Km: Distance.Km(place.Latitude, place.Longitude, o.Location!.Latitude, o.Location.Longitude))).ToList();
        Assert.Equal(keys.OrderBy(k => k.Unknown).ThenBy(k => k.Km), keys);
        Assert.All(keys, k => Assert.True(k.Km <= 25));
    }

    [Fact]
    public async Task A_Hoorn_postcode_puts_the_nearest_confirmed_Westfriesland_dagbesteding_on_top()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50&product=dagbesteding");
        await using var db = app.CreateDb();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var rules = (await db.Regions.SingleAsync(r => r.Id == "westfriesland")).Rules;
        var hoorn = await db.PostcodeAreas.SingleAsync(p => p.Pc4 == 1621);
        // Computed here independently from the search engine: every Westfriesland dagbesteding offer.
        var all = await db.Offers.Include(o => o.Location).Include(o => o.Product)
            .Where(o => o.RegionId == "westfriesland" && o.Product!.Kind == ProductKind.Dagbesteding && !o.Paused).ToListAsync();
        var nearest = all.Where(o => rules.Derive(o.Availability, now).IsKnown)
            .MinBy(o => Distance.Km(hoorn.Latitude, hoorn.Longitude, o.Location!.Latitude, o.Location.Longitude))!;
        Assert.Equal(nearest.Id, doc.OfferIds()[0]);
        Assert.Contains("km", doc.Text(".result-group__place"));
        Assert.Contains("bevestigd op", doc.Text(".result-card .stoplight"));
    }

    [Fact]
    public async Task Four_digit_and_full_postcodes_give_the_same_results()
    {
        var a = await _client.GetDocumentAsync("/zoeken?postcode=1621&afstand=10");
        var b = await _client.GetDocumentAsync("/zoeken?postcode=1621%20AB&afstand=10");
        var c = await _client.GetDocumentAsync("/zoeken?postcode=1621ab&afstand=10");
        Assert.Equal(a.Text("#aantal"), b.Text("#aantal"));
        Assert.Equal(a.OfferIds(), c.OfferIds());
    }

    [Fact]
    public async Task Sorting_by_waiting_time_puts_short_waits_first_and_unknown_last()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50&sorteer=wachttijd&pagina=1");
        var ids = doc.OfferIds();
        await using var db = app.CreateDb();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var rules = (await db.Regions.SingleAsync(r => r.Id == "westfriesland")).Rules;
        var offers = await db.Offers.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        var keys = ids.Select(id => rules.Derive(offers[id].Availability, now))
            .Select(l => (Unknown: l.IsKnown ? 0 : 1, Closed: l.IntakeOpen ? 0 : 1, l.WaitingWeeks)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Unknown).ThenBy(k => k.Closed).ThenBy(k => k.WaitingWeeks), keys);
    }

    [Fact]
    public async Task Can_start_within_two_weeks_shows_only_open_confirmed_offers_with_a_short_wait()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50&binnen=2");
        var ids = doc.OfferIds();
        Assert.NotEmpty(ids);
        await using var db = app.CreateDb();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        foreach (var o in await db.Offers.Where(o => ids.Contains(o.Id)).ToListAsync())
        {
            Assert.True(o.Availability.IntakeOpen);
            Assert.True(o.Availability.WaitingWeeks <= 2);
            Assert.True(o.Availability.ConfirmedAt >= now.AddDays(-14));
        }
    }

    [Fact]
    public async Task Filters_for_wheelchair_transport_language_and_target_group_hold_for_every_result()
    {
        await using var db = app.CreateDb();
        var wheelchair = (await _client.GetDocumentAsync("/zoeken?postcode=5211&afstand=50&vervoer=rolstoel")).OfferIds();
        Assert.NotEmpty(wheelchair);
        Assert.All(await db.Offers.Where(o => wheelchair.Contains(o.Id)).ToListAsync(), o => Assert.Equal(Transport.WithWheelchair, o.Transport));

        var arabic = (await _client.GetDocumentAsync("/zoeken?postcode=1501&afstand=50&taal=ar")).OfferIds();
        Assert.All(arabic, id => Assert.True(db.Set<OfferLanguage>().Any(l => l.OfferId == id && l.LanguageCode == "ar")));

        var ggz = await db.TargetGroups.Where(t => t.SectorCode == "ggz").Select(t => t.Code).ToListAsync();
        var ggzIds = (await _client.GetDocumentAsync("/zoeken?postcode=2801&afstand=50&doelgroep=ggz")).OfferIds();
        Assert.NotEmpty(ggzIds);
        Assert.All(ggzIds, id => Assert.True(db.Set<OfferTargetGroup>().Any(t => t.OfferId == id && ggz.Contains(t.TargetGroupCode))));
    }

    [Fact]
    public async Task Free_text_finds_an_activity_in_the_description()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50&q=zorgboerderij");
        var ids = doc.OfferIds();
        Assert.NotEmpty(ids);
        await using var db = app.CreateDb();
        Assert.All(await db.Offers.Where(o => ids.Contains(o.Id)).ToListAsync(),
            o => Assert.Contains("zorgboerderij", o.SearchText, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Help_at_home_shows_as_coming_to_you()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=5&product=begeleiding");
        Assert.NotEmpty(doc.OfferIds());
        Assert.Contains("Komt bij u thuis", doc.Text(".result-group__place"));
    }

    [Fact]
    public async Task Paging_shows_twenty_per_page_and_the_next_page_continues()
    {
        var first = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50");
        var second = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50&pagina=2");
        Assert.Equal(20, first.OfferIds().Count);
        Assert.Empty(first.OfferIds().Intersect(second.OfferIds()));
        Assert.NotNull(first.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task No_results_says_so_and_offers_a_larger_distance()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=8331&afstand=5&q=onvindbaarwoord");
        Assert.Empty(doc.OfferIds());
        Assert.Contains("geen aanbod", doc.Body!.TextContent);
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("afstand=10"));
    }

    [Fact]
    public async Task An_htmx_request_gets_only_the_results_and_the_whole_page_varies_on_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/zoeken?postcode=1621AB");
        request.Headers.Add("HX-Request", "true");
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body);
        Assert.Contains("result-card", body);
        Assert.Contains("hx-swap-oob", body);
        Assert.Contains("HX-Request", response.Headers.Vary);

        var restore = await _client.GetDocumentAsync("/zoeken?postcode=1621AB", r =>
        {
            r.Headers.Add("HX-Request", "true");
            r.Headers.Add("HX-History-Restore-Request", "true");
        });
        Assert.NotNull(restore.QuerySelector("form[role=search]"));
    }

    [Fact]
    public async Task A_postcode_change_swaps_in_the_regions_own_product_names()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?handler=producten&postcode=5211AB", r => r.Headers.Add("HX-Request", "true"));
        var options = doc.QuerySelectorAll("#product option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Individuele begeleiding", options);
        Assert.Contains(doc.QuerySelectorAll("#product optgroup"), g => g.GetAttribute("label")!.Contains("1B Dagbesteding groep"));
    }
}
