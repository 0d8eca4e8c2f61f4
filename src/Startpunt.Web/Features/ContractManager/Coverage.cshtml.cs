using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio/dekking: where in the region a product cannot be had nearby; on a map and as a list.</summary>
[Authorize(Policy = Roles.ContractManager)]
public sealed class CoverageModel(RegionScope scope, Coverage coverage, StartpuntDb db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "product")] public string? Product { get; set; }
    [BindProperty(SupportsGet = true, Name = "km")] public string? Km { get; set; }

    public Domain.Region Region { get; private set; } = null!;
    public List<Product> Products { get; private set; } = [];
    public Product? Chosen { get; private set; }
    public double RadiusKm { get; private set; } = 10;
    public List<AreaCoverage> Areas { get; private set; } = [];
    public string MapData { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        Region = region;
        Products = await db.Products.AsNoTracking().Where(p => p.RegionId == region.Id && p.Delivery != Delivery.Transport).OrderBy(p => p.SortOrder).ToListAsync(ct);
        Chosen = string.IsNullOrEmpty(Product)
            ? Products.FirstOrDefault(p => p.Kind == ProductKind.Dagbesteding) ?? Products.FirstOrDefault()
            : Products.FirstOrDefault(p => p.Id.ToString(CultureInfo.InvariantCulture) == Product);
        if (Chosen is null) ModelState.AddModelError("product", L["Kies een product uit de lijst."]);
        if (!string.IsNullOrEmpty(Km))
        {
            if (double.TryParse(Km.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km is >= 1 and <= 100) RadiusKm = km;
            else ModelState.AddModelError("km", L["Kies een afstand van 1 tot en met 100 km."]);
        }
        if (ModelState.ErrorCount > 0 || Chosen is null) return Page();
        Areas = await coverage.ComputeAsync(region, Chosen, RadiusKm, clock.GetUtcNow().UtcDateTime, ct);
        MapData = JsonSerializer.Serialize(Areas.Select(a => new { pc4 = a.Pc4, place = a.Place, lat = a.Latitude, lon = a.Longitude, covered = a.Covered }));
        return Page();
    }
}
