using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Shared;

/// <summary>A location's opening hours and accessibility in words, for the offer page and the history alike.</summary>
public static class LocationTexts
{
    private static readonly Dictionary<DayOfWeek, string> DayNames = new()
    {
        [DayOfWeek.Monday] = "maandag", [DayOfWeek.Tuesday] = "dinsdag", [DayOfWeek.Wednesday] = "woensdag",
        [DayOfWeek.Thursday] = "donderdag", [DayOfWeek.Friday] = "vrijdag", [DayOfWeek.Saturday] = "zaterdag", [DayOfWeek.Sunday] = "zondag",
    };

    public static string DayName(DayOfWeek day, IStringLocalizer L) => L[DayNames[day]];

    /// <summary>"09:00 tot 17:00" or "alleen op afspraak".</summary>
    public static string Hours(OpeningDay day, IStringLocalizer L) => day.ByAppointment
        ? L["alleen op afspraak"]
        : L["{0} tot {1} uur", OpeningHours.Time(day.Opens!.Value), OpeningHours.Time(day.Closes!.Value)];

    /// <summary>The stored hours on one line: "maandag 09:00 tot 17:00 uur, woensdag alleen op afspraak".</summary>
    public static string Describe(string? stored, IStringLocalizer L) =>
        string.Join(", ", OpeningHours.Parse(stored).Select(d => $"{DayName(d.Day, L)} {Hours(d, L)}"));

    public static string Accessibility(string? stored, IStringLocalizer L) =>
        string.Join(", ", LocationAccessibility.Parse(stored).Select(f => L[f.Label].Value));
}
