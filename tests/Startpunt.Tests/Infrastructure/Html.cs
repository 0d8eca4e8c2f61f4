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

    /// <summary>What a browser would post for the form: checked boxes, selected options, text; without the antiforgery token.</summary>
    public static List<KeyValuePair<string, string>> FormFields(this IHtmlDocument doc, string formSelector)
    {
        var form = doc.QuerySelector(formSelector) ?? throw new InvalidOperationException($"no form {formSelector}");
        IEnumerable<AngleSharp.Dom.IElement> owned = string.IsNullOrEmpty(form.Id) ? [] : doc.QuerySelectorAll($"[form='{form.Id}']");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.QuerySelectorAll("input, select, textarea").Concat(owned).Distinct())
        {
            var name = e.GetAttribute("name");
            var type = e.GetAttribute("type") ?? "text";
            if (name is null or "__RequestVerificationToken" || e.HasAttribute("disabled") || type is "submit" or "button") continue;
            if (type is "checkbox" or "radio" && !e.HasAttribute("checked")) continue;
            if (e.TagName == "SELECT")
            {
                var options = e.QuerySelectorAll("option").ToList();
                var selected = options.Where(o => o.HasAttribute("selected")).ToList();
                foreach (var o in selected.Count > 0 ? selected : options.Take(e.HasAttribute("multiple") ? 0 : 1))
                    fields.Add(new(name, o.GetAttribute("value") ?? o.TextContent));
                continue;
            }
            fields.Add(new(name, e.TagName == "TEXTAREA" ? e.TextContent : e.GetAttribute("value") ?? ""));
        }
        return fields;
    }

    /// <summary>The fields with every value of <paramref name="name"/> replaced by <paramref name="values"/>.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, params string[] values) =>
        fields.Where(f => f.Key != name).Concat(values.Select(v => new KeyValuePair<string, string>(name, v))).ToList();

    public static string? Text(this IHtmlDocument doc, string selector) => doc.QuerySelector(selector)?.TextContent.Trim();
}
