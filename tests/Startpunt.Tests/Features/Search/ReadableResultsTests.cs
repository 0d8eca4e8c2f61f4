using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Search;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Tests.Features.Search;

/// <summary>Results a person can read: a place name for a postcode, filters restated, resident words, and help when nothing is found.</summary>
public sealed class ReadableResultsTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_place_name_searches_from_that_place_like_its_postcode()
    {
        var byName = await _client.GetDocumentAsync("/zoeken?postcode=Hoorn&afstand=25&product=dagbesteding");
        var byPostcode = await _client.GetDocumentAsync("/zoeken?postcode=1621&afstand=25&product=dagbesteding");
        Assert.NotEmpty(byName.OfferIds());
        Assert.Equal(byPostcode.OfferIds(), byName.OfferIds());
        Assert.Contains("Binnen 25 km van Hoorn, regio Westfriesland.", byName.Text(".results-context"));
        Assert.Equal("plaatsen", byName.QuerySelector("#postcode")!.GetAttribute("list"));
        // The list fills as the person types: places of the regions only (Hoofddorp, in no region, is not offered).
        var suggested = Html.Parse("<datalist>" + await _client.GetStringAsync("/zoeken?handler=plaatsen&postcode=hoo") + "</datalist>");
        Assert.NotNull(suggested.QuerySelector("option[value='Hoorn']"));
        Assert.Null(suggested.QuerySelector("option[value='Hoofddorp']"));
        Assert.InRange(suggested.QuerySelectorAll("option").Length, 1, 8);
    }

    [Theory]
    [InlineData("Hoor", "Bedoelt u Hoorn")]
    [InlineData("Atlantis", "We kennen de plaats Atlantis niet")]
    [InlineData("12AB", "4 cijfers en daarna 2 letters")]
    public async Task An_unknown_place_gets_suggestions_next_to_the_field(string typed, string message)
    {
        var doc = await _client.GetDocumentAsync($"/zoeken?postcode={Uri.EscapeDataString(typed)}");
        Assert.Contains(message, doc.Text("#postcode-error"));
        Assert.Empty(doc.OfferIds());
    }

    [Fact]
    public async Task The_start_page_asks_how_soon_and_about_transport()
    {
        var doc = await _client.GetDocumentAsync("/");
        Assert.NotNull(doc.QuerySelector("form.search-form input#binnen"));
        Assert.NotNull(doc.QuerySelector("form.search-form select#vervoer"));
    }

    [Fact]
    public async Task Active_filters_are_restated_above_the_results_each_with_a_link_that_removes_it()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=25&product=dagbesteding&binnen=4&vervoer=ja");
        var links = doc.QuerySelectorAll(".active-filters__remove").ToList();
        Assert.Equal(3, links.Count);
        var within = links.Single(a => a.TextContent.Contains("Kan starten binnen 4 weken"));
        Assert.DoesNotContain("binnen=", within.GetAttribute("href"));
        Assert.Contains("vervoer=ja", within.GetAttribute("href"));
        Assert.Equal("Filters (3)", doc.Text(".filters-jump a"));
    }

    [Fact]
    public async Task Cards_and_the_offer_page_use_residents_words_and_keep_the_regions_name()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=25&product=dagbesteding-b");
        var card = doc.QuerySelector(".result-card")!;
        Assert.StartsWith("Dagbesteding in een kleine groep, met meer begeleiding", card.QuerySelector(".result-card__title a")!.TextContent.Trim());
        Assert.Contains("Naam bij de gemeente: Dagbesteding B", card.QuerySelector(".result-card__code")!.TextContent);
        var offer = await _client.GetDocumentAsync($"/aanbod/{doc.OfferIds()[0]}");
        Assert.StartsWith("Dagbesteding in een kleine groep", offer.Text(".utrecht-paragraph--lead"));
        Assert.Contains("Naam bij de gemeente: Dagbesteding B", offer.Text(".offer__code"));
    }

    [Fact]
    public async Task When_nothing_is_found_the_page_says_how_to_reach_the_municipality()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=5&q=bestaatnietwoord");
        Assert.Empty(doc.OfferIds());
        Assert.Contains("Wmo-loket gemeente Hoorn", doc.Text("[data-testid=wmo-loket]"));
        Assert.DoesNotContain("wijkteam", doc.Body!.TextContent);
    }

    [Fact]
    public async Task A_locations_offers_share_one_card_headed_by_the_provider_and_the_place()
    {
        // Sorted by distance, a location's offers follow each other: one card each, no two cards for one place in a row.
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=25&pagina=1");
        var groups = doc.QuerySelectorAll(".result-group").ToList();
        Assert.NotEmpty(groups);
        Assert.Contains(groups, g => g.QuerySelectorAll(".result-card").Length > 1);
        var places = groups.Select(g => $"{g.QuerySelector(".result-group__title")!.TextContent.Trim()} | {g.QuerySelector(".result-group__place")!.TextContent.Trim()}").ToList();
        for (var i = 1; i < places.Count; i++) Assert.NotEqual(places[i - 1], places[i]);
        // Every offer is still its own link, in the engine's order, and each card's offers are told apart by what they are.
        Assert.Equal(doc.QuerySelectorAll(".result-card").Length, doc.OfferIds().Count);
        foreach (var group in groups.Where(g => g.QuerySelectorAll(".result-card").Length > 1))
        {
            var names = group.QuerySelectorAll(".result-card__title a").Select(a => a.TextContent.Trim()).ToList();
            Assert.All(names, n => Assert.Contains("bij ", n));
        }
    }

    [Fact]
    public void Only_neighbouring_offers_at_one_place_share_a_card_so_the_order_stays_as_sorted()
    {
        OfferHit Hit(int id, int provider, int? location) => new(id, provider, $"Aanbieder {provider}", 1, "Dagbesteding", null, ProductKind.Dagbesteding,
            location is null ? null : 1.0, "Hoorn", null, new Stoplight(StoplightColour.Unknown, true, 0, null), Transport.None, [], location, location is null ? null : $"Locatie {location}", null);
        var hits = new[] { Hit(1, 7, 70), Hit(2, 7, 70), Hit(3, 8, null), Hit(4, 8, null), Hit(5, 7, 70), Hit(6, 7, 71), Hit(7, 9, null) };

        var groups = ResultGroup.Of(hits);

        Assert.Equal([[1, 2], [3, 4], [5], [6], [7]], groups.Select(g => g.Offers.Select(o => o.OfferId).ToArray()).ToArray());
        Assert.Equal(hits.Select(h => h.OfferId), groups.SelectMany(g => g.Offers).Select(o => o.OfferId));
    }

    [Fact]
    public async Task Vervoer_is_searchable_and_finds_the_day_activities_that_include_transport()
    {
        var form = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=25");
        Assert.NotNull(form.QuerySelector("#product option[value='vervoer']"));

        var transport = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50&product=vervoer");
        var dayActivitiesWithTransport = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50&product=dagbesteding&vervoer=ja");
        Assert.NotEmpty(transport.OfferIds());
        Assert.Equal(dayActivitiesWithTransport.OfferIds(), transport.OfferIds());
        Assert.Equal(dayActivitiesWithTransport.Text("#aantal"), transport.Text("#aantal"));
        Assert.Contains("Vervoer naar de dagbesteding", transport.Text(".active-filters"));
        Assert.All(transport.QuerySelectorAll(".result-card__facts"), facts => Assert.Matches(@"Vervoer\s*Ja", facts.TextContent));
    }
}
