using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using static Startpunt.Tests.Infrastructure.HsdsSchemas;

namespace Startpunt.Tests.Features.OpenData;

/// <summary>
/// Real responses of every endpoint, on the demo data, validated against the official HSDS 3.1 schemas on every run:
/// the response schemas of HSDS's openapi.json where it has the endpoint, the schema files where it has not.
/// </summary>
[Collection(OpenDataCollection.Name)]
public sealed class HsdsSchemaTests(StartpuntFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Every_endpoint_answers_with_documents_that_pass_the_official_HSDS_schemas()
    {
        // A paused and a removed offer too: they appear (as "temporarily closed" and "defunct") to consumers in sync.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var since = app.Clock.GetUtcNow();
        await using (var db = app.CreateDb())
        {
            var offers = await db.Offers.Where(o => o.LocationId != null).OrderBy(o => o.Id).Take(2).ToListAsync();
            offers[0].Paused = true;
            offers[0].PausedReason = "Verbouwing";
            offers[1].RemovedAt = app.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }

        var items = new List<Item>();
        async Task<JsonNode> Add(string url, object schema)
        {
            var json = await _client.GetJsonAsync(url);
            items.Add(new Item($"GET {url}", schema, json));
            return json;
        }
        string FirstId(JsonNode page) => (string)page["contents"]![0]!["id"]!;

        await Add("/api/hsds", OpenApi("/"));
        var services = await Add("/api/hsds/services?per_page=100", OpenApi("/services"));
        await Add("/api/hsds/services?per_page=100&page=3&full=true", OpenApi("/services"));
        var changed = await Add($"/api/hsds/services?modified_after={HsdsApi.Iso(since)}&full=true", OpenApi("/services"));
        Assert.Contains(changed["contents"]!.AsArray(), s => (string)s!["status"]! == "temporarily closed");
        Assert.Contains(changed["contents"]!.AsArray(), s => (string)s!["status"]! == "defunct");
        await Add("/api/hsds/services?page=999", OpenApi("/services"));

        // Every service in full, one by one: help at home and at a location, with and without level, capacity, history.
        foreach (var id in services.Ids().Take(40)) await Add($"/api/hsds/services/{id}", OpenApi("/services/{id}"));
        foreach (var s in changed["contents"]!.AsArray()) await Add($"/api/hsds/services/{s!["id"]}", OpenApi("/services/{id}"));

        var organizations = await Add("/api/hsds/organizations?per_page=100", OpenApi("/organizations"));
        await Add("/api/hsds/organizations?full=true&full_service=true&per_page=5", OpenApi("/organizations"));
        foreach (var id in organizations.Ids().Take(5)) await Add($"/api/hsds/organizations/{id}", OpenApi("/organizations/{id}"));
        await Add($"/api/hsds/organizations/{FirstId(organizations)}?full_service=true", OpenApi("/organizations/{id}"));

        var places = await Add("/api/hsds/service_at_locations?per_page=100", OpenApi("/service_at_locations"));
        await Add("/api/hsds/service_at_locations?postcode=1621AB&proximity=10000&full=true", OpenApi("/service_at_locations"));
        // HSDS's openapi.json gives compiled/service.json for this path, a slip in the upstream file: it is a service_at_location.
        foreach (var id in places.Ids().Take(5)) await Add($"/api/hsds/service_at_locations/{id}", File("compiled/service_at_location.json"));

        // HSDS's openapi.json has no /locations: the envelope is its Page, the contents its location schema.
        var locations = await Add("/api/hsds/locations?per_page=100&full=true", PageOf("location.json"));
        foreach (var id in locations.Ids().Take(5)) await Add($"/api/hsds/locations/{id}", File("location.json"));

        var taxonomies = await Add("/api/hsds/taxonomies", OpenApi("/taxonomies"));
        foreach (var id in taxonomies.Ids()) await Add($"/api/hsds/taxonomies/{id}", OpenApi("/taxonomies/{id}"));
        var terms = await Add("/api/hsds/taxonomy_terms?per_page=200", OpenApi("/taxonomy_terms"));
        await Add("/api/hsds/taxonomy_terms?top_only=true", OpenApi("/taxonomy_terms"));
        foreach (var id in terms.Ids().Take(10)) await Add($"/api/hsds/taxonomy_terms/{id}", OpenApi("/taxonomy_terms/{id}"));

        await AssertValidAsync(items);
    }

    [Fact]
    public async Task The_whole_region_export_holds_only_objects_that_pass_the_official_HSDS_schemas()
    {
        var export = await _client.GetJsonAsync("/open-data/midden-holland/hsds.json");
        var items = new List<Item>();
        void AddAll(string key, object schema) =>
            items.AddRange(export[key]!.AsArray().Select((n, i) => new Item($"hsds.json {key}[{i}]", schema, n)));
        AddAll("organizations", File("compiled/organization.json"));
        AddAll("services", File("compiled/service.json"));
        AddAll("locations", File("location.json"));
        AddAll("taxonomies", File("taxonomy.json"));
        AddAll("taxonomy_terms", File("taxonomy_term.json"));

        await using var db = app.CreateDb();
        Assert.Equal(await db.Offers.CountAsync(o => o.RegionId == "midden-holland" && !o.Paused), export["services"]!.AsArray().Count);
        await AssertValidAsync(items);
    }

    /// <summary>The validation is real: documents that break the schemas in different ways are each caught.</summary>
    [Fact]
    public async Task The_validator_rejects_documents_that_break_the_schemas()
    {
        var service = await _client.GetJsonAsync($"/api/hsds/services/{(await _client.GetJsonAsync("/api/hsds/services?per_page=1")).Ids()[0]}");
        JsonNode Broken(Action<JsonObject> change)
        {
            var copy = service.DeepClone().AsObject();
            change(copy);
            return copy;
        }
        var results = await ValidateAsync(
        [
            new Item("intact", OpenApi("/services/{id}"), service),
            new Item("no status", OpenApi("/services/{id}"), Broken(s => s.Remove("status"))),
            new Item("status not in the list", OpenApi("/services/{id}"), Broken(s => s["status"] = "open")),
            new Item("id not a uuid", OpenApi("/services/{id}"), Broken(s => s["id"] = "offer-1")),
            new Item("last_modified not a date-time", OpenApi("/services/{id}"), Broken(s => s["last_modified"] = "gisteren")),
            new Item("organization without name", OpenApi("/services/{id}"), Broken(s => s["organization"]!.AsObject().Remove("name"))),
            new Item("page size a string", OpenApi("/services"), JsonNode.Parse("""{"total_items":"1","contents":[]}""")),
            new Item("address without city", PageOf("location.json"),
                JsonNode.Parse("""{"contents":[{"id":"3f7b145d-84af-42d7-8fae-eaca714b02b2","location_type":"physical","addresses":[{"id":"3f7b145d-84af-42d7-8fae-eaca714b02b2","address_1":"Dorpsstraat 1","state_province":"Noord-Holland","postal_code":"1621 AB","country":"NL","address_type":"physical"}]}]}""")),
        ]);
        Assert.True(results[0].Valid, string.Join("; ", results[0].Errors));
        Assert.All(results.Skip(1), r => Assert.False(r.Valid, $"'{r.Name}' passed the schemas"));
        Assert.Contains(results.Single(r => r.Name == "no status").Errors, e => e.Contains("status", StringComparison.Ordinal));
        Assert.Contains(results.Single(r => r.Name == "id not a uuid").Errors, e => e.Contains("uuid", StringComparison.Ordinal));
        Assert.Contains(results.Single(r => r.Name == "address without city").Errors, e => e.Contains("city", StringComparison.Ordinal));
    }
}
