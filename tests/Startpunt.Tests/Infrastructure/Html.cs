using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Startpunt.Tests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} gave {(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        return Parser.ParseDocument(body);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The offer ids of the result cards, in page order.</summary>
    public static List<int> OfferIds(this IHtmlDocument doc) =>
        doc.QuerySelectorAll(".result-card__title a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/').Last())).ToList();

    public static string? Text(this IHtmlDocument doc, string selector) => doc.QuerySelector(selector)?.TextContent.Trim();
}
