using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.History;

/// <summary>History entries in words a provider understands.</summary>
public static class HistoryWords
{
    /// <summary>Field names in the history as people read them (keys of the shared texts).</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["WaitingWeeks"] = "Wachttijd (weken)",
        ["IntakeOpen"] = "Aanmelden open",
        ["FreePlaces"] = "Vrije plaatsen",
        ["ConfirmedAt"] = "Laatst bevestigd",
        ["ConfirmedBy"] = "Bevestigd door",
        ["Description"] = "Beschrijving",
        ["ProductId"] = "Product",
        ["ProductLevelId"] = "Niveau",
        ["LocationId"] = "Locatie",
        ["Days"] = "Dagen",
        ["DayParts"] = "Dagdelen",
        ["Transport"] = "Vervoer",
        ["Paused"] = "Pauze",
        ["PausedReason"] = "Reden van pauze",
        ["RemovedAt"] = "Verwijderd op",
        ["StartDate"] = "Begindatum",
        ["EndDate"] = "Einddatum",
        ["Municipalities"] = "Gemeenten",
        ["Name"] = "Naam",
        ["Website"] = "Website",
        ["Phone"] = "Telefoon",
        ["Email"] = "E-mail",
        ["KvkNumber"] = "KvK-nummer",
        ["Street"] = "Straat",
        ["HouseNumber"] = "Huisnummer",
        ["Postcode"] = "Postcode",
        ["Town"] = "Plaats",
        ["Latitude"] = "Breedtegraad",
        ["Longitude"] = "Lengtegraad",
        ["MunicipalityCode"] = "Gemeente",
        ["Accessibility"] = "Toegankelijkheid",
        ["OpeningHours"] = "Openingstijden",
        ["TargetGroups"] = "Doelgroepen",
        ["Languages"] = "Talen",
        ["ServiceArea"] = "Werkgebied",
        ["DeactivatedAt"] = "Gedeactiveerd op",
        ["Reason"] = "Reden",
        ["PausedByDeactivation"] = "Gepauzeerd door de regio",
        ["RegionId"] = "Regio",
    };

    /// <summary>What happened, in a word or two: a save that changed values and confirmed them says both.</summary>
    public static string Title(AuditEntry entry, IStringLocalizer L) =>
        entry.Action == AuditActions.Updated && Changes(entry).Any(c => c.Field == "ConfirmedAt") ? L["gewijzigd en bevestigd"] : L[entry.Action];

    public static IReadOnlyList<FieldChange> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes) ?? [];

    /// <summary>The newest entry of a record: what a colleague changed when a form turns out to be out of date.</summary>
    public static Task<AuditEntry?> LastAsync(StartpuntDb db, string type, int id, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// What every form says when a colleague saved the same record first: who, when and what they changed. The
    /// person's own input stays in the form; saving again (with the version now shown) keeps theirs.
    /// </summary>
    public static string Conflict(AuditEntry? last, IStringLocalizer L) => last is null
        ? L["Een collega heeft dit intussen gewijzigd. Uw wijzigingen zijn nog niet opgeslagen; ze staan nog in het formulier. Kijk ze na en klik opnieuw op 'Opslaan' om ze toch op te slaan."]
        : L["{0} heeft dit op {1} om {2} gewijzigd: {3}. Uw wijzigingen zijn nog niet opgeslagen; ze staan nog in het formulier. Kijk ze na en klik opnieuw op 'Opslaan' om ze toch op te slaan.",
            last.UserName, Shared.Dates.Long(last.At), Shared.Dates.ToDutchTime(last.At).ToString("HH:mm"), Describe(last, L)];

    public static string Describe(AuditEntry? entry, IStringLocalizer L)
    {
        if (entry is null) return "";
        var parts = Changes(entry).Where(c => c.Field is not ("ConfirmedBy")).Select(c =>
            $"{L[Fields.GetValueOrDefault(c.Field, c.Field)]}: {Value(c.Field, c.Old, L)} → {Value(c.Field, c.New, L)}");
        return string.Join("; ", parts);
    }

    public static string Value(string field, string? value, IStringLocalizer L) => value switch
    {
        null or "" => "-",
        "true" => L["Ja"],
        "false" => L["Nee"],
        _ when field == "OpeningHours" => Shared.LocationTexts.Describe(value, L),
        _ when field == "Accessibility" => Shared.LocationTexts.Accessibility(value, L),
        _ when field is "ConfirmedAt" or "RemovedAt" && DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var d)
            => $"{Shared.Dates.Long(d)} {Shared.Dates.ToDutchTime(d):HH:mm}",
        _ => value,
    };

    public static string FieldLabel(string field, IStringLocalizer L) => L[Fields.GetValueOrDefault(field, field)];
}
