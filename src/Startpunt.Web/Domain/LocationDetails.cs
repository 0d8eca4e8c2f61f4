using System.Globalization;

namespace Startpunt.Web.Domain;

/// <summary>
/// One fact about how a location can be reached and used by people with a disability. <see cref="Label"/> is the Dutch
/// B1 text (also the key of its English translation); <see cref="Hsds"/> the plain English term the open data adds.
/// </summary>
public sealed record AccessibilityFeature(string Code, string Label, string Hsds);

/// <summary>The fixed list of accessibility facts; a location stores its codes, comma-separated, in this list's order.</summary>
public static class LocationAccessibility
{
    public static readonly IReadOnlyList<AccessibilityFeature> All =
    [
        new("wheelchair", "Toegankelijk met een rolstoel", "Wheelchair accessible"),
        new("accessible-toilet", "Toilet voor mensen met een rolstoel (invalidentoilet)", "Accessible toilet"),
        new("disabled-parking", "Parkeerplaats voor mensen met een beperking", "Disabled parking"),
        new("public-transport", "Bereikbaar met bus, tram of trein", "Reachable by public transport"),
        new("hearing-loop", "Ringleiding voor mensen met een hoortoestel", "Hearing loop"),
        new("lift", "Lift naar alle verdiepingen", "Lift to all floors"),
    ];

    private static readonly Dictionary<string, AccessibilityFeature> ByCode = All.ToDictionary(f => f.Code, StringComparer.Ordinal);

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    /// <summary>The stored form: known codes in the list's order, or null for none. Unknown codes are left out.</summary>
    public static string? Format(IEnumerable<string> codes)
    {
        var set = codes.ToHashSet(StringComparer.Ordinal);
        var known = All.Where(f => set.Contains(f.Code)).Select(f => f.Code).ToList();
        return known.Count == 0 ? null : string.Join(',', known);
    }

    public static IReadOnlyList<AccessibilityFeature> Parse(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? [] : stored.Split(',').Select(c => ByCode.GetValueOrDefault(c.Trim())).OfType<AccessibilityFeature>().ToList();
}

/// <summary>One weekday of a location's opening hours: open from <see cref="Opens"/> to <see cref="Closes"/>, or only by appointment (no times).</summary>
public sealed record OpeningDay(DayOfWeek Day, TimeOnly? Opens, TimeOnly? Closes)
{
    public bool ByAppointment => Opens is null;
}

/// <summary>
/// A location's opening hours per weekday. Stored as one text in a fixed form, "MO 09:00-17:00;WE afspraak" (iCal day
/// codes, times HH:mm), so the history shows a change of the hours as one field, and the open data can use the same
/// day codes. Days that are not listed are closed.
/// </summary>
public static class OpeningHours
{
    /// <summary>Monday first, as Dutch calendars and HSDS's wkst "MO".</summary>
    public static readonly IReadOnlyList<(DayOfWeek Day, string Code)> Week =
    [
        (DayOfWeek.Monday, "MO"), (DayOfWeek.Tuesday, "TU"), (DayOfWeek.Wednesday, "WE"), (DayOfWeek.Thursday, "TH"),
        (DayOfWeek.Friday, "FR"), (DayOfWeek.Saturday, "SA"), (DayOfWeek.Sunday, "SU"),
    ];

    private const string Appointment = "afspraak";

    public static string Code(DayOfWeek day) => Week.Single(w => w.Day == day).Code;

    /// <summary>Times as people and HSDS write them: two digits for the hour, two for the minutes.</summary>
    public static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string? Format(IEnumerable<OpeningDay> days)
    {
        var parts = days.OrderBy(d => Index(d.Day))
            .Select(d => d.ByAppointment ? $"{Code(d.Day)} {Appointment}" : $"{Code(d.Day)} {Time(d.Opens!.Value)}-{Time(d.Closes!.Value)}")
            .ToList();
        return parts.Count == 0 ? null : string.Join(';', parts);
    }

    /// <summary>The stored form read back; a part that does not fit the form is skipped rather than shown wrong.</summary>
    public static IReadOnlyList<OpeningDay> Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return [];
        var days = new List<OpeningDay>();
        foreach (var part in stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (code, rest) = (part.Split(' ', 2)[0], part.Split(' ', 2).ElementAtOrDefault(1) ?? "");
            if (Week.FirstOrDefault(w => w.Code == code) is not { Code: not null } day) continue;
            if (rest == Appointment) days.Add(new OpeningDay(day.Day, null, null));
            else if (rest.Split('-') is [var a, var b] && TryParseTime(a, out var opens) && TryParseTime(b, out var closes) && closes > opens)
                days.Add(new OpeningDay(day.Day, opens, closes));
        }
        return days.OrderBy(d => Index(d.Day)).ToList();
    }

    private static int Index(DayOfWeek day) => ((int)day + 6) % 7;
}
