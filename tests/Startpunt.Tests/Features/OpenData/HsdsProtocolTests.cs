using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.OpenData;

/// <summary>Conditional requests, CORS and the OpenAPI document.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class HsdsProtocolTests(StartpuntFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_conditional_request_gets_304_until_the_service_changes()
    {
        Guid id;
        await using (var db = app.CreateDb()) id = await db.Offers.Where(o => !o.Paused && o.LocationId != null).OrderByDescending(o => o.Id).Select(o => o.PublicId).FirstAsync();
        var url = $"/api/hsds/services/{id}";
        using var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        using var again = await Send(url, etag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
        using var weak = await Send(url, $"W/{etag.Tag}, \"other\"");
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.SingleAsync(o => o.PublicId == id);
            offer.Availability.FreePlaces = (offer.Availability.FreePlaces ?? 0) + 1;
            await db.SaveChangesAsync();
        }
        using var changed = await Send(url, etag.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);

        // Lists too.
        using var list = await _client.GetAsync("/api/hsds/taxonomies");
        using var listAgain = await Send("/api/hsds/taxonomies", list.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, listAgain.StatusCode);
    }

    [Fact]
    public async Task Any_website_may_read_the_api_with_get_and_send_back_its_etag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/hsds/taxonomies");
        request.Headers.Add("Origin", "https://www.gemeente.example");
        using var response = await _client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/hsds/services");
        preflight.Headers.Add("Origin", "https://www.gemeente.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var answer = await _client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("If-None-Match", answer.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);

        using var write = new HttpRequestMessage(HttpMethod.Options, "/api/hsds/services");
        write.Headers.Add("Origin", "https://www.gemeente.example");
        write.Headers.Add("Access-Control-Request-Method", "DELETE");
        using var refused = await _client.SendAsync(write);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Methods") && refused.Headers.GetValues("Access-Control-Allow-Methods").Single().Contains("DELETE"));
    }

    [Fact]
    public async Task The_openapi_document_is_at_a_stable_url_and_describes_every_endpoint()
    {
        var doc = await _client.GetJsonAsync("/api/hsds/openapi.json");
        Assert.Equal("3.1.0", (string)doc["openapi"]!);
        Assert.Equal("http://localhost/api/hsds", (string)doc["servers"]![0]!["url"]!);
        var documented = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.StartsWith("/api/hsds", StringComparison.Ordinal) && !r.Contains("**", StringComparison.Ordinal))
            .Select(r => r["/api/hsds".Length..].TrimEnd('/') is { Length: > 0 } rest ? rest : "/")
            .ToHashSet();
        Assert.NotEmpty(routes);
        Assert.Equal(routes.Order(), documented.Order());

        // Every page response refers to HSDS's own schemas, pinned to the release the API follows.
        var refs = doc.ToJsonString();
        Assert.Contains("openreferral/specification/abc731c8ac11825010e9d74a0ab61dcd48e880ec/schema/compiled/service.json", refs);
    }

    [Fact]
    public async Task The_index_lists_the_regions_with_their_term_and_downloads()
    {
        var index = await _client.GetJsonAsync("/api/hsds");
        Assert.Equal("3.1", (string)index["version"]!);
        Assert.Equal("http://localhost/api/hsds/openapi.json", (string)index["openapi_url"]!);
        var regions = index["regions"]!.AsArray();
        Assert.Equal(5, regions.Count);
        var westfriesland = regions.Single(r => (string)r!["id"]! == "westfriesland")!;
        Assert.Equal("http://localhost/open-data/westfriesland/hsds-csv.zip", (string)westfriesland["export_csv"]!);
        var term = await _client.GetJsonAsync($"/api/hsds/taxonomy_terms/{westfriesland["taxonomy_term_id"]}");
        Assert.Equal("Regio Westfriesland", (string)term["name"]!);
    }

    private Task<HttpResponseMessage> Send(string url, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return _client.SendAsync(request);
    }
}

public sealed class StrictApiFactory : StartpuntFactory
{
    protected override bool SeedDemo => false;
    protected override int ApiRequestsPerMinute => 3;
}

public sealed class HsdsRateLimitTests(StrictApiFactory app) : IClassFixture<StrictApiFactory>
{
    [Fact]
    public async Task Too_many_requests_from_one_client_get_a_clear_429_with_retry_after()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.GetAsync("/api/hsds/taxonomies")).StatusCode);
        using var blocked = await client.GetAsync("/api/hsds/services");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        Assert.InRange(blocked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        var problem = JsonNode.Parse(await blocked.Content.ReadAsStringAsync())!;
        Assert.Equal(429, (int)problem["status"]!);
        Assert.Contains("3 requests per minute", (string)problem["detail"]!);

        // The exports count along; the portal's pages do not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/open-data/westfriesland/hsds.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open-data")).StatusCode);
    }
}
