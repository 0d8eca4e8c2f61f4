using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// &lt;stoplight light="@hit.Stoplight" /&gt;: the availability signal, its colour in words and the wait, and the date it
/// was last confirmed. Colour is never the only cue. Written directly (a result page shows twenty): a partial view per
/// card cost more than the rest of the card.
/// </summary>
[HtmlTargetElement("stoplight", Attributes = "light", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StoplightTagHelper(IStringLocalizer<SharedResource> L, HtmlEncoder encoder) : TagHelper
{
    public Stoplight Light { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (css, label) = StoplightWords.Colour(Light.Colour, L);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"stoplight stoplight--{css}");
        // The white space between the parts is the page's text too (a list's text, a copied line): "…weken bevestigd op…".
        var html = output.Content;
        html.AppendHtml("\n    <span class=\"stoplight__dot\" aria-hidden=\"true\"></span>\n    <span class=\"stoplight__text\"><strong class=\"stoplight__label\">");
        html.Append(label).AppendHtml(":</strong> ").Append(StoplightWords.Wait(Light, L)).AppendHtml("</span>\n    <span class=\"stoplight__date\">\n        ");
        if (Light.ConfirmedAt is { } at)
        {
            html.Append(Light.IsKnown ? L["bevestigd op"] : L["laatst bevestigd op"]).AppendHtml(" <time datetime=\"")
                .AppendHtml(encoder.Encode(Dates.Iso(at))).AppendHtml("\">").Append(Dates.Long(at)).AppendHtml("</time>");
        }
        else
        {
            html.Append(L["nooit bevestigd"]);
        }
        html.AppendHtml("\n    </span>\n");
    }
}
