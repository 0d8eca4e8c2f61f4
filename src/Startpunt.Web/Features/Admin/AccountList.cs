using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Admin;

/// <summary>The filter of the account list as the query string carries it (Dutch keys, text until checked).</summary>
public sealed class AccountFilter
{
    public string? Role { get; init; }
    public string? Region { get; init; }
    public string? Organisation { get; init; }

    public static AccountFilter Read(IQueryCollection q) => new() { Role = Blank(q["rol"]), Region = Blank(q["regio"]), Organisation = Blank(q["organisatie"]) };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record AccountRow(string Id, string Name, string Email, List<string> Roles, string? Region, List<string> Organisations,
    DateTime? LastSignInAt, bool TwoFactor, bool Deactivated);

public sealed record PendingInvitation(string Email, string Role, string? Region, string? Organisation, DateTime ExpiresAt);

public sealed record AccountListView(List<AccountRow> Accounts, List<PendingInvitation> Invitations,
    List<(string Id, string Name)> Regions, List<(int Id, string Name)> Organisations);

/// <summary>Every account and every pending invitation, filtered by role, region and organisation; for administrators.</summary>
public sealed class AccountList(StartpuntDb db, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<AccountListView> ReadAsync(AccountFilter filter, ModelStateDictionary state, CancellationToken ct)
    {
        var regions = (await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        var organisations = (await db.Providers.AsNoTracking().Where(p => db.OrganisationMembers.Any(m => m.ProviderId == p.Id) || db.Invitations.Any(i => i.ProviderId == p.Id))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
        if (filter.Role is not null && !Roles.All.Contains(filter.Role)) state.AddModelError("rol", L["Kies een rol uit de lijst."]);
        if (filter.Region is not null && regions.All(r => r.Id != filter.Region)) state.AddModelError("regio", L["Kies een regio uit de lijst."]);
        int? organisation = int.TryParse(filter.Organisation, out var o) && organisations.Any(x => x.Id == o) ? o : null;
        if (filter.Organisation is not null && organisation is null) state.AddModelError("organisatie", L["Kies een organisatie uit de lijst."]);
        if (!state.IsValid) return new AccountListView([], [], regions, organisations);

        var users = db.Users.AsNoTracking();
        if (filter.Role is { } role) users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        if (filter.Region is { } region)
        {
            var inRegion = db.Providers.Where(Domain.Provider.InRegion(region));
            users = users.Where(u => u.RegionId == region || db.OrganisationMembers.Any(m => m.UserId == u.Id && inRegion.Any(p => p.Id == m.ProviderId)));
        }
        if (organisation is { } id) users = users.Where(u => db.OrganisationMembers.Any(m => m.UserId == u.Id && m.ProviderId == id));
        var found = await users.OrderBy(u => u.DisplayName).Take(500).Select(u => new
        {
            u.Id, u.DisplayName, u.Email, u.RegionId, u.LastSignInAt, u.TwoFactorEnabled, u.Deactivated,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            Organisations = db.OrganisationMembers.Where(m => m.UserId == u.Id).Select(m => m.Provider!.Name).ToList(),
        }).ToListAsync(ct);
        var regionNames = regions.ToDictionary(r => r.Id, r => r.Name);
        var accounts = found.Select(u => new AccountRow(u.Id, u.DisplayName, u.Email ?? "", u.Roles, u.RegionId is null ? null : regionNames.GetValueOrDefault(u.RegionId),
            u.Organisations, u.LastSignInAt, u.TwoFactorEnabled, u.Deactivated)).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        var invitations = db.Invitations.AsNoTracking().Where(i => i.UsedAt == null && i.ExpiresAt > now);
        if (filter.Role is { } r2) invitations = invitations.Where(i => i.Role == r2);
        if (filter.Region is { } g2)
        {
            var inRegion = db.Providers.Where(Domain.Provider.InRegion(g2));
            invitations = invitations.Where(i => i.RegionId == g2 || inRegion.Any(p => p.Id == i.ProviderId));
        }
        if (organisation is { } o2) invitations = invitations.Where(i => i.ProviderId == o2);
        var pending = (await invitations.OrderBy(i => i.Email).Select(i => new { i.Email, i.Role, i.RegionId, Organisation = db.Providers.Where(p => p.Id == i.ProviderId).Select(p => p.Name).FirstOrDefault(), i.ExpiresAt })
            .ToListAsync(ct)).Select(i => new PendingInvitation(i.Email, i.Role, i.RegionId is null ? null : regionNames.GetValueOrDefault(i.RegionId), i.Organisation, i.ExpiresAt)).ToList();
        return new AccountListView(accounts, pending, regions, organisations);
    }
}
