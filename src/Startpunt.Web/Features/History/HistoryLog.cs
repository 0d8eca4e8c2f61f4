using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.History;

/// <summary>What the history pages filter on, as the query string carries it (Dutch keys, text until checked).</summary>
public sealed class HistoryFilter
{
    public const string KindCatalogue = "Catalogue";
    public static readonly string[] Kinds = ["Offer", "Location", "Provider", "Contract", KindCatalogue];

    public string? From { get; init; }
    public string? To { get; init; }
    public string? Kind { get; init; }
    public string? Action { get; init; }
    public string? Person { get; init; }

    public static HistoryFilter Read(IQueryCollection q) => new()
    {
        From = Blank(q["van"]), To = Blank(q["tot"]), Kind = Blank(q["soort"]), Action = Blank(q["wijziging"]), Person = Blank(q["persoon"]),
    };

    /// <summary>The same filter as query string values, for links (the CSV download) that keep it.</summary>
    public Dictionary<string, string?> RouteValues() => new() { ["van"] = From, ["tot"] = To, ["soort"] = Kind, ["wijziging"] = Action, ["persoon"] = Person };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One history entry as the pages and the CSV show it: the record it is about in words.</summary>
public sealed record HistoryRow(AuditEntry Entry, string Record);

public sealed record HistoryView(List<HistoryRow> Rows, bool More, List<string> People, HistoryNames Names);

/// <summary>
/// Reads the history of an organisation or a region, filtered by period, kind of record, kind of change and person,
/// newest first. The same rows feed the page and the CSV export.
/// </summary>
public sealed class HistoryLog(StartpuntDb db, IStringLocalizer<SharedResource> L)
{
    public const int PageRows = 200;
    public const int ExportRows = 100_000;

    public IQueryable<AuditEntry> OfOrganisation(int providerId) => db.AuditEntries.AsNoTracking().Where(a => a.ProviderId == providerId);

    /// <summary>
    /// A region's history: its offers and contracts, its catalogue, and the profile and locations of providers that
    /// work in the region. (An organisation working in two regions shows its profile in both.)
    /// </summary>
    public IQueryable<AuditEntry> OfRegion(string regionId, IQueryable<int> providers) => db.AuditEntries.AsNoTracking().Where(a =>
        (a.EntityType == "Offer" && db.Offers.IgnoreQueryFilters().Any(o => o.Id == a.EntityId && o.RegionId == regionId))
        || (a.EntityType == "Contract" && db.Contracts.Any(c => c.Id == a.EntityId && c.Product!.RegionId == regionId))
        || ((a.EntityType == "Provider" || a.EntityType == "Location") && a.ProviderId != null && providers.Contains(a.ProviderId.Value))
        || (a.EntityType == "Product" && db.Products.Any(p => p.Id == a.EntityId && p.RegionId == regionId))
        || (a.EntityType == "ProductLevel" && db.ProductLevels.Any(l => l.Id == a.EntityId && db.Products.Any(p => p.Id == l.ProductId && p.RegionId == regionId)))
        || (a.EntityType == "Lot" && db.Lots.Any(l => l.Id == a.EntityId && l.RegionId == regionId)));

    /// <summary>Checks the filter (messages go to the model state, keyed by the query names) and reads the rows.</summary>
    public async Task<HistoryView?> ReadAsync(IQueryable<AuditEntry> scope, HistoryFilter filter, ModelStateDictionary state, int limit, CancellationToken ct)
    {
        var from = ParseDate(filter.From, "van", state);
        var to = ParseDate(filter.To, "tot", state);
        if (from is not null && to is not null && from > to) state.AddModelError("van", L["De begindatum ligt na de einddatum. Draai ze om."]);
        if (filter.Kind is not null && !HistoryFilter.Kinds.Contains(filter.Kind)) state.AddModelError("soort", L["Kies een soort uit de lijst."]);
        if (filter.Action is not null && !AuditActions.All.Contains(filter.Action)) state.AddModelError("wijziging", L["Kies een wijziging uit de lijst."]);
        var people = await scope.Select(a => a.UserName).Distinct().OrderBy(n => n).ToListAsync(ct);
        if (filter.Person is not null && !people.Contains(filter.Person)) state.AddModelError("persoon", L["Kies een persoon uit de lijst."]);
        if (!state.IsValid) return null;

        var query = scope;
        if (from is { } f) { var start = Utc(f); query = query.Where(a => a.At >= start); }
        if (to is { } t) { var end = Utc(t.AddDays(1)); query = query.Where(a => a.At < end); }
        if (filter.Kind == HistoryFilter.KindCatalogue) query = query.Where(a => a.EntityType == "Product" || a.EntityType == "ProductLevel" || a.EntityType == "Lot");
        else if (filter.Kind is { } kind) query = query.Where(a => a.EntityType == kind);
        if (filter.Action is { } action) query = query.Where(a => a.Action == action);
        if (filter.Person is { } person) query = query.Where(a => a.UserName == person);
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(limit + 1).ToListAsync(ct);
        var more = entries.Count > limit;
        if (more) entries.RemoveAt(limit);
        var names = await HistoryNames.LoadAsync(db, entries, ct);
        return new HistoryView(entries.Select(e => new HistoryRow(e, names.Record(e, L))).ToList(), more, people, names);
    }

    /// <summary>The kind of record in words, for the filter and the rows.</summary>
    public static string KindLabel(string kind) => kind switch
    {
        "Offer" => "Aanbod",
        "Location" => "Locatie",
        "Provider" => "Organisatie",
        "Contract" => "Contract",
        _ => "Catalogus",
    };

    private DateOnly? ParseDate(string? value, string key, ModelStateDictionary state)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100) return d;
        state.AddModelError(key, L["Vul een datum in zoals 2026-01-01."]);
        return null;
    }

    /// <summary>Midnight of a Dutch day, in UTC (the history is stored in UTC).</summary>
    private static DateTime Utc(DateOnly day) => Dates.FromDutchTime(day.ToDateTime(TimeOnly.MinValue));
}

/// <summary>The history as CSV: one row per changed field, so that it can be sorted and filtered in a spreadsheet.</summary>
public static class HistoryCsv
{
    public static Task<Microsoft.AspNetCore.Mvc.FileContentResult> FileAsync(string fileName, HistoryView view, IStringLocalizer L) => ExcelCsv.FileAsync(fileName, async csv =>
    {
        foreach (var header in new[] { "Datum", "Tijd", "Door", "Onderdeel", "Wijziging", "Veld", "Oud", "Nieuw" }) csv.WriteField(L[header].Value);
        await csv.NextRecordAsync();
        foreach (var row in view.Rows)
        {
            var e = row.Entry;
            var changes = HistoryWords.Changes(e).Where(c => c.Field != "ConfirmedBy").ToList();
            foreach (var c in changes.Count == 0 ? [null] : changes.Cast<FieldChange?>())
            {
                var local = Dates.ToDutchTime(e.At);
                csv.WriteField(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(local.ToString("HH:mm", CultureInfo.InvariantCulture));
                csv.WriteField(e.UserName);
                csv.WriteField(row.Record);
                csv.WriteField(HistoryWords.Title(e, L));
                csv.WriteField(c is null ? "" : HistoryWords.FieldLabel(c.Field, L));
                csv.WriteField(c is null ? "" : view.Names.Value(c.Field, c.Old, L));
                csv.WriteField(c is null ? "" : view.Names.Value(c.Field, c.New, L));
                await csv.NextRecordAsync();
            }
        }
    });
}

/// <summary>
/// What the shared history partial shows: the filter form (sent to the page <paramref name="Page"/> with its
/// <paramref name="Route"/> values; <paramref name="Hidden"/> travel in the query) and the rows.
/// </summary>
public sealed record HistoryListModel(HistoryFilter Filter, HistoryView? View, string Page, Dictionary<string, string> Route, IReadOnlyDictionary<string, string> Hidden);
