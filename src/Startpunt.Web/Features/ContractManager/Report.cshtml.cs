using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.ContractManager;

public sealed record ProductFigures(string Product, int Offers, double? P25, double? Median, double? P75);

/// <summary>/regio/rapportage: the region's figures for a period, as a printable page and as CSV.</summary>
[Authorize(Policy = Roles.ContractManager)]
public sealed class ReportModel(RegionScope scope, Trends trends, StartpuntDb db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "van")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public string? To { get; set; }

    public Domain.Region Region { get; private set; } = null!;
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public int Providers { get; private set; }
    public int Offers { get; private set; }
    public double FreshShare { get; private set; }
    public int Changes { get; private set; }
    public int Confirmations { get; private set; }
    public int RemindersSent { get; private set; }
    public List<ProductFigures> PerProduct { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) switch
    {
        null => NotFound(),
        _ => Page(),
    };

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var ok = await LoadAsync(ct);
        if (ok is null) return NotFound();
        if (ok == false) return Page();
        return await ExcelCsv.FileAsync($"startpunt-rapportage-{Region.Id}-{Start:yyyyMMdd}-{End:yyyyMMdd}.csv", async csv =>
        {
            await csv.RowAsync(L["Regio"].Value, Region.Name);
            await csv.RowAsync(L["Periode"].Value, Start.ToString("yyyy-MM-dd"), End.ToString("yyyy-MM-dd"));
            await csv.RowAsync(L["Aanbieders"].Value, Providers);
            await csv.RowAsync(L["Aanbiedingen"].Value, Offers);
            await csv.RowAsync(L["Bevestigd in de laatste 7 dagen"].Value, Math.Round(FreshShare * 100, 1));
            await csv.RowAsync(L["Wijzigingen"].Value, Changes);
            await csv.RowAsync(L["Bevestigingen"].Value, Confirmations);
            await csv.RowAsync(L["Herinneringen verstuurd"].Value, RemindersSent);
            await csv.RowAsync();
            await csv.RowAsync(L["Product"].Value, L["Aanbiedingen"].Value, L["25e percentiel"].Value, L["Mediaan"].Value, L["75e percentiel"].Value);
            foreach (var p in PerProduct) await csv.RowAsync(p.Product, p.Offers, p.P25, p.Median, p.P75);
        });
    }

    /// <summary>null: not found; false: the period needs correcting; true: figures loaded.</summary>
    private async Task<bool?> LoadAsync(CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return null;
        Region = region;
        var today = DateOnly.FromDateTime(Shared.Dates.ToDutchTime(clock.GetUtcNow().UtcDateTime));
        End = today;
        Start = today.AddMonths(-6);
        if (!string.IsNullOrEmpty(To))
        {
            if (TryDate(To, out var end)) End = end;
            else ModelState.AddModelError("tot", L["Vul een datum in zoals 2026-06-30."]);
        }
        if (!string.IsNullOrEmpty(From))
        {
            if (TryDate(From, out var start)) Start = start;
            else ModelState.AddModelError("van", L["Vul een datum in zoals 2026-01-01."]);
        }
        if (ModelState.ErrorCount == 0)
        {
            if (Start > End) ModelState.AddModelError("van", L["De begindatum ligt na de einddatum. Draai ze om."]);
            else if (End > today) ModelState.AddModelError("tot", L["De einddatum ligt in de toekomst. Kies vandaag of eerder."]);
            else if (End.DayNumber - Start.DayNumber > 731) ModelState.AddModelError("van", L["Kies een periode van hooguit twee jaar."]);
        }
        if (ModelState.ErrorCount > 0) return false;

        var startUtc = Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var endUtc = End.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        if (endUtc > clock.GetUtcNow().UtcDateTime) endUtc = clock.GetUtcNow().UtcDateTime;
        var offerIds = await db.Offers.AsNoTracking().Where(o => o.RegionId == region.Id && !o.Paused && o.CreatedAt <= endUtc).Select(o => new { o.Id, o.ProviderId }).ToListAsync(ct);
        var ids = offerIds.Select(o => o.Id).ToList();
        Offers = ids.Count;
        Providers = offerIds.Select(o => o.ProviderId).Distinct().Count();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Offer" && ids.Contains(a.EntityId) && a.At <= endUtc)
            .Select(a => new { a.EntityId, a.At, a.Action }).ToListAsync(ct);
        Changes = entries.Count(e => e.At >= startUtc && e.Action == AuditActions.Updated);
        Confirmations = entries.Count(e => e.At >= startUtc && e.Action is AuditActions.Confirmed or AuditActions.Updated);
        var recent = Confirmation.OverdueBefore(endUtc);
        // Fresh at the end of the period: the offer's last confirmation or change then was within the reminder period.
        FreshShare = Offers == 0 ? 1 : (double)entries.GroupBy(e => e.EntityId).Count(g => g.Max(e => e.At) >= recent) / Offers;
        var providerIds = offerIds.Select(o => o.ProviderId).Distinct().ToList();
        RemindersSent = await db.Reminders.CountAsync(r => providerIds.Contains(r.ProviderId) && r.SentAt >= startUtc && r.SentAt <= endUtc, ct);
        foreach (var product in await db.Products.AsNoTracking().Where(p => p.RegionId == region.Id && p.Kind != ProductKind.Vervoer).OrderBy(p => p.SortOrder).ToListAsync(ct))
        {
            var point = (await trends.ComputeAsync(region.Id, new TrendFilter(product.Id, null, null, 1), endUtc, ct)).Single();
            PerProduct.Add(new ProductFigures(product.Name, point.Offers, point.P25, point.Median, point.P75));
        }
        return true;
    }

    private static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 2000 and <= 2100;
}
