using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>
/// The one check every provider handler makes: is the signed-in person a member of this organisation? Anything else
/// (another organisation's id, an offer of another organisation) is treated as not found, so that no data leaks.
/// </summary>
public sealed class Membership(StartpuntDb db)
{
    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The organisation, when the person is a provider's editor and a member of it; otherwise null.</summary>
    public async Task<Domain.Provider?> OrganisationAsync(ClaimsPrincipal user, int providerId, CancellationToken ct)
    {
        var userId = UserId(user);
        if (userId is null || !user.IsInRole(Roles.Provider)) return null;
        return await db.Providers.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == providerId && db.OrganisationMembers.Any(m => m.UserId == userId && m.ProviderId == p.Id), ct);
    }

    public Task<List<int>> OrganisationIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        return db.OrganisationMembers.Where(m => m.UserId == userId).Select(m => m.ProviderId).ToListAsync(ct);
    }
}
