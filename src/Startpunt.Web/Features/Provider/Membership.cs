using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>
/// The one check every provider handler makes: is the signed-in person a member of this organisation? Anything else
/// (another organisation's id, an offer of another organisation) is treated as not found, so that no data leaks.
/// An administrator may look at any organisation's workspace to help its people, read-only: for GET and HEAD only,
/// so every handler that changes something refuses them, and the page says so and shows its forms disabled.
/// </summary>
public sealed class Membership(StartpuntDb db, IHttpContextAccessor http)
{
    private const string ReadOnlyView = "startpunt:workspace-read-only";

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The organisation the administrator is looking at read-only in this request, or null.</summary>
    public static Domain.Provider? ViewedReadOnly(HttpContext context) => context.Items[ReadOnlyView] as Domain.Provider;

    /// <summary>
    /// The organisation, when the person is a provider's editor and a member of it, or an administrator reading
    /// (GET or HEAD); otherwise null.
    /// </summary>
    public async Task<Domain.Provider?> OrganisationAsync(ClaimsPrincipal user, int providerId, CancellationToken ct)
    {
        var userId = UserId(user);
        if (userId is null) return null;
        if (user.IsInRole(Roles.Provider) && await db.Providers.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Id == providerId && db.OrganisationMembers.Any(m => m.UserId == userId && m.ProviderId == p.Id), ct) is { } own)
            return own;
        if (!user.IsInRole(Roles.Administrator) || http.HttpContext is not { } context
            || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))) return null;
        var viewed = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, ct);
        if (viewed is not null) context.Items[ReadOnlyView] = viewed;
        return viewed;
    }

    /// <summary>The one rule for the workspace: an organisation's offers in a region where it is deactivated are out of its people's hands.</summary>
    public IQueryable<Offer> EditableOffers(int providerId) =>
        db.Offers.Where(o => o.ProviderId == providerId && !db.ProviderDeactivations.Any(d => d.ProviderId == o.ProviderId && d.RegionId == o.RegionId));

    /// <summary>The regions where the organisation is deactivated: its offers there are out of its people's hands.</summary>
    public async Task<List<RegionLock>> LocksAsync(int providerId, CancellationToken ct) =>
        (await db.ProviderDeactivations.AsNoTracking().Where(d => d.ProviderId == providerId)
            .Join(db.Regions, d => d.RegionId, r => r.Id, (d, r) => new { Deactivation = d, r.Name }).OrderBy(x => x.Name).ToListAsync(ct))
        .Select(x => new RegionLock(x.Deactivation, x.Name)).ToList();

    public Task<List<int>> OrganisationIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        return db.OrganisationMembers.Where(m => m.UserId == userId).Select(m => m.ProviderId).ToListAsync(ct);
    }
}

/// <summary>A region where the organisation was deactivated, with the message its people see.</summary>
public sealed record RegionLock(ProviderDeactivation Deactivation, string RegionName)
{
    public string RegionId => Deactivation.RegionId;

    public string Message(Microsoft.Extensions.Localization.IStringLocalizer L) =>
        L["De contractmanager van regio {0} heeft uw organisatie daar gedeactiveerd. Reden: {1}. U kunt uw aanbod in die regio niet wijzigen of weer laten zien. Neem contact op met de contractmanager.", RegionName, Deactivation.Reason];
}
