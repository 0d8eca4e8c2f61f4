using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Features.Maps;

namespace Startpunt.Tests.Features.Search;

/// <summary>An installation with map tiles configured (a host that does not exist: the browser tests let the tiles fail).</summary>
public sealed class MapTilesFactory : StartpuntFactory
{
    public const string TileUrl = "https://{s}.tiles.startpunt.test/{z}/{x}/{y}.png";

    public MapTilesFactory()
    {
        Settings["Map:TileUrl"] = TileUrl;
        Settings["Map:Attribution"] = "© Testkaart";
    }
}

/// <summary>The results map reads the same search as the list; the tile host is the only other host the CSP allows.</summary>
public sealed class ResultsMapTests(MapTilesFactory app) : IClassFixture<MapTilesFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    private sealed record Offer(int Id, string Colour);
    private sealed record Pin(double Lat, double Lon, string Name, string Colour, string Label, List<Offer> Offers);

    private static List<Pin> Pins(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        JsonSerializer.Deserialize<List<Pin>>(doc.QuerySelector("#kaartblok")!.GetAttribute("data-pins")!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [Theory]
    [InlineData("/zoeken?postcode=1621AB&afstand=25&product=dagbesteding")]
    [InlineData("/zoeken?postcode=1621AB&afstand=25&sorteer=wachttijd&pagina=2")]
    [InlineData("/zoeken?postcode=Hoorn&afstand=10&binnen=4")]
    [InlineData("/zoeken?postcode=2801&afstand=25&vervoer=ja")]
    public async Task The_map_shows_the_same_offers_as_the_list_with_one_pin_per_location(string url)
    {
        var doc = await _client.GetDocumentAsync(url);
        var listed = doc.OfferIds();
        Assert.NotEmpty(listed);
        var pins = Pins(doc);

        await using var db = app.CreateDb();
        var locations = await db.Offers.AsNoTracking().Where(o => listed.Contains(o.Id) && o.LocationId != null)
            .ToDictionaryAsync(o => o.Id, o => o.LocationId!.Value);
        // Every listed offer with a location is on the map, once, and nothing else is.
        Assert.Equal(locations.Keys.Order(), pins.SelectMany(p => p.Offers).Select(o => o.Id).Order());
        // One pin per location, holding exactly that location's offers.
        Assert.Equal(locations.Values.Distinct().Count(), pins.Count);
        Assert.All(pins, p => Assert.Single(p.Offers.Select(o => locations[o.Id]).Distinct()));
        // Its colour is the best of its offers' stoplights, and its name says so in words.
        string[] order = ["green", "orange", "red", "unknown"];
        Assert.All(pins, p => Assert.Equal(p.Offers.Select(o => o.Colour).MinBy(c => Array.IndexOf(order, c)), p.Colour));
        Assert.All(pins, p => Assert.Contains("Beste stoplicht", p.Label));
        var atHome = listed.Count - locations.Count;
        Assert.Equal(atHome > 0, doc.Text(".results-map__note")!.Contains("Hulp bij u thuis staat niet op de kaart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_htmx_fragment_brings_the_map_of_its_own_results()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=25&pagina=2", r => r.Headers.Add("HX-Request", "true"));
        Assert.Equal(doc.OfferIds().Count > 0, doc.QuerySelector("#kaartblok") is not null);
        Assert.Equal(MapTilesFactory.TileUrl, doc.QuerySelector("#kaartblok")!.GetAttribute("data-tiles"));
    }

    [Fact]
    public async Task The_CSP_allows_the_configured_tile_host_for_images_and_nothing_more()
    {
        foreach (var url in new[] { "/", "/zoeken?postcode=1621AB", "/embed?regio=westfriesland" })
        {
            var response = await _client.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("img-src 'self' data: https://*.tiles.startpunt.test;", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.DoesNotContain("openstreetmap", csp);
        }
    }

    [Fact]
    public async Task A_search_with_nothing_found_or_a_mistake_has_no_map()
    {
        Assert.Null((await _client.GetDocumentAsync("/zoeken?postcode=1621AB&q=xyzzyonbekend")).QuerySelector("#kaartblok"));
        Assert.Null((await _client.GetDocumentAsync("/zoeken?postcode=12")).QuerySelector("#kaartblok"));
    }

    [Fact]
    public async Task The_offer_page_map_uses_the_configured_tiles()
    {
        await using var db = app.CreateDb();
        var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.LocationId != null && !o.Paused);
        var doc = await _client.GetDocumentAsync($"/aanbod/{offer.Id}");
        Assert.Equal(MapTilesFactory.TileUrl, doc.QuerySelector("#kaart")?.GetAttribute("data-tiles"));
        Assert.Equal("© Testkaart", doc.QuerySelector("#kaart")?.GetAttribute("data-attribution"));
    }
}

/// <summary>Without Map:TileUrl no map is offered and no page names another host.</summary>
public sealed class NoMapTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Fact]
    public async Task Without_tiles_configured_no_page_has_a_tile_map_or_another_image_host()
    {
        var client = app.CreateClient();
        await using var db = app.CreateDb();
        var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.LocationId != null && !o.Paused);
        foreach (var url in new[] { "/", "/zoeken?postcode=1621AB&afstand=25", $"/aanbod/{offer.Id}", "/embed?regio=westfriesland&postcode=1621AB" })
        {
            var response = await client.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("img-src 'self' data:;", csp);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("leaflet", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("id=\"kaartblok\"", html);
            Assert.DoesNotContain("id=\"kaart\"", html);
            Assert.DoesNotContain("data-tiles", html);
        }
    }

    [Theory]
    [InlineData("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org")]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("http://localhost:8081/tiles/{z}/{x}/{y}.png", "http://localhost:8081")]
    [InlineData("https://{s}.org/{z}/{x}/{y}.png", null)]
    [InlineData("https://tiles.example.org;script-src */{z}/{x}/{y}.png", null)]
    [InlineData("javascript:alert(1)//{z}", null)]
    [InlineData("https://tiles.example.org", null)]
    public void A_tile_template_gives_the_one_image_source_the_CSP_adds(string template, string? source) =>
        Assert.Equal(source, MapTiles.SourceOf(template));
}
