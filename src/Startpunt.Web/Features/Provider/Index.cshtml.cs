using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>/aanbieder: straight to the weekly update of one's organisation, or a choice when there are several.</summary>
[Authorize(Policy = Roles.Provider)]
public sealed class IndexModel(Membership membership, StartpuntDb db) : PageModel
{
    public List<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ids = await membership.OrganisationIdsAsync(User, ct);
        if (ids.Count == 1) return RedirectToPage("/Provider/WeeklyUpdate", new { providerId = ids[0] });
        Organisations = (await db.Providers.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
        return Page();
    }
}
