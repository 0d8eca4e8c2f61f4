using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Freshness;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio: the freshness dashboard. Who keeps data current, for the whole region and per provider; remind now.</summary>
[Authorize(Policy = Roles.ContractManager)]
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
        var name = User.FindFirst(Data.StartpuntClaims.DisplayName)?.Value ?? "?";
        Status = await reminders.SendAsync(providerId, name, ct)
            ? L["De herinnering is verstuurd."]
            : L["Er is geen herinnering verstuurd: deze aanbieder heeft geen aanbod dat bevestigd moet worden, of geen e-mailadres."];
        return RedirectToPage("/ContractManager/Index", new { regio = region.Id, sorteer = string.IsNullOrEmpty(Sort) ? null : Sort });
    }
}
