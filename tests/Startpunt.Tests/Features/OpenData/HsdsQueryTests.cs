using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Features.OpenData;
using Startpunt.Web.Geo;

namespace Startpunt.Tests.Features.OpenData;

/// <summary>Paging, filters, postcode and proximity, and keeping a copy of a region in sync with modified_after.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class HsdsQueryTests(StartpuntFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_page_envelope_counts_pages_and_per_page_is_capped_at_200()
    {
        await using var db = app.CreateDb();
        var active = await db.Offers.CountAsync(o => !o.Paused);

        var page = await _client.GetJsonAsync("/api/hsds/services?per_page=7&page=2");
        Assert.Equal(active, (int)page["total_items"]!);
        Assert.Equal((active + 6) / 7, (int)page["total_pages"]!);
        Assert.Equal((2, 7, false, false, false), ((int)page["page_number"]!, (int)page["size"]!, (bool)page["first_page"]!, (bool)page["last_page"]!, (bool)page["empty"]!));

        var capped = await _client.GetJsonAsync("/api/hsds/services?per_page=5000");
        Assert.Equal(HsdsParameters.MaxPerPage, capped["contents"]!.AsArray().Count);
        Assert.Equal((active + 199) / 200, (int)capped["total_pages"]!);

        var beyond = await _client.GetJsonAsync("/api/hsds/services?page=500");
        Assert.Equal((true, true, 0), ((bool)beyond["empty"]!, (bool)beyond["last_page"]!, beyond["contents"]!.AsArray().Count));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_doubles_and_link_to_the_next()
    {
        using var response = await _client.GetAsync("/api/hsds/organizations?per_page=40");
        Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single());
        Assert.Contains("page=2", response.Headers.GetValues("Link").Single());

        var all = await _client.GetAllPagesAsync("/api/hsds/organizations?per_page=40");
        await using var db = app.CreateDb();
        Assert.Equal((await db.Providers.Select(p => p.PublicId).ToListAsync()).Select(g => g.ToString()).Order(), all.Select(o => (string)o["id"]!).Order());
    }

    [Fact]
    public async Task A_region_term_a_product_term_a_sector_and_an_organization_each_select_their_services()
    {
        await using var db = app.CreateDb();
        var regionTerm = HsdsCatalogue.RegionTermId("steenwijkerland");
        var region = await _client.GetAllPagesAsync($"/api/hsds/services?taxonomy_term_id={regionTerm}&per_page=200");
        var expected = await db.Offers.Where(o => o.RegionId == "steenwijkerland" && !o.Paused).Select(o => o.PublicId).ToListAsync();
        Assert.Equal(expected.Select(g => g.ToString()).Order(), region.Select(s => (string)s["id"]!).Order());

        var product = await db.Products.Where(p => p.RegionId == "westfriesland" && p.Code == "dagbesteding-a").SingleAsync();
        var productTerm = HsdsCatalogue.TermId(HsdsCatalogue.Catalogue, "westfriesland/product/dagbesteding-a");
        var byProduct = await _client.GetAllPagesAsync($"/api/hsds/services?taxonomy_term_id={productTerm}&per_page=200&full=true");
        Assert.Equal(await db.Offers.CountAsync(o => o.ProductId == product.Id && !o.Paused), byProduct.Count);
        Assert.All(byProduct, s => Assert.Contains(s["attributes"]!.AsArray(), a => (string)a!["taxonomy_term_id"]! == productTerm.ToString()));

        var ggz = HsdsCatalogue.TermId(HsdsCatalogue.TargetGroups, "ggz");
        var bySector = await _client.GetAllPagesAsync($"/api/hsds/services?taxonomy_term_id={ggz}&per_page=200");
        string[] ggzGroups = ["ggz", "autisme", "verslaving", "ggz-overig", "ex-gedetineerden"];
        Assert.Equal(await db.Offers.CountAsync(o => !o.Paused && o.TargetGroups.Any(t => ggzGroups.Contains(t.TargetGroupCode))), bySector.Count);

        var provider = await db.Providers.OrderBy(p => p.Id).FirstAsync();
        var byOrganization = await _client.GetAllPagesAsync($"/api/hsds/services?organization_id={provider.PublicId}");
        Assert.Equal(await db.Offers.CountAsync(o => o.ProviderId == provider.Id && !o.Paused), byOrganization.Count);
        Assert.All(byOrganization, s => Assert.Equal(provider.PublicId.ToString(), (string)s["organization_id"]!));

        var unknownTerm = await _client.GetJsonAsync($"/api/hsds/services?taxonomy_term_id={Guid.NewGuid()}");
        Assert.True((bool)unknownTerm["empty"]!);
    }

    [Fact]
    public async Task Search_finds_services_with_every_word()
    {
        var found = await _client.GetAllPagesAsync("/api/hsds/services?search=zorgboerderij&per_page=200");
        await using var db = app.CreateDb();
        Assert.Equal(await db.Offers.CountAsync(o => !o.Paused && o.SearchText.ToLower().Contains("zorgboerderij")), found.Count);
        Assert.NotEmpty(found);
        var none = await _client.GetJsonAsync("/api/hsds/services?search=zorgboerderij%20xyzzy");
        Assert.True((bool)none["empty"]!);
    }

    [Fact]
    public async Task With_a_postcode_services_at_locations_come_nearest_first_and_proximity_is_in_metres()
    {
        var near = await _client.GetAllPagesAsync("/api/hsds/service_at_locations?postcode=1621AB&proximity=8000&per_page=50");
        await using var db = app.CreateDb();
        var hoorn = await db.PostcodeAreas.SingleAsync(p => p.Pc4 == 1621);
        var located = await db.Offers.Where(o => !o.Paused && o.LocationId != null)
            .Select(o => new { Offer = o.PublicId, Location = o.Location!.PublicId, o.Location.Latitude, o.Location.Longitude }).ToListAsync();
        var expected = located
            .Select(x => (Id: HsdsMapper.ServiceAtLocationId(x.Offer, x.Location), Metres: Distance.Km(hoorn.Latitude, hoorn.Longitude, x.Latitude, x.Longitude) * 1000))
            .Where(x => x.Metres <= 8000).ToList();

        Assert.NotEmpty(near);
        Assert.Equal(expected.Select(x => x.Id.ToString()).Order(), near.Select(n => (string)n["id"]!).Order());
        var distances = near.Select(n => (int)n["distance"]!).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.All(distances, d => Assert.InRange(d, 0, 8000));
        foreach (var n in near.Take(5))
            Assert.Equal(Math.Round(expected.Single(x => x.Id.ToString() == (string)n["id"]!).Metres), (int)n["distance"]!);

        // Without proximity: every location, still nearest first; the first page starts with the nearest.
        var all = await _client.GetJsonAsync("/api/hsds/service_at_locations?postcode=1621&per_page=10");
        Assert.Equal(located.Count, (int)all["total_items"]!);
        Assert.Equal(distances.Take(10), all["contents"]!.AsArray().Select(n => (int)n!["distance"]!));
    }

    [Fact]
    public async Task A_consumer_pulls_a_whole_region_and_stays_in_sync_with_modified_after()
    {
        const string region = "zaanstreek-waterland";
        var term = HsdsCatalogue.RegionTermId(region);
        var copy = (await _client.GetAllPagesAsync($"/api/hsds/services?taxonomy_term_id={term}&full=true&per_page=60"))
            .ToDictionary(s => (string)s["id"]!);
        await using (var check = app.CreateDb())
            Assert.Equal(await check.Offers.CountAsync(o => o.RegionId == region && !o.Paused), copy.Count);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var since = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var changed = new HashSet<Guid>();
        await using (var db = app.CreateDb())
        {
            var offers = await db.Offers.Include(o => o.TargetGroups).Include(o => o.Provider).Include(o => o.Location)
                .Where(o => o.RegionId == region && !o.Paused).OrderBy(o => o.Id).ToListAsync();
            var waiting = offers[0];
            waiting.Availability.WaitingWeeks += 1;
            var paused = offers[1];
            paused.Paused = true;
            paused.PausedReason = "Tijdelijk vol";
            var removed = offers[2];
            removed.RemovedAt = app.Clock.GetUtcNow().UtcDateTime;
            var regrouped = offers[3];
            regrouped.TargetGroups.Add(new Startpunt.Web.Domain.OfferTargetGroup { TargetGroupCode = regrouped.TargetGroups.Any(t => t.TargetGroupCode == "mantelzorgers") ? "ouderen" : "mantelzorgers" });
            var provider = offers[10].Provider!;
            provider.Phone = "0299 123 456";
            var location = offers.Last(o => o.Location is not null && o.ProviderId != provider.Id).Location!;
            location.Name += " (verbouwd)";
            await db.SaveChangesAsync();
            changed.UnionWith([waiting.PublicId, paused.PublicId, removed.PublicId, regrouped.PublicId]);
            changed.UnionWith(await db.Offers.Where(o => o.RegionId == region && !o.Paused && (o.ProviderId == provider.Id || o.LocationId == location.Id)).Select(o => o.PublicId).ToListAsync());
        }

        var delta = await _client.GetAllPagesAsync($"/api/hsds/services?taxonomy_term_id={term}&full=true&modified_after={HsdsApi.Iso(since)}");
        Assert.Equal(changed.Select(g => g.ToString()).Order(), delta.Select(s => (string)s["id"]!).Order());
        Assert.All(delta, s => Assert.True(DateTimeOffset.Parse((string)s["last_modified"]!) >= since));
        foreach (var s in delta)
        {
            if ((string)s["status"]! == "active") copy[(string)s["id"]!] = s;
            else copy.Remove((string)s["id"]!);
        }

        var fresh = (await _client.GetAllPagesAsync($"/api/hsds/services?taxonomy_term_id={term}&full=true&per_page=200")).ToDictionary(s => (string)s["id"]!);
        Assert.Equal(fresh.Keys.Order(), copy.Keys.Order());
        Assert.All(fresh, f => Assert.Equal((string)f.Value["last_modified"]!, (string)copy[f.Key]["last_modified"]!));
        Assert.All(fresh, f => Assert.True(JsonNode.DeepEquals(f.Value, copy[f.Key]), $"service {f.Key} differs from the synchronised copy"));

        var organizations = await _client.GetAllPagesAsync($"/api/hsds/organizations?modified_after={HsdsApi.Iso(since)}");
        Assert.NotEmpty(organizations);
        var locations = await _client.GetJsonAsync($"/api/hsds/locations?modified_after={HsdsApi.Iso(since)}");
        Assert.Equal(1, (int)locations["total_items"]!);
    }

    [Theory]
    [InlineData("/api/hsds/services?per_page=0", "per_page")]
    [InlineData("/api/hsds/services?per_page=tien", "per_page")]
    [InlineData("/api/hsds/services?page=-1", "page")]
    [InlineData("/api/hsds/services?page=1&page=2", "page")]
    [InlineData("/api/hsds/services?modified_after=gisteren", "modified_after")]
    [InlineData("/api/hsds/services?taxonomy_term_id=dagbesteding", "taxonomy_term_id")]
    [InlineData("/api/hsds/services?organization_id=42", "organization_id")]
    [InlineData("/api/hsds/services?full=misschien", "full")]
    [InlineData("/api/hsds/services?format=ndjson", "format")]
    [InlineData("/api/hsds/services?postcode=1621AB", "postcode")]
    [InlineData("/api/hsds/service_at_locations?postcode=16", "postcode")]
    [InlineData("/api/hsds/service_at_locations?postcode=1000", "postcode")]
    [InlineData("/api/hsds/service_at_locations?proximity=5000", "proximity")]
    [InlineData("/api/hsds/service_at_locations?postcode=1621AB&proximity=5km", "proximity")]
    [InlineData("/api/hsds/taxonomy_terms?top_only=ja", "top_only")]
    [InlineData("/api/hsds/organizations?search=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "search")]
    public async Task A_bad_parameter_gives_400_problem_json_that_names_it(string url, string parameter)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(parameter, (string)problem["parameter"]!);
        Assert.Contains(parameter, (string)problem["detail"]!);
        Assert.Equal(400, (int)problem["status"]!);
    }

    [Theory]
    [InlineData("services")]
    [InlineData("organizations")]
    [InlineData("service_at_locations")]
    [InlineData("locations")]
    [InlineData("taxonomies")]
    [InlineData("taxonomy_terms")]
    public async Task An_unknown_id_gives_404_problem_json(string collection)
    {
        foreach (var id in new[] { Guid.NewGuid().ToString(), "12", "not-an-id" })
        {
            using var response = await _client.GetAsync($"/api/hsds/{collection}/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(id, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!);
        }
    }

    [Fact]
    public async Task Unknown_paths_and_other_methods_get_problem_json_not_the_html_error_page()
    {
        using var missing = await _client.GetAsync("/api/hsds/programs");
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (missing.StatusCode, missing.Content.Headers.ContentType?.MediaType));
        using var post = await _client.PostAsync("/api/hsds/services", new StringContent("{}"));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "application/problem+json"), (post.StatusCode, post.Content.Headers.ContentType?.MediaType));
        Assert.Contains("GET", post.Content.Headers.Allow);
    }
}
