using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
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
public sealed class FieldTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> L) : FieldWithErrorTagHelper
{
    public required string Label { get; set; }
    public string? Hint { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var (id, error) = IdAndError(context);
        var hint = string.IsNullOrEmpty(Hint) ? null : Hint;
        context.Items[typeof(FieldTagHelper)] = new FieldIds(id, hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-form-field utrecht-form-field--text" + (error is null ? "" : " utrecht-form-field--invalid"));
        var e = encoder.Encode(id);
        var html = $"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"{e}\">{encoder.Encode(Label)}</label></div>";
        if (hint is not null)
            html += $"<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"{e}-hint\">{encoder.Encode(hint)}</div>";
        if (error is not null) html += FieldError.Html(encoder, L, id, error);
        output.PreContent.SetHtmlContent(html + "<div class=\"utrecht-form-field__input\">");
        output.Content.SetHtmlContent(await output.GetChildContentAsync());
        output.PostContent.SetHtmlContent("</div>");
    }
}

internal sealed record FieldIds(string Id, string? HintId, string? ErrorId);

/// <summary>What the field tag helpers share: which ModelState key holds the message, the control's id, and an override.</summary>
public abstract class FieldWithErrorTagHelper : TagHelper
{
    /// <summary>The ModelState key of the field, which is also the input's name ("Input.Email", "postcode").</summary>
    public string? Name { get; set; }
    /// <summary>The control's id, when it differs from the one derived from <see cref="Name"/> (forms repeated per row).</summary>
    public string? For { get; set; }
    /// <summary>Overrides ModelState, for a form repeated per row where only the row that was sent shows its messages.</summary>
    public string? Error { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The control's id and its message (null when the field is fine).</summary>
    protected (string Id, string? Error) IdAndError(TagHelperContext context)
    {
        var id = For ?? ModelStateExtensions.FieldId(Name ?? throw new InvalidOperationException($"{context.TagName} needs a name or a for."));
        // Razor hands a null attribute value over as "".
        var error = context.AllAttributes.ContainsName("error")
            ? (string.IsNullOrEmpty(Error) ? null : Error)
            : Name is null ? null : ViewContext.ViewData.ModelState.ErrorFor(Name);
        return (id, error);
    }
}

/// <summary>
/// The one place that writes a field's error message: next to the field, id "{field id}-error" (which the control names
/// in aria-describedby), with "Fout:"/"Error:" in the reader's language for screen readers.
/// </summary>
public static class FieldError
{
    public static string Html(HtmlEncoder encoder, IStringLocalizer L, string id, string message) =>
        $"<div class=\"utrecht-form-field__error-message utrecht-form-field-error-message\" id=\"{encoder.Encode(id)}-error\"><span class=\"visually-hidden\">{encoder.Encode(L["Fout:"])} </span>{encoder.Encode(message)}</div>";

}

/// <summary>
/// &lt;form-fieldset name="Input.TargetGroups" legend="Voor wie"&gt;checkboxes&lt;/form-fieldset&gt;: a group of
/// checkboxes or radio buttons with its legend and its error (from ModelState under <see cref="Name"/>, or
/// <see cref="Error"/>); the fieldset itself names the error for screen readers. Other attributes (class, data-*) stay.
/// </summary>
[HtmlTargetElement("form-fieldset")]
public sealed class FieldsetTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> L) : FieldWithErrorTagHelper
{
    public required string Legend { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (id, error) = IdAndError(context);
        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("utrecht-form-fieldset", encoder);
        if (error is not null)
        {
            output.AddClass("utrecht-form-fieldset--invalid", encoder);
            output.Attributes.SetAttribute("aria-describedby", $"{id}-error");
        }
        output.Attributes.SetAttribute("id", id);
        var html = $"<legend class=\"utrecht-form-fieldset__legend\">{encoder.Encode(Legend)}</legend>";
        if (error is not null) html += FieldError.Html(encoder, L, id, error);
        output.PreContent.SetHtmlContent(html);
    }
}

/// <summary>
/// &lt;form-checkbox name="ConfirmRemove" label="Ja, verwijder dit aanbod"&gt;&lt;input type="checkbox" ...&gt;&lt;/form-checkbox&gt;:
/// one checkbox with its label after it and its error above it.
/// </summary>
[HtmlTargetElement("form-checkbox")]
public sealed class CheckboxFieldTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> L) : FieldWithErrorTagHelper
{
    public required string Label { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var (id, error) = IdAndError(context);
        context.Items[typeof(FieldTagHelper)] = new FieldIds(id, null, error is null ? null : $"{id}-error");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-form-field utrecht-form-field--checkbox" + (error is null ? "" : " utrecht-form-field--invalid"));
        if (error is not null) output.PreContent.SetHtmlContent(FieldError.Html(encoder, L, id, error));
        output.Content.SetHtmlContent(await output.GetChildContentAsync());
        output.PostContent.SetHtmlContent($"<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"{encoder.Encode(id)}\">{encoder.Encode(Label)}</label>");
    }
}

/// <summary>
/// &lt;field-error for="weeks-12" message="@error" /&gt;: the error of a control that is not inside a &lt;form-field&gt;
/// (a table row whose label is the column); renders nothing without a message.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> L) : TagHelper
{
    public required string For { get; set; }
    public string? Message { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (string.IsNullOrEmpty(Message)) { output.SuppressOutput(); return; }
        output.Content.SetHtmlContent(FieldError.Html(encoder, L, For, Message));
    }
}

/// <summary>The control inside a &lt;form-field&gt;: names its hint and error for screen readers, and says when it is invalid.</summary>
[HtmlTargetElement("input", ParentTag = "form-field")]
[HtmlTargetElement("select", ParentTag = "form-field")]
[HtmlTargetElement("textarea", ParentTag = "form-field")]
[HtmlTargetElement("input", ParentTag = "form-checkbox")]
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
