using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data.Content;

/// <summary>One account per role for trying the portal; only created with demo content and shown on the sign-in page.</summary>
public static class DemoAccounts
{
    public const string Password = "startpunt-demo-2026";

    public sealed record Account(string Email, string Name, string Role, string Description, string? RegionId, string? ProviderOf);

    /// <summary>The provider accounts keep the largest demo organisation of their region (Westfriesland has one of 20 offers).</summary>
    public static readonly Account[] All =
    [
        new("aanbieder@demo.startpunt.example", "Anna Aanbieder", Roles.Provider, "Medewerker aanbieder (Westfriesland, 20 aanbiedingen)", null, "westfriesland"),
        new("aanbieder2@demo.startpunt.example", "Bram Bakker", Roles.Provider, "Medewerker aanbieder (Midden-Holland)", null, "midden-holland"),
        new("consulent@demo.startpunt.example", "Carla Consulent", Roles.Consultant, "Consulent (Westfriesland)", "westfriesland", null),
        new("contractmanager@demo.startpunt.example", "Daan Contractmanager", Roles.ContractManager, "Contractmanager (Westfriesland)", "westfriesland", null),
        new("beheerder@demo.startpunt.example", "Eva Beheerder", Roles.Administrator, "Beheerder", null, null),
    ];

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    public static async Task CreateAsync(StartpuntDb db, UserManager<StartpuntUser> users, DateTime now, CancellationToken ct)
    {
        foreach (var a in All)
        {
            if (await users.FindByEmailAsync(a.Email) is not null) continue;
            var user = new StartpuntUser
            {
                UserName = a.Email, Email = a.Email, EmailConfirmed = true, DisplayName = a.Name,
                RegionId = a.RegionId, CreatedAt = now, IsDemo = true,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, a.Role);
            if (a.ProviderOf is { } region)
            {
                var providerId = await db.Offers.IgnoreQueryFilters().Where(o => o.RegionId == region)
                    .GroupBy(o => o.ProviderId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(ct);
                db.OrganisationMembers.Add(new OrganisationMember { UserId = user.Id, ProviderId = providerId, IsAdministrator = true });
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
