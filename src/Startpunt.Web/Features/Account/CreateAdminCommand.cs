using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// `create-admin EMAIL`: the way into a new installation. Creates an administrator without a password and prints a
/// one-time link (Identity's password-reset token) where that person chooses one. Run again for a new link as long as
/// no password was chosen.
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? email, TextWriter output, TextWriter errors)
    {
        if (string.IsNullOrWhiteSpace(email) || email.StartsWith('-') || !new EmailAddressAttribute().IsValid(email.Trim()))
        {
            await errors.WriteLineAsync("Usage: create-admin EMAIL (the administrator's e-mail address).");
            return 2;
        }
        email = email.Trim();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await Data.Content.DemoAccounts.EnsureRolesAsync(roles);

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new StartpuntUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0],
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                await errors.WriteLineAsync(string.Join(" ", created.Errors.Select(e => e.Description)));
                return 1;
            }
            await users.AddToRoleAsync(user, Roles.Administrator);
        }
        else if (!await users.IsInRoleAsync(user, Roles.Administrator) || await users.HasPasswordAsync(user) || user.IsDemo)
        {
            await errors.WriteLineAsync($"{email} already has an account with a password or another role; it was not changed. " +
                                        "An administrator who forgot the password uses \"Wachtwoord vergeten?\" on the sign-in page.");
            return 1;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = PasswordReset.Link(scope.ServiceProvider.GetRequiredService<Installation>(), user.Id, token);
        await output.WriteLineAsync($"Administrator {email} is ready. Open this link within {AccountSetup.ResetLinkLifetime.TotalMinutes:0} minutes to choose a password (it works once):");
        await output.WriteLineAsync(link);
        return 0;
    }
}
