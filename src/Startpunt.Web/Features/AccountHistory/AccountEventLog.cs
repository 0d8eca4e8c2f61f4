using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.AccountHistory;

/// <summary>What the account history filters on, as the query string carries it (Dutch keys, text until checked).</summary>
public sealed class AccountEventFilter
{
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Kind { get; init; }
    public string? Person { get; init; }

    public static AccountEventFilter Read(IQueryCollection q) => new()
    {
        From = Blank(q["van"]), To = Blank(q["tot"]), Kind = Blank(q["soort"]), Person = Blank(q["persoon"]),
    };

    public Dictionary<string, string?> RouteValues() => new() { ["van"] = From, ["tot"] = To, ["soort"] = Kind, ["persoon"] = Person };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record AccountEventView(List<AccountEvent> Rows, bool More);

/// <summary>Reads the account history, all of it or a region's, filtered by period, kind and person, newest first.</summary>
public sealed class AccountEventLog(StartpuntDb db, IStringLocalizer<SharedResource> L)
{
    public const int PageRows = 200;
    public const int ExportRows = 100_000;
    public const int PersonMaxLength = 256;

    public IQueryable<AccountEvent> All() => db.AccountEvents.AsNoTracking();

    /// <summary>
    /// A region's part: events about the organisations that work in the region (memberships, invitations) and about
    /// the people who are a member of one of them now.
    /// </summary>
    public IQueryable<AccountEvent> OfProviders(IQueryable<int> providers) => db.AccountEvents.AsNoTracking().Where(e =>
        (e.ProviderId != null && providers.Contains(e.ProviderId.Value))
        || (e.SubjectId != null && db.OrganisationMembers.Any(m => m.UserId == e.SubjectId && providers.Contains(m.ProviderId))));

    /// <summary>Checks the filter (messages go to the model state, keyed by the query names) and reads the rows.</summary>
    public async Task<AccountEventView?> ReadAsync(IQueryable<AccountEvent> scope, AccountEventFilter filter, ModelStateDictionary state, int limit, CancellationToken ct)
    {
        var from = ParseDate(filter.From, "van", state);
        var to = ParseDate(filter.To, "tot", state);
        if (from is not null && to is not null && from > to) state.AddModelError("van", L["De begindatum ligt na de einddatum. Draai ze om."]);
        if (filter.Kind is not null && !AccountEventKinds.All.Contains(filter.Kind)) state.AddModelError("soort", L["Kies een soort uit de lijst."]);
        if (filter.Person is { Length: > PersonMaxLength }) state.AddModelError("persoon", L["Gebruik hooguit {0} tekens.", PersonMaxLength]);
        if (!state.IsValid) return null;

        var query = scope;
        if (from is { } f) { var start = Utc(f); query = query.Where(e => e.At >= start); }
        if (to is { } t) { var end = Utc(t.AddDays(1)); query = query.Where(e => e.At < end); }
        if (filter.Kind is { } kind) query = query.Where(e => e.Kind == kind);
        if (filter.Person is { } person)
        {
            var p = person.ToLowerInvariant();
            query = query.Where(e => e.SubjectName.ToLower().Contains(p) || e.ActorName.ToLower().Contains(p));
        }
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(ct);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(limit);
        return new AccountEventView(rows, more);
    }

    /// <summary>The event's detail in words: how someone signed in, which role, which organisation.</summary>
    public static string Detail(AccountEvent e, IStringLocalizer L) => e.Detail is null ? "" : e.Kind switch
    {
        AccountEventKinds.SignedIn or AccountEventKinds.SignInFailed =>
            string.Join(", ", e.Detail.Split(',').Select(code => L[SignInDetail.DetailLabel(code)].Value)),
        AccountEventKinds.RoleAdded or AccountEventKinds.RoleRemoved or AccountEventKinds.InvitationSent
            or AccountEventKinds.InvitationAccepted or AccountEventKinds.InvitationRevoked when Roles.All.Contains(e.Detail) => L[Roles.Label(e.Detail)].Value,
        _ => e.Detail,
    };

    private DateOnly? ParseDate(string? value, string key, ModelStateDictionary state)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100) return d;
        state.AddModelError(key, L["Vul een datum in zoals 2026-01-01."]);
        return null;
    }

    private static DateTime Utc(DateOnly day) => Dates.FromDutchTime(day.ToDateTime(TimeOnly.MinValue));
}

/// <summary>The account history as CSV, formulas escaped (Shared/ExcelCsv).</summary>
public static class AccountEventCsv
{
    public static Task<Microsoft.AspNetCore.Mvc.FileContentResult> FileAsync(string fileName, AccountEventView view, IStringLocalizer L) => ExcelCsv.FileAsync(fileName, async csv =>
    {
        foreach (var header in new[] { "Datum", "Tijd", "Gebeurtenis", "Account", "Door", "IP-adres", "Toelichting" }) csv.WriteField(L[header].Value);
        await csv.NextRecordAsync();
        foreach (var e in view.Rows)
        {
            var local = Dates.ToDutchTime(e.At);
            await csv.RowAsync(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                L[AccountEventKinds.Label(e.Kind)].Value, e.SubjectName, e.ActorName, e.Address, AccountEventLog.Detail(e, L));
        }
    });
}
