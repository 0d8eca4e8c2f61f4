using System.Net;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Pages;

public sealed class SiteTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task The_health_endpoint_tells_anonymous_callers_only_the_status()
    {
        using var response = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
        using var provider = await app.SignedInAsync(DemoData.ProviderEmail);
        Assert.Equal("""{"status":"Healthy"}""", await provider.GetStringAsync("/health"));
    }

    [Fact]
    public async Task The_health_endpoint_shows_administrators_the_checks()
    {
        using var admin = await app.SignedInAsync(DemoData.AdministratorEmail);
        using var response = await admin.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        // Without Meilisearch configured there is nothing to check for search.
        Assert.False(health.RootElement.GetProperty("checks").TryGetProperty("search", out _));
    }

    [Fact]
    public async Task The_liveness_endpoint_answers_without_checks()
    {
        using var response = await _client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/toegankelijkheid", "Toegankelijkheid")]
    [InlineData("/privacy", "Privacy")]
    [InlineData("/over-de-demo", "demo")]
    [InlineData("/stoplicht", "stoplicht")]
    public async Task Content_pages_render_their_markdown(string url, string word)
    {
        var doc = await _client.GetDocumentAsync(url);
        Assert.Contains(word, doc.Text("h1"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_stoplight_page_names_the_regions_thresholds()
    {
        var doc = await _client.GetDocumentAsync("/stoplicht");
        Assert.DoesNotContain("{green}", doc.Body!.TextContent);
        Assert.Contains("2 weken", doc.Body.TextContent);
    }

    [Fact]
    public async Task The_start_page_says_the_demo_content_is_fictional()
    {
        var doc = await _client.GetDocumentAsync("/");
        Assert.Contains("verzonnen", doc.Text(".demo-banner"));
        Assert.Equal("nl", doc.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(doc.QuerySelector("form[action='/zoeken'] #postcode"));
    }

    [Fact]
    public async Task The_language_switch_remembers_english_and_returns_to_the_page()
    {
        using var response = await _client.GetAsync("/taal/en?terug=%2Fzoeken%3Fpostcode%3D1621AB");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/zoeken?postcode=1621AB", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("en-GB", Uri.UnescapeDataString(cookie));

        var english = await _client.GetDocumentAsync("/?lang=en");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Search", english.Text("button[type=submit]"));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_language_switch_never_redirects_elsewhere(string target)
    {
        using var response = await _client.GetAsync($"/taal/en?terug={Uri.EscapeDataString(target)}");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        using var response = await _client.GetAsync("/");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
