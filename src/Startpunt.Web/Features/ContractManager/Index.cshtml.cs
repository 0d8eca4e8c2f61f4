using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Freshness;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio: the freshness dashboard. Who keeps data current, for the whole region and per provider; remind now.</summary>
[Authorize(Policy = Roles.ContractManager)]
[RegionAccess]
public sealed class IndexModel(RegionScope scope, Freshness freshness, Reminders reminders, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "sorteer")] public string? Sort { get; set; }
    public Domain.Region Region { get; private set; } = null!;
    public RegionFreshness Figures { get; private set; } = null!;
    public IEnumerable<ProviderFreshness> Rows { get; private set; } = [];
    [TempData] public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        Region = region;
        Figures = await freshness.ComputeAsync(region, clock.GetUtcNow().UtcDateTime, ct);
        Rows = Sort switch
        {
            "naam" => Figures.Providers.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase),
            "achterstand" => Figures.Providers.OrderByDescending(p => p.Overdue).ThenBy(p => p.Share),
            "activiteit" => Figures.Providers.OrderBy(p => p.LastActivity ?? DateTime.MinValue),
            _ => Figures.Providers.OrderBy(p => p.Share).ThenByDescending(p => p.Overdue).ThenBy(p => p.Name, StringComparer.Ordinal),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(int providerId, CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        if (!await scope.IsInRegionAsync(providerId, region.Id, ct)) return NotFound();
        var name = User.FindFirst(Domain.StartpuntClaims.DisplayName)?.Value ?? "?";
        Status = Describe(await reminders.SendAsync(providerId, name, ct));
        return RedirectToPage("/ContractManager/Index", new { regio = region.Id, sorteer = string.IsNullOrEmpty(Sort) ? null : Sort });
    }

    /// <summary>"Herinner alle te late aanbieders": one reminder to every provider with overdue offers, except those reminded today.</summary>
    public async Task<IActionResult> OnPostRemindAllAsync(CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        var name = User.FindFirst(Domain.StartpuntClaims.DisplayName)?.Value ?? "?";
        var figures = await freshness.ComputeAsync(region, clock.GetUtcNow().UtcDateTime, ct);
        var results = new List<ReminderResult>();
        foreach (var p in figures.Providers.Where(p => p.Overdue > 0 && !p.Deactivated).OrderBy(p => p.Name, StringComparer.Ordinal))
            results.Add(await reminders.SendAsync(p.ProviderId, name, ct));
        var sent = results.Where(r => r.Sent).ToList();
        var parts = new List<string>
        {
            sent.Count == 0 ? L["Er zijn geen herinneringen verstuurd."]
                : L["{0} herinneringen verstuurd: {1}.", sent.Count, string.Join("; ", sent.Select(r => $"{r.ProviderName} ({r.To})"))],
        };
        if (results.Count(r => r.Skip == ReminderSkip.AlreadyToday) is > 0 and var today)
            parts.Add(L["{0} aanbieders kregen vandaag al een herinnering.", today]);
        if (results.Where(r => r.Skip == ReminderSkip.NoAddress).Select(r => r.ProviderName).ToList() is { Count: > 0 } noAddress)
            parts.Add(L["Zonder e-mailadres: {0}.", string.Join(", ", noAddress)]);
        Status = string.Join(" ", parts);
        return RedirectToPage("/ContractManager/Index", new { regio = region.Id, sorteer = string.IsNullOrEmpty(Sort) ? null : Sort });
    }

    /// <summary>Whether "remind now" can be pressed for this provider: overdue offers and no reminder in the last day.</summary>
    public bool CanRemind(ProviderFreshness p) =>
        p.Overdue > 0 && !(p.LastReminder > clock.GetUtcNow().UtcDateTime - Reminders.ManualInterval);

    private string Describe(ReminderResult r) => r.Skip switch
    {
        ReminderSkip.None => L["De herinnering aan {0} is verstuurd naar {1}.", r.ProviderName, r.To!],
        ReminderSkip.AlreadyToday => L["{0} kreeg op {1} om {2} al een herinnering. U kunt één keer per dag herinneren.", r.ProviderName,
            Shared.Dates.Long(r.LastSentAt!.Value), Shared.Dates.ToDutchTime(r.LastSentAt.Value).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)],
        ReminderSkip.NoAddress => L["Er is geen herinnering verstuurd: {0} heeft geen e-mailadres.", r.ProviderName],
        _ => L["Er is geen herinnering verstuurd: {0} heeft geen aanbod dat bevestigd moet worden.", r.ProviderName],
    };
}
