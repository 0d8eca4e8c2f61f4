using Microsoft.AspNetCore.Razor.TagHelpers;
using System.Text.Encodings.Web;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// &lt;form-field for="postcode" label="Postcode" hint="..." error="..."&gt;&lt;input ...&gt;&lt;/form-field&gt;:
/// the NL Design System field shape with its label, hint and the error message right next to the input.
/// The input names its hint and error with aria-describedby="@Model.DescribedBy(...)".
/// </summary>
[HtmlTargetElement("form-field")]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    public required string For { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }
    public string? Error { get; set; }
    /// <summary>Screen readers hear this before the error text.</summary>
    public string ErrorPrefix { get; set; } = "Fout:";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // Razor hands a null attribute value over as "".
        if (string.IsNullOrEmpty(Error)) Error = null;
        if (string.IsNullOrEmpty(Hint)) Hint = null;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-form-field utrecht-form-field--text" + (Error is null ? "" : " utrecht-form-field--invalid"));
        var id = encoder.Encode(For);
        var html = $"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"{id}\">{encoder.Encode(Label)}</label></div>";
        if (Hint is not null)
            html += $"<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"{id}-hint\">{encoder.Encode(Hint)}</div>";
        if (Error is not null)
            html += $"<div class=\"utrecht-form-field__error-message utrecht-form-field-error-message\" id=\"{id}-error\"><span class=\"visually-hidden\">{encoder.Encode(ErrorPrefix)} </span>{encoder.Encode(Error)}</div>";
        output.PreContent.SetHtmlContent(html + "<div class=\"utrecht-form-field__input\">");
        output.Content.SetHtmlContent(await output.GetChildContentAsync());
        output.PostContent.SetHtmlContent("</div>");
    }
}
