using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.OpenData;

/// <summary>The downloads of a whole region: the tabular data package and the JSON file, always current.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class ExportTests(StartpuntFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_csv_package_has_a_file_per_hsds_table_with_the_columns_its_datapackage_describes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open-data/westfriesland/hsds-csv.zip");
        request.Headers.Add("Origin", "https://data.gemeente.example");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var package = JsonNode.Parse(Read(zip, "datapackage.json"))!;
        Assert.Equal("tabular-data-package", (string)package["profile"]!);

        var resources = package["resources"]!.AsArray();
        Assert.Contains(resources, r => (string)r!["path"]! == "services.csv");
        foreach (var resource in resources)
        {
            var path = (string)resource!["path"]!;
            var lines = Read(zip, path).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var fields = resource["schema"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!).ToList();
            Assert.Equal(string.Join(',', fields), lines[0]);
            // The columns are the one-to-one properties of the official schema file, in its order.
            var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(HsdsSchemas.SchemaDirectory, $"{resource["name"]}.json")))!;
            Assert.Equal(path, (string)schema["path"]!);
            Assert.All(fields, f => Assert.NotNull(schema["properties"]![f]));
        }

        await using var db = app.CreateDb();
        var services = Read(zip, "services.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await db.Offers.CountAsync(o => o.RegionId == "westfriesland" && !o.Paused), services.Length - 1);
        Assert.All(services.Skip(1), line => Assert.True(Guid.TryParse(line.Split(',')[0], out _), line));
        var serviceIds = services.Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        var attributes = Read(zip, "attributes.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var linkColumn = attributes[0].Split(',').ToList().IndexOf("link_id");
        Assert.All(attributes.Skip(1), line => Assert.Contains(line.Split(',')[linkColumn], serviceIds));
    }

    [Fact]
    public async Task An_export_is_made_again_after_a_change_and_unchanged_it_answers_304()
    {
        const string url = "/open-data/steenwijkerland/hsds.json";
        using var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.Contains("attachment", first.Content.Headers.ContentDisposition!.ToString());

        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            request.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(request)).StatusCode);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            request.Headers.IfModifiedSince = lastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(request)).StatusCode);
        }
        using (var same = await _client.GetAsync(url)) Assert.Equal(etag, same.Headers.ETag);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Guid changed;
        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.Where(o => o.RegionId == "steenwijkerland" && !o.Paused).OrderBy(o => o.Id).FirstAsync();
            offer.Description = "Nieuw: tuinieren in de kas.";
            await db.SaveChangesAsync();
            changed = offer.PublicId;
        }
        using var after = await _client.GetAsync(url);
        Assert.NotEqual(etag, after.Headers.ETag);
        var export = JsonNode.Parse(await after.Content.ReadAsStringAsync())!;
        Assert.Equal("Nieuw: tuinieren in de kas.", (string)export["services"]!.AsArray().Single(s => (string)s!["id"]! == changed.ToString())!["description"]!);
    }

    [Fact]
    public async Task An_unknown_region_has_no_export()
    {
        using var response = await _client.GetAsync("/open-data/atlantis/hsds.json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_open_data_page_links_every_regions_downloads_and_explains_the_embed()
    {
        var doc = await _client.GetDocumentAsync("/open-data");
        Assert.Equal("Open data", doc.Text("h1"));
        var links = doc.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var region in new[] { "meierij", "midden-holland", "steenwijkerland", "westfriesland", "zaanstreek-waterland" })
        {
            Assert.Contains($"/open-data/{region}/hsds.json", links);
            Assert.Contains($"/open-data/{region}/hsds-csv.zip", links);
            Assert.Contains($"/embed?regio={region}", links);
        }
        Assert.Contains("/api/hsds/openapi.json", links);
        Assert.NotNull(doc.QuerySelector("#kenmerk-stoplicht"));
        Assert.Contains("&lt;iframe", doc.QuerySelector("#insluiten ~ pre")!.InnerHtml);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
