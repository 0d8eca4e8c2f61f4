using Startpunt.Tests.Infrastructure;

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
        Assert.NotNull(byName.QuerySelector("datalist#plaatsen option[value='Hoorn']"));
        Assert.Equal("plaatsen", byName.QuerySelector("#postcode")!.GetAttribute("list"));
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
        var product = doc.QuerySelector(".result-card__product")!;
        Assert.StartsWith("Dagbesteding in een kleine groep, met meer begeleiding", product.TextContent.Trim());
        Assert.Contains("(Dagbesteding B", product.QuerySelector(".result-card__code")!.TextContent);
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
}
