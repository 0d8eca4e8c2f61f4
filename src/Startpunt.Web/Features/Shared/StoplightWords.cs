using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Shared;

/// <summary>The stoplight in words (colour name and wait), for the stoplight on cards and pages and for the map's pins.</summary>
public static class StoplightWords
{
    public static (string Css, string Label) Colour(StoplightColour colour, IStringLocalizer L) => colour switch
    {
        StoplightColour.Green => ("green", L["Groen"]),
        StoplightColour.Orange => ("orange", L["Oranje"]),
        StoplightColour.Red => ("red", L["Rood"]),
        _ => ("unknown", L["Onbekend"]),
    };

    public static string Wait(Stoplight light, IStringLocalizer L)
    {
        if (!light.IsKnown) return L["Wachttijd niet recent bevestigd"];
        if (!light.IntakeOpen) return L["Geen nieuwe aanmeldingen"];
        return light.WaitingWeeks switch
        {
            0 => L["Kan direct starten"],
            1 => L["Wachttijd 1 week"],
            _ => L["Wachttijd {0} weken", light.WaitingWeeks],
        };
    }
}
