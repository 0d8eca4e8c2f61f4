using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// <c>@StoplightHtml.Of(hit.Stoplight, L)</c>: the availability signal, its colour in words and the wait, and the date
/// it was last confirmed. Colour is never the only cue. Written straight into the page (a results page shows twenty):
/// a partial view per card, and then a tag helper per card, cost more than the rest of the card.
/// </summary>
public static class StoplightHtml
{
    public static IHtmlContent Of(Stoplight light, IStringLocalizer L) => new Signal(light, L);

    private sealed class Signal(Stoplight light, IStringLocalizer L) : IHtmlContent
    {
        public void WriteTo(TextWriter w, HtmlEncoder encoder)
        {
            var (css, label) = StoplightWords.Colour(light.Colour, L);
            // The white space between the parts is the page's text too (a list's text, a copied line): "…weken bevestigd op…".
            w.Write("<div class=\"stoplight stoplight--");
            encoder.Encode(w, css);
            w.Write("\">\n    <span class=\"stoplight__dot\" aria-hidden=\"true\"></span>\n    <span class=\"stoplight__text\"><strong class=\"stoplight__label\">");
            encoder.Encode(w, label);
            w.Write(":</strong> ");
            encoder.Encode(w, StoplightWords.Wait(light, L));
            w.Write("</span>\n    <span class=\"stoplight__date\">\n        ");
            if (light.ConfirmedAt is { } at)
            {
                encoder.Encode(w, light.IsKnown ? L["bevestigd op"] : L["laatst bevestigd op"]);
                w.Write(" <time datetime=\"");
                encoder.Encode(w, Dates.Iso(at));
                w.Write("\">");
                encoder.Encode(w, Dates.Long(at));
                w.Write("</time>");
            }
            else
            {
                encoder.Encode(w, L["nooit bevestigd"]);
            }
            w.Write("\n    </span>\n</div>");
        }
    }
}
