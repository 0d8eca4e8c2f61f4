using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// &lt;form-field name="Input.Email" label="E-mailadres" hint="..."&gt;&lt;input ...&gt;&lt;/form-field&gt;: the NL Design
/// System field with its label, hint and the error right next to the input. The error comes from ModelState under
/// <see cref="Name"/> (the one error model: field name → message); the input's id is derived from the name unless
/// <see cref="For"/> gives it. The input, select or textarea inside gets aria-describedby and aria-invalid from here
/// (<see cref="FieldControlTagHelper"/>), so no view writes them by hand.
/// </summary>
[HtmlTargetElement("form-field")]
public sealed class FieldTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> L) : TagHelper
{
    /// <summary>The ModelState key of the field, which is also the input's name ("Input.Email", "postcode").</summary>
    public string? Name { get; set; }
    /// <summary>The input's id, when it differs from the one derived from <see cref="Name"/> (forms repeated per row).</summary>
    public string? For { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }
    /// <summary>Overrides ModelState, for a form repeated per row where only the row that was sent shows its messages.</summary>
    public string? Error { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var id = For ?? ModelStateExtensions.FieldId(Name ?? throw new InvalidOperationException("form-field needs a name or a for."));
        // Razor hands a null attribute value over as "".
        var error = context.AllAttributes.ContainsName("error")
            ? (string.IsNullOrEmpty(Error) ? null : Error)
            : Name is null ? null : ViewContext.ViewData.ModelState.ErrorFor(Name);
        var hint = string.IsNullOrEmpty(Hint) ? null : Hint;
        context.Items[typeof(FieldTagHelper)] = new FieldIds(id, hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-form-field utrecht-form-field--text" + (error is null ? "" : " utrecht-form-field--invalid"));
        var e = encoder.Encode(id);
        var html = $"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"{e}\">{encoder.Encode(Label)}</label></div>";
        if (hint is not null)
            html += $"<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"{e}-hint\">{encoder.Encode(hint)}</div>";
        if (error is not null)
            html += $"<div class=\"utrecht-form-field__error-message utrecht-form-field-error-message\" id=\"{e}-error\"><span class=\"visually-hidden\">{encoder.Encode(L["Fout:"])} </span>{encoder.Encode(error)}</div>";
        output.PreContent.SetHtmlContent(html + "<div class=\"utrecht-form-field__input\">");
        output.Content.SetHtmlContent(await output.GetChildContentAsync());
        output.PostContent.SetHtmlContent("</div>");
    }
}

internal sealed record FieldIds(string Id, string? HintId, string? ErrorId);

/// <summary>The control inside a &lt;form-field&gt;: names its hint and error for screen readers, and says when it is invalid.</summary>
[HtmlTargetElement("input", ParentTag = "form-field")]
[HtmlTargetElement("select", ParentTag = "form-field")]
[HtmlTargetElement("textarea", ParentTag = "form-field")]
public sealed class FieldControlTagHelper : TagHelper
{
    // After the framework's own input/select helpers, which may set the id.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!context.Items.TryGetValue(typeof(FieldTagHelper), out var value) || value is not FieldIds ids) return;
        var describedBy = string.Join(' ', new[] { ids.HintId, ids.ErrorId }.Where(i => i is not null));
        if (describedBy.Length > 0 && !output.Attributes.ContainsName("aria-describedby"))
            output.Attributes.SetAttribute("aria-describedby", describedBy);
        if (ids.ErrorId is not null && !output.Attributes.ContainsName("aria-invalid"))
            output.Attributes.SetAttribute("aria-invalid", "true");
    }
}
