using System.IO.Compression;
using System.Text.RegularExpressions;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Pages;

/// <summary>
/// How pages and files travel: pages compressed for anonymous visitors only (a signed-in page carries secrets next to
/// what a person typed: no compression there, against BREACH); scripts and styles linked with their content hash,
/// cached for a year and compressed.
/// </summary>
public sealed partial class DeliveryTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private static HttpRequestMessage Get(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        return request;
    }

    [Fact]
    public async Task An_anonymous_results_page_comes_compressed_with_brotli_and_reads_the_same()
    {
        var client = app.CreateClient();
        const string url = "/zoeken?postcode=1621AB&afstand=25&product=dagbesteding";
        var plain = await client.GetStringAsync(url);

        using var response = await client.SendAsync(Get(url));

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var html = await new StreamReader(brotli).ReadToEndAsync();
        Assert.Equal(plain, html);
        Assert.True(compressed.Length * 4 < html.Length, $"{compressed.Length} bytes for {html.Length} characters");
    }

    [Fact]
    public async Task A_signed_in_page_is_never_compressed()
    {
        var client = await app.SignedInAsync("aanbieder@demo.startpunt.example");

        using var response = await client.SendAsync(Get("/account"));

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Scripts_and_styles_are_linked_with_their_hash_cached_for_a_year_and_compressed()
    {
        var client = app.CreateClient();
        var html = await client.GetStringAsync("/");
        var files = AssetLink().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains(files, f => f.StartsWith("/lib/htmx/htmx.min.js?v=", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("/css/site.css?v=", StringComparison.Ordinal));

        foreach (var file in files)
        {
            using var response = await client.SendAsync(Get(file));
            Assert.True(response.IsSuccessStatusCode, $"{file}: {(int)response.StatusCode}");
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            if (file.Contains("htmx", StringComparison.Ordinal) || file.Contains("component-library", StringComparison.Ordinal))
                Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        }
        // Without its hash a file is still served, but not for a year: the next version must reach the browser.
        using var plain = await client.SendAsync(Get("/js/site.js"));
        Assert.True(plain.IsSuccessStatusCode);
        Assert.Null(plain.Headers.CacheControl);
    }

    [GeneratedRegex("(?:src|href)=\"(/(?:lib|css|js)/[^\"]+\\.(?:css|js)\\?v=[^\"]+)\"")]
    private static partial Regex AssetLink();
}
