using System.Net;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Search;

/// <summary>Every bad input gets a Dutch message next to its field, never a stack trace, and no search runs.</summary>
public sealed class BadSearchInputTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("postcode=", "postcode", "Vul uw postcode in")]
    [InlineData("postcode=12AB", "postcode", "4 cijfers en daarna 2 letters")]
    [InlineData("postcode=1a21AB", "postcode", "4 cijfers en daarna 2 letters")]
    [InlineData("postcode=B-1000", "postcode", "4 cijfers en daarna 2 letters")]
    [InlineData("postcode=75001", "postcode", "4 cijfers en daarna 2 letters")]
    [InlineData("postcode=1011AB", "postcode", "ligt in Amsterdam")]
    [InlineData("postcode=1000", "postcode", "kennen postcode 1000 niet")]
    [InlineData("postcode=1621AB&afstand=7", "afstand", "Kies een afstand")]
    [InlineData("postcode=1621AB&afstand=-5", "afstand", "Kies een afstand")]
    [InlineData("postcode=1621AB&binnen=abc", "binnen", "0 tot en met 104")]
    [InlineData("postcode=1621AB&binnen=500", "binnen", "0 tot en met 104")]
    [InlineData("postcode=1621AB&binnen=-1", "binnen", "0 tot en met 104")]
    [InlineData("postcode=1621AB&product=bestaat-niet", "product", "niet in regio Westfriesland")]
    [InlineData("postcode=1621AB&product=ontwikkelingsgerichte-dagbesteding", "product", "niet in regio Westfriesland")]
    [InlineData("postcode=1621AB&doelgroep=marsmannetjes", "doelgroep", "Kies een doelgroep")]
    [InlineData("postcode=1621AB&taal=klingon", "taal", "Kies een taal")]
    [InlineData("postcode=1621AB&vervoer=helikopter", "vervoer", "Kies een keuze")]
    [InlineData("postcode=1621AB&sorteer=prijs", "sorteer", "Kies een volgorde")]
    public async Task Bad_input_gets_a_dutch_message_and_no_results(string query, string field, string message)
    {
        using var response = await _client.GetAsync($"/zoeken?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(doc.OfferIds());
        var alert = doc.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains(message, alert);
        if (doc.QuerySelector($"#{field}") is not null && field != "sorteer")
        {
            Assert.Contains(message, doc.Text($"#{field}-error"));
            Assert.Contains($"{field}-error", doc.QuerySelector($"#{field}")!.GetAttribute("aria-describedby"));
        }
    }

    [Fact]
    public async Task A_too_long_text_is_refused_next_to_the_field()
    {
        var doc = await _client.GetDocumentAsync($"/zoeken?postcode=1621AB&q={new string('a', 101)}");
        Assert.Contains("hooguit 100 tekens", doc.Text("#q-error"));
        Assert.Equal("true", doc.QuerySelector("#q")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Script_in_the_search_text_comes_back_inert()
    {
        using var response = await _client.GetAsync("/zoeken?postcode=1621AB&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", body);
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("NEAR(a b)")]
    [InlineData("a OR b AND -c*")]
    [InlineData("***")]
    public async Task Text_that_looks_like_search_syntax_is_just_text(string q)
    {
        using var response = await _client.GetAsync($"/zoeken?postcode=1621AB&q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_field_given_twice_counts_once_and_blank_fields_filter_nothing()
    {
        var plain = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=25");
        var twice = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&postcode=9999ZZ&afstand=25&afstand=5");
        var blank = await _client.GetDocumentAsync("/zoeken?postcode=1621AB&afstand=25&product=&doelgroep=%20&q=%20%20&binnen=&taal=&onbekend=1");
        Assert.NotEmpty(plain.OfferIds());
        Assert.Equal(plain.OfferIds(), twice.OfferIds());
        Assert.Equal(plain.OfferIds(), blank.OfferIds());
        Assert.Equal("1621AB", twice.QuerySelector("#postcode")!.GetAttribute("value"));
        Assert.Null(blank.QuerySelector("[role=alert]"));
        // Links keep the search as it was meant, without the blanks or the unknown key.
        var next = blank.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.Equal("/zoeken?postcode=1621AB&afstand=25&pagina=2", next);
    }

    [Fact]
    public async Task A_page_number_past_the_end_shows_the_last_page()
    {
        var doc = await _client.GetDocumentAsync("/zoeken?postcode=8331&afstand=50&pagina=9999");
        Assert.NotEmpty(doc.OfferIds());
        Assert.Equal("page", doc.QuerySelector(".utrecht-pagination__page-link--current")?.GetAttribute("aria-current"));
    }
}
