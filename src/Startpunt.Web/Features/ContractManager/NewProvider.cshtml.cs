using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio/aanbieders/nieuw: a new provider organisation with its first contract in the region and its first person.</summary>
[Authorize(Policy = Roles.ContractManager)]
[RegionAccess]
public sealed class NewProviderModel(RegionScope scope, NewProvider create, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    [BindProperty] public NewProviderInput Input { get; set; } = new();
    public Domain.Region Region { get; private set; } = null!;
    public List<Product> Products { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var invitedBy = User.FindFirst(StartpuntClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "?";
        if (await create.CreateAsync(Region, Input, invitedBy, ModelState, ct) is not { } providerId) return Page();
        TempData["Status"] = L["{0} is toegevoegd met een contract in regio {1}. De uitnodiging is verstuurd naar {2}.", Input.Name!.Trim(), Region.Name, Input.Email!.Trim()].Value;
        return RedirectToPage("/ContractManager/Contracts", new { providerId, regio = Region.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return false;
        Region = region;
        Products = await create.ProductsAsync(region.Id, ct);
        return true;
    }
}
