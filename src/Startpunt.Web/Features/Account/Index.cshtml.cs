using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

[Authorize]
public sealed class IndexModel(UserManager<StartpuntUser> users, StartpuntDb db) : PageModel
{
    public StartpuntUser Me { get; private set; } = null!;
    public IList<string> MyRoles { get; private set; } = [];
    public string? RegionName { get; private set; }
    public List<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        Me = me;
        MyRoles = await users.GetRolesAsync(me);
        RegionName = await db.Regions.Where(r => r.Id == me.RegionId).Select(r => r.Name).SingleOrDefaultAsync(ct);
        Organisations = (await db.OrganisationMembers.Where(m => m.UserId == me.Id).Select(m => new { m.ProviderId, m.Provider!.Name }).ToListAsync(ct))
            .Select(o => (o.ProviderId, o.Name)).ToList();
        return Page();
    }
}
