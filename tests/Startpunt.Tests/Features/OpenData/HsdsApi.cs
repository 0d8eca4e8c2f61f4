using System.Net;
using System.Text.Json.Nodes;

namespace Startpunt.Tests.Features.OpenData;

/// <summary>Reading the HSDS API in tests.</summary>
public static class HsdsApi
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    /// <summary>Every item of every page, following page numbers until the last page.</summary>
    public static async Task<List<JsonNode>> GetAllPagesAsync(this HttpClient client, string url)
    {
        var items = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var envelope = await client.GetJsonAsync($"{url}{(url.Contains('?') ? '&' : '?')}page={page}");
            items.AddRange(envelope["contents"]!.AsArray().Select(n => n!));
            if ((bool)envelope["last_page"]!) return items;
            Assert.True(page < 1000, "paging does not end");
        }
    }

    public static List<string> Ids(this JsonNode envelope) => envelope["contents"]!.AsArray().Select(n => (string)n!["id"]!).ToList();

    public static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
