using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.People;

public sealed record Person(string Id, string Name, string Email, bool IsAdministrator, DateTime? LastSignInAt, bool TwoFactor, bool Deactivated, int Organisations);

public sealed record OpenInvitation(int Id, string Email, bool OrganisationAdministrator, DateTime SentAt, DateTime ExpiresAt, string InvitedBy);

public sealed record PeopleView(Domain.Provider Organisation, List<Person> People, List<OpenInvitation> Invitations);

/// <summary>What an action on a person or invitation came to: done (with the message), or refused (with why and a status).</summary>
public sealed record PeopleOutcome(bool Done, string Message, int Status = StatusCodes.Status200OK);

/// <summary>
/// The people of an organisation and who may manage them: the organisation's own administrators, the contract managers
/// of a region where it holds a contract, and administrators. One rule, used by every page and action on people.
/// </summary>
public sealed class OrganisationPeople(StartpuntDb db, UserManager<StartpuntUser> users, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<bool> MayManageAsync(ClaimsPrincipal user, int providerId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Administrator)) return await db.Providers.AnyAsync(p => p.Id == providerId, ct);
        if (user.IsInRole(Roles.ContractManager) && user.FindFirstValue(StartpuntClaims.Region) is { } region)
            return await HasContractInAsync(providerId, region, ct);
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return user.IsInRole(Roles.Provider) && await db.OrganisationMembers.AnyAsync(m => m.UserId == me && m.ProviderId == providerId && m.IsAdministrator, ct);
    }

    /// <summary>A contract manager's providers: those with a contract for one of the region's products.</summary>
    public Task<bool> HasContractInAsync(int providerId, string regionId, CancellationToken ct) =>
        db.Contracts.AnyAsync(c => c.ProviderId == providerId && c.Product!.RegionId == regionId, ct);

    public async Task<PeopleView?> ReadAsync(int providerId, CancellationToken ct)
    {
        if (await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, ct) is not { } organisation) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var people = await db.OrganisationMembers.AsNoTracking().Where(m => m.ProviderId == providerId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new Person(u.Id, u.DisplayName, u.Email ?? "", m.IsAdministrator, u.LastSignInAt,
                u.TwoFactorEnabled, u.Deactivated, db.OrganisationMembers.Count(o => o.UserId == u.Id)))
            .ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.ProviderId == providerId && i.UsedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email).Select(i => new OpenInvitation(i.Id, i.Email, i.OrganisationAdministrator, i.CreatedAt, i.ExpiresAt, i.InvitedBy)).ToListAsync(ct);
        return new PeopleView(organisation, people.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList(), invitations);
    }

    /// <summary>Takes a person out of this organisation; their account and other organisations stay.</summary>
    public async Task<PeopleOutcome> RemoveAsync(ClaimsPrincipal actor, int providerId, string? userId, CancellationToken ct)
    {
        var member = await db.OrganisationMembers.SingleOrDefaultAsync(m => m.ProviderId == providerId && m.UserId == userId, ct);
        if (member is null) return NotAMember();
        if (userId == actor.FindFirstValue(ClaimTypes.NameIdentifier)) return new(false, L["U kunt uzelf niet uit de organisatie halen. Vraag dat aan een collega."], StatusCodes.Status400BadRequest);
        var user = (await users.FindByIdAsync(member.UserId))!;
        db.OrganisationMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        await users.UpdateSecurityStampAsync(user);
        return new(true, L["{0} hoort niet meer bij deze organisatie.", user.DisplayName]);
    }

    /// <summary>
    /// Switches a person off (or on again): they cannot sign in, and open sessions end within a minute. Only who may
    /// manage every organisation the person works for may do that; otherwise removing them from this one is the way.
    /// </summary>
    public async Task<PeopleOutcome> SwitchAsync(ClaimsPrincipal actor, int providerId, string? userId, bool off, CancellationToken ct)
    {
        if (!await db.OrganisationMembers.AnyAsync(m => m.ProviderId == providerId && m.UserId == userId, ct)) return NotAMember();
        if (userId == actor.FindFirstValue(ClaimTypes.NameIdentifier)) return new(false, L["U kunt uzelf niet uitschakelen."], StatusCodes.Status400BadRequest);
        foreach (var other in await db.OrganisationMembers.Where(m => m.UserId == userId).Select(m => m.ProviderId).ToListAsync(ct))
        {
            if (!await MayManageAsync(actor, other, ct))
                return new(false, L["Deze persoon werkt ook voor een andere organisatie. U kunt hem of haar alleen uit uw organisatie halen."], StatusCodes.Status403Forbidden);
        }
        var user = (await users.FindByIdAsync(userId!))!;
        return await SwitchAsync(user, off);
    }

    /// <summary>The switch itself, for this page and the administrators' account page.</summary>
    public async Task<PeopleOutcome> SwitchAsync(StartpuntUser user, bool off)
    {
        user.Deactivated = off;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return new(true, off ? L["{0} is uitgeschakeld en kan niet meer inloggen.", user.DisplayName] : L["{0} is weer ingeschakeld en kan weer inloggen.", user.DisplayName]);
    }

    public async Task<PeopleOutcome> RevokeAsync(int providerId, int invitationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.ProviderId == providerId && i.UsedAt == null && i.ExpiresAt > now, ct);
        if (invitation is null) return new(false, L["Deze uitnodiging bestaat niet (meer) bij deze organisatie."], StatusCodes.Status404NotFound);
        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync(ct);
        return new(true, L["De uitnodiging voor {0} is ingetrokken. De link werkt niet meer.", invitation.Email]);
    }

    private PeopleOutcome NotAMember() => new(false, L["Deze persoon hoort niet bij deze organisatie."], StatusCodes.Status404NotFound);
}
