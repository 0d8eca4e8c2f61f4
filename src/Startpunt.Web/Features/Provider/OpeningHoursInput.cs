using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>One weekday on the location form: closed (empty), "open" with two times, or "afspraak".</summary>
public sealed class OpeningDayInput
{
    public const string Open = "open", Appointment = "afspraak";

    public string? Kind { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}

/// <summary>The seven weekdays of the location form, read from and turned into <see cref="OpeningHours"/>'s stored form.</summary>
public static class OpeningHoursInput
{
    /// <summary>A row per weekday, Monday first, filled from what is stored.</summary>
    public static List<OpeningDayInput> From(string? stored)
    {
        var days = OpeningHours.Parse(stored).ToDictionary(d => d.Day);
        return OpeningHours.Week.Select(w => days.TryGetValue(w.Day, out var d)
            ? new OpeningDayInput
            {
                Kind = d.ByAppointment ? OpeningDayInput.Appointment : OpeningDayInput.Open,
                Opens = d.Opens is { } o ? OpeningHours.Time(o) : null,
                Closes = d.Closes is { } c ? OpeningHours.Time(c) : null,
            }
            : new OpeningDayInput()).ToList();
    }

    /// <summary>
    /// The stored form of the rows, or null with a Dutch message next to each wrong field: times as HH:mm, closing after
    /// opening, and no times on a day that is closed or by appointment (they would be lost without a word).
    /// </summary>
    public static string? Read(IReadOnlyList<OpeningDayInput> rows, ModelStateDictionary state, IStringLocalizer L)
    {
        var days = new List<OpeningDay>();
        var valid = true;
        for (var i = 0; i < OpeningHours.Week.Count; i++)
        {
            var row = i < rows.Count ? rows[i] : new OpeningDayInput();
            var day = OpeningHours.Week[i].Day;
            var (opensKey, closesKey, kindKey) = ($"Input.Hours[{i}].Opens", $"Input.Hours[{i}].Closes", $"Input.Hours[{i}].Kind");
            var hasTimes = !string.IsNullOrWhiteSpace(row.Opens) || !string.IsNullOrWhiteSpace(row.Closes);
            switch (row.Kind)
            {
                case OpeningDayInput.Open:
                    var opensOk = OpeningHours.TryParseTime(row.Opens, out var opens);
                    var closesOk = OpeningHours.TryParseTime(row.Closes, out var closes);
                    if (!opensOk) state.AddModelError(opensKey, L["Vul de tijd in als uu:mm, bijvoorbeeld 09:00."]);
                    if (!closesOk) state.AddModelError(closesKey, L["Vul de tijd in als uu:mm, bijvoorbeeld 17:00."]);
                    if (opensOk && closesOk && closes <= opens) state.AddModelError(closesKey, L["De sluitingstijd moet na de openingstijd liggen."]);
                    if (opensOk && closesOk && closes > opens) days.Add(new OpeningDay(day, opens, closes));
                    else valid = false;
                    break;
                case OpeningDayInput.Appointment when !hasTimes:
                    days.Add(new OpeningDay(day, null, null));
                    break;
                case null or "" or OpeningDayInput.Appointment when hasTimes:
                    state.AddModelError(kindKey, L["U vulde tijden in. Kies dan 'Open op vaste tijden', of maak de tijden leeg."]);
                    valid = false;
                    break;
                case null or "":
                    break;
                default:
                    state.AddModelError(kindKey, L["Kies gesloten, open of op afspraak."]);
                    valid = false;
                    break;
            }
        }
        return valid ? OpeningHours.Format(days) : null;
    }
}
