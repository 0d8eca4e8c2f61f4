using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio/trends: median and spread of waiting weeks over time, per product, target group and municipality.</summary>
[Authorize(Policy = Roles.ContractManager)]
public sealed class TrendsModel(RegionScope scope, Trends trends, StartpuntDb db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "product")] public string? Product { get; set; }
    [BindProperty(SupportsGet = true, Name = "doelgroep")] public string? TargetGroup { get; set; }
    [BindProperty(SupportsGet = true, Name = "gemeente")] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true, Name = "weken")] public string? Weeks { get; set; }

    public Domain.Region Region { get; private set; } = null!;
    public List<Product> Products { get; private set; } = [];
    public List<TargetGroup> TargetGroups { get; private set; } = [];
    public List<Municipality> Municipalities { get; private set; } = [];
    public List<TrendPoint> Points { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        Region = region;
        Products = await db.Products.AsNoTracking().Where(p => p.RegionId == region.Id && p.Kind != ProductKind.Vervoer).OrderBy(p => p.SortOrder).ToListAsync(ct);
        TargetGroups = await db.TargetGroups.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == region.Id).OrderBy(m => m.Name).ToListAsync(ct);

        int? productId = null;
        if (!string.IsNullOrEmpty(Product))
        {
            if (int.TryParse(Product, out var id) && Products.Any(p => p.Id == id)) productId = id;
            else ModelState.AddModelError("product", L["Kies een product uit de lijst."]);
        }
        if (!string.IsNullOrEmpty(TargetGroup) && TargetGroups.All(t => t.Code != TargetGroup)) ModelState.AddModelError("doelgroep", L["Kies een doelgroep uit de lijst."]);
        if (!string.IsNullOrEmpty(Municipality) && Municipalities.All(m => m.Code != Municipality)) ModelState.AddModelError("gemeente", L["Kies een gemeente uit regio {0}.", region.Name]);
        var weeks = 12;
        if (!string.IsNullOrEmpty(Weeks) && (!int.TryParse(Weeks, NumberStyles.None, CultureInfo.InvariantCulture, out weeks) || weeks is < 2 or > 104))
            ModelState.AddModelError("weken", L["Kies een periode van 2 tot en met 104 weken."]);
        if (ModelState.ErrorCount > 0) return Page();

        Points = await trends.ComputeAsync(region.Id, new TrendFilter(productId, NullIfEmpty(TargetGroup), NullIfEmpty(Municipality), weeks),
            clock.GetUtcNow().UtcDateTime, ct);
        return Page();
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
