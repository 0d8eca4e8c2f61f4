using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// &lt;page-alert type="ok" text="@Model.Status" /&gt; or &lt;page-alert type="warning"&gt;...&lt;/page-alert&gt;: the NL Design
/// System alert for what happened on the page (saved, refused, locked). "ok" and "info" are a polite status, "error" and
/// "warning" an alert; with a <see cref="Text"/> attribute that is empty nothing is written. Messages about fields go
/// into ModelState instead (&lt;form-field&gt; and _ValidationSummary show them). Other attributes (id, hidden) stay.
/// </summary>
[HtmlTargetElement("page-alert")]
public sealed class AlertTagHelper(HtmlEncoder encoder) : TagHelper
{
    public required string Type { get; set; }
    public string? Text { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (context.AllAttributes.ContainsName("text") && string.IsNullOrEmpty(Text)) { output.SuppressOutput(); return; }
        if (Type is not ("ok" or "info" or "warning" or "error")) throw new InvalidOperationException($"page-alert type '{Type}' is not ok, info, warning or error.");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("utrecht-alert", encoder);
        output.AddClass($"utrecht-alert--{Type}", encoder);
        if (!output.Attributes.ContainsName("role") && Type != "info") output.Attributes.SetAttribute("role", Type == "ok" ? "status" : "alert");
        output.PreContent.SetHtmlContent("<div class=\"utrecht-alert__content\">");
        if (Text is not null) output.Content.SetHtmlContent($"<p class=\"utrecht-paragraph\">{encoder.Encode(Text)}</p>");
        else output.Content.SetHtmlContent(await output.GetChildContentAsync());
        output.PostContent.SetHtmlContent("</div>");
    }
}
