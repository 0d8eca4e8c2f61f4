using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio/aanbieders: the region's providers; invite their first user, deactivate or activate them.</summary>
[Authorize(Policy = Roles.ContractManager)]
[RegionAccess]
public sealed class ProvidersModel(RegionScope scope, RegionalDeactivation deactivation, StartpuntDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    public Domain.Region Region { get; private set; } = null!;
    public List<ProviderRow> Providers { get; private set; } = [];
    [TempData] public string? Status { get; set; }
    public string? Error { get; private set; }
    /// <summary>The provider whose deactivation waits for confirmation (and a reason), with what it would do.</summary>
    public ProviderRow? Confirming { get; private set; }
    public string? Reason { get; set; }

    public sealed record ProviderRow(Domain.Provider Provider, int Offers, int Contracts, int Members, string? DeactivationReason);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        Region = region;
        Providers = await scope.Providers(region.Id).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ProviderRow(p,
                p.Offers.Count(o => o.RegionId == region.Id),
                p.Contracts.Count(c => c.Product!.RegionId == region.Id),
                db.OrganisationMembers.Count(m => m.ProviderId == p.Id),
                db.ProviderDeactivations.Where(d => d.ProviderId == p.Id && d.RegionId == region.Id).Select(d => d.Reason).FirstOrDefault()))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>"Deactiveren" first asks for a reason and names what will happen; only the button on that question deactivates.</summary>
    public async Task<IActionResult> OnGetConfirmDeactivateAsync(int providerId, CancellationToken ct)
    {
        if (await OnGetAsync(ct) is not PageResult page) return NotFound();
        Confirming = Providers.FirstOrDefault(p => p.Provider.Id == providerId);
        return Confirming is null ? NotFound() : page;
    }

    /// <summary>Pauses every offer of the provider in this region, with the reason; its people can no longer change them.</summary>
    public async Task<IActionResult> OnPostDeactivateAsync(int providerId, [FromForm] string? reason, CancellationToken ct)
    {
        if (await OnGetConfirmDeactivateAsync(providerId, ct) is not PageResult page) return NotFound();
        Reason = reason;
        if (string.IsNullOrWhiteSpace(reason)) ModelState.AddModelError(nameof(Reason), L["Schrijf kort waarom u deze aanbieder deactiveert."]);
        else if (reason.Trim().Length > ProviderDeactivation.ReasonMaxLength) ModelState.AddModelError(nameof(Reason), L["Gebruik hooguit {0} tekens.", ProviderDeactivation.ReasonMaxLength]);
        if (!ModelState.IsValid) return page;
        return await OutcomeAsync(await deactivation.DeactivateAsync(providerId, Region.Id, reason!, ct), providerId,
            L["{0} is gedeactiveerd in regio {1}. Het aanbod daar staat niet meer in de zoekresultaten.", Confirming!.Provider.Name, Region.Name], ct);
    }

    public async Task<IActionResult> OnPostActivateAsync(int providerId, CancellationToken ct)
    {
        if (await OnGetAsync(ct) is not PageResult) return NotFound();
        if (Providers.FirstOrDefault(p => p.Provider.Id == providerId) is not { } row) return NotFound();
        return await OutcomeAsync(await deactivation.ActivateAsync(providerId, Region.Id, ct), providerId,
            L["{0} is weer actief in regio {1}. Het aanbod staat weer in de zoekresultaten.", row.Provider.Name, Region.Name], ct);
    }

    private async Task<IActionResult> OutcomeAsync(DeactivationOutcome outcome, int providerId, string done, CancellationToken ct)
    {
        if (outcome == DeactivationOutcome.Done)
        {
            Status = done;
            return RedirectToPage("/ContractManager/Providers", new { regio = Region.Id });
        }
        var name = Providers.First(p => p.Provider.Id == providerId).Provider.Name;
        await OnGetAsync(ct);
        Confirming = null;
        Error = deactivation.Message(outcome, name);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
