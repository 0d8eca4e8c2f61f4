using Markdig;
using Microsoft.AspNetCore.Html;

namespace Startpunt.Web.Features.Shared;

/// <summary>Markdown that people type (a provider's description): raw HTML is switched off, so script stays text.</summary>
public static class SafeMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IHtmlContent ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : new HtmlString(Markdown.ToHtml(markdown, Pipeline));
}
