using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Security;

/// <summary>
/// Access built from the app's own endpoint list: every page and endpoint the app maps is either on the public list
/// below or private, and each role reaches only its own areas. A new page or endpoint cannot be missed: it is private by
/// the fallback policy, and if it is public or under a new path this test asks for a decision.
/// </summary>
public sealed class EndpointMatrixTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    /// <summary>The route patterns anyone may open.</summary>
    private static readonly HashSet<string> Public =
    [
        "/", "zoeken", "embed", "aanbod/{id:int}", "shortlist", "open-data", "fout/{code:int?}",
        "{name:regex(^(toegankelijkheid|privacy|over-de-demo|stoplicht|contact)$)}",
        "account/inloggen", "account/tweestaps", "account/uitloggen", "account/geen-toegang", "account/uitnodiging/{token}",
        "account/nieuw-wachtwoord", "account/wachtwoord-vergeten", "account/e-mailadres-bevestigen",
        "taal/{culture}", "health", "health/live", "health/ready", "open-data/{regio}/hsds.json", "open-data/{regio}/hsds-csv.zip",
    ];

    /// <summary>Who may open the private areas, by the start of the path.</summary>
    private static readonly (string Prefix, string[] Emails)[] Areas =
    [
        // Administrators read a provider's workspace to help its people, and change nothing (ReadOnlyViewTests, AuthorizationMatrixTests).
        ("aanbieder", [DemoData.ProviderEmail, DemoData.OtherProviderEmail, DemoData.AdministratorEmail]),
        ("regio", [DemoData.ContractManagerEmail, DemoData.AdministratorEmail]),
        ("consulent", [DemoData.ConsultantEmail, DemoData.ContractManagerEmail, DemoData.AdministratorEmail]),
        ("account/uitnodigen", [DemoData.ProviderEmail, DemoData.OtherProviderEmail, DemoData.ContractManagerEmail, DemoData.AdministratorEmail]),
        ("beheer", [DemoData.AdministratorEmail]),
        ("account", [DemoData.ProviderEmail, DemoData.OtherProviderEmail, DemoData.ConsultantEmail, DemoData.ContractManagerEmail, DemoData.AdministratorEmail]),
    ];

    private static readonly string[] Everyone =
        [DemoData.ProviderEmail, DemoData.OtherProviderEmail, DemoData.ConsultantEmail, DemoData.ContractManagerEmail, DemoData.AdministratorEmail];

    private List<RouteEndpoint> Endpoints() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText is not null)
        .GroupBy(e => Pattern(e)).Select(g => g.First()).OrderBy(Pattern).ToList();

    private static string Pattern(RouteEndpoint e) => e.RoutePattern.RawText!.Trim('/') is "" ? "/" : e.RoutePattern.RawText!.Trim('/');

    private static string Target(HttpResponseMessage response) =>
        response.Headers.Location is not { } l ? "" : l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString;

    private static bool IsPublic(RouteEndpoint e) => e.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    private async Task<string> UrlAsync(RouteEndpoint endpoint)
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var offer = await app.FirstOfferAsync(providerId);
        var values = new Dictionary<string, string>
        {
            ["providerId"] = providerId.ToString(), ["offerId"] = offer.Id.ToString(), ["id"] = offer.Id.ToString(), ["locationId"] = "",
            ["token"] = "onbekend", ["culture"] = "en", ["regio"] = "westfriesland", ["name"] = "privacy", ["code"] = "404", ["userId"] = "onbekend",
        };
        var path = string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => values.TryGetValue(p.Name, out var v) ? v : throw new InvalidOperationException($"No test value for {{{p.Name}}} in {endpoint.RoutePattern.RawText}"),
            _ => "",
        }))));
        return "/" + path.TrimEnd('/');
    }

    [Fact]
    public void Exactly_the_listed_pages_and_endpoints_are_public()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");
        Assert.Equal(Public.Order(), endpoints.Where(IsPublic).Select(Pattern).Where(p => !p.StartsWith("api/hsds", StringComparison.Ordinal)).Order());
        Assert.All(endpoints.Where(e => Pattern(e).StartsWith("api/hsds", StringComparison.Ordinal)), e => Assert.True(IsPublic(e), Pattern(e)));
    }

    [Fact]
    public async Task Every_private_endpoint_sends_an_anonymous_visitor_to_sign_in_for_reading_and_for_writing()
    {
        var client = app.Browser();
        foreach (var endpoint in Endpoints().Where(e => !IsPublic(e)))
        {
            var url = await UrlAsync(endpoint);
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var request = new HttpRequestMessage(method, url) { Content = method == HttpMethod.Post ? new FormUrlEncodedContent([]) : null };
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && Target(response).StartsWith("/account/inloggen", StringComparison.Ordinal),
                    $"{method} {url} gave {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Fact]
    public async Task Each_role_reaches_only_its_own_areas()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var email in Everyone) clients[email] = await app.SignedInAsync(email);
        foreach (var endpoint in Endpoints().Where(e => !IsPublic(e)))
        {
            var pattern = Pattern(endpoint);
            var area = Areas.FirstOrDefault(a => pattern == a.Prefix || pattern.StartsWith(a.Prefix + "/", StringComparison.Ordinal));
            Assert.True(area.Prefix is not null, $"{pattern} is in no area: decide who may open it and add it to {nameof(Areas)}");
            var url = await UrlAsync(endpoint);
            foreach (var (email, client) in clients)
            {
                var response = await client.GetAsync(url);
                var denied = response.StatusCode == HttpStatusCode.Redirect && Target(response).StartsWith("/account/geen-toegang", StringComparison.Ordinal)
                             || response.StatusCode == HttpStatusCode.Forbidden;
                Assert.True(area.Emails.Contains(email) != denied, $"{email} on {url}: {(int)response.StatusCode} {response.Headers.Location}");
                Assert.True((int)response.StatusCode < 500, $"{email} on {url}: {(int)response.StatusCode}");
            }
        }
        await using var db = app.CreateDb();
        Assert.True(await db.Users.CountAsync() >= Everyone.Length);
    }
}
