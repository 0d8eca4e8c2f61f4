using System.Net;
using Startpunt.Tests.Features.OpenData;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data.Content;

namespace Startpunt.Tests.Features.Search;

/// <summary>/embed: the resident search for a municipality's iframe, framable only by the region's own websites.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class EmbedTests(StartpuntFactory app)
{
    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task The_embed_may_be_framed_by_the_websites_its_region_lists_and_no_others()
    {
        using var response = await _client.GetAsync("/embed?regio=westfriesland");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self' https://www.westfriesland.example;", csp);
        Assert.DoesNotContain("meierij", csp);
        Assert.False(response.Headers.Contains("X-Frame-Options"));

        using var other = await _client.GetAsync("/embed?regio=meierij");
        Assert.Contains("frame-ancestors 'self' https://www.meierij.example;", other.Headers.GetValues("Content-Security-Policy").Single());

        // Every other page stays unframeable.
        using var results = await _client.GetAsync("/zoeken?postcode=1621AB");
        Assert.Contains("frame-ancestors 'none'", results.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", results.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("/embed")]
    [InlineData("/embed?regio=atlantis")]
    [InlineData("/embed?regio=..%2Fwestfriesland")]
    public async Task Without_a_known_region_there_is_no_embed(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_embed_searches_in_place_keeps_its_region_and_opens_offers_on_startpunt_in_a_new_window()
    {
        var start = await _client.GetDocumentAsync("/embed?regio=westfriesland");
        Assert.Null(start.QuerySelector("header.site-header"));
        Assert.Null(start.QuerySelector(".utrecht-alert--error"));
        var form = start.QuerySelector("form[role=search]")!;
        Assert.Equal("/embed", form.GetAttribute("action"));
        Assert.Equal("westfriesland", start.QuerySelector("input[name=regio]")!.GetAttribute("value"));

        var results = await _client.GetDocumentAsync("/embed?regio=westfriesland&postcode=1621AB&product=dagbesteding&afstand=25");
        var offers = results.QuerySelectorAll(".result-card__title a").ToList();
        Assert.NotEmpty(offers);
        Assert.All(offers, a => Assert.Equal(("_blank", "noopener"), (a.GetAttribute("target"), a.GetAttribute("rel"))));
        var sort = results.QuerySelector("nav.sort-links a")!.GetAttribute("href")!;
        Assert.StartsWith("/embed?", sort);
        Assert.Contains("regio=westfriesland", sort);

        // htmx asks for the fragment: the search block alone, under the same frame-ancestors.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/embed?regio=westfriesland&postcode=1621AB");
        request.Headers.Add("HX-Request", "true");
        using var fragment = await _client.SendAsync(request);
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        Assert.Contains("id=\"zoeken\"", html);
        Assert.Contains("https://www.westfriesland.example", fragment.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("https://www.hoorn.nl", true)]
    [InlineData("https://www.hoorn.nl/", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("https://www.hoorn.nl/zorg", false)]
    [InlineData("https://*.hoorn.nl", false)]
    [InlineData("www.hoorn.nl", false)]
    [InlineData("https://www.hoorn.nl; script-src *", false)]
    [InlineData("javascript:alert(1)", false)]
    public void Only_plain_origins_may_be_listed_as_embedding_websites(string origin, bool valid) =>
        Assert.Equal(valid, EmbedOrigins.IsValid(origin));
}
