using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// Markdown that people type (a provider's description): raw HTML is switched off, so script stays text, and links
/// only keep http(s), mailto and tel addresses; any other link (javascript:, data:, relative) and every image becomes its text.
/// </summary>
public static class SafeMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly string[] Schemes = ["http", "https", "mailto", "tel"];

    public static IHtmlContent ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return HtmlString.Empty;
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage || !IsAllowed(l.Url)).ToList())
            link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !IsAllowed(l.Url)).ToList())
            link.ReplaceBy(new LiteralInline(link.Url));
        return new HtmlString(document.ToHtml(Pipeline));
    }

    public static bool IsAllowed(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
