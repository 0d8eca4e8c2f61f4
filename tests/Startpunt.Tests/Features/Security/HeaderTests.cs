using System.Net;
using Startpunt.Tests.Features.Installation;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Security;

/// <summary>Security headers on every page, and the proxy in front trusted only from the configured networks.</summary>
public sealed class HeaderTests
{
    private static async Task<HttpResponseMessage> ThroughProxyAsync(string knownNetworks)
    {
        var app = new ConfiguredFactory("Testing", new()
        {
            ["ForwardedHeaders:KnownNetworks"] = knownNetworks, ["Installation:PublicBaseUrl"] = "https://startpunt.example",
        });
        var address = app.StartKestrel();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{address}/account/inloggen");
        request.Headers.Host = "startpunt.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        app.Dispose();
        return response;
    }

    [Fact]
    public async Task A_request_forwarded_by_a_trusted_proxy_counts_as_https_and_gets_HSTS_for_a_year_and_secure_cookies()
    {
        var response = await ThroughProxyAsync("127.0.0.0/8");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_outside_the_trusted_networks_are_ignored()
    {
        var response = await ThroughProxyAsync("10.0.0.0/8");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        // The public address is https, so the cookies are Secure all the same.
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_page_says_what_the_browser_may_not_do()
    {
        using var app = new BareFactory();
        var response = await app.CreateClient().GetAsync("/");
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        var permissions = response.Headers.GetValues("Permissions-Policy").Single();
        Assert.Contains("camera=()", permissions);
        Assert.Contains("geolocation=()", permissions);
    }
}
