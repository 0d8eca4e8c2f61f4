using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio/catalogus: the region's products and stoplight thresholds, as content/regions/&lt;slug&gt;/region.yml defines them.</summary>
[Authorize(Policy = Roles.ContractManager)]
[RegionAccess]
public sealed class CatalogueModel(RegionScope scope, StartpuntDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    public Domain.Region Region { get; private set; } = null!;
    public List<Lot> Lots { get; private set; } = [];
    public List<Municipality> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region) return NotFound();
        Region = region;
        Lots = await db.Lots.AsNoTracking().Include(l => l.Products).ThenInclude(p => p.Levels).Where(l => l.RegionId == region.Id).OrderBy(l => l.SortOrder).ToListAsync(ct);
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == region.Id).OrderBy(m => m.Name).ToListAsync(ct);
        return Page();
    }
}
