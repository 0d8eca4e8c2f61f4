using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Mail;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// Reset links: Identity's password-reset token (one hour; used up when the password changes the security stamp) in a
/// link to /account/nieuw-wachtwoord. One mail per address per <see cref="MailInterval"/>, whoever asks.
/// </summary>
public sealed class PasswordReset(UserManager<StartpuntUser> users, IMailSender mail, Installation installation, IMemoryCache recent,
    IStringLocalizer<SharedResource> L, ILogger<PasswordReset> log)
{
    public static readonly TimeSpan MailInterval = TimeSpan.FromMinutes(2);

    public static string Link(Installation installation, string userId, string token) =>
        $"{installation.BaseUrl()}/account/nieuw-wachtwoord?gebruiker={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(token)}";

    /// <summary>
    /// Mails a reset link when the address belongs to an account that may sign in; does nothing otherwise. The caller
    /// shows the same answer either way.
    /// </summary>
    public async Task RequestAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.Deactivated || (user.IsDemo && !installation.IsDemo)) return;
        if (!recent.TryGetValue(("reset", user.Id), out _)) await SendAsync(user, ct);
    }

    /// <summary>Sends the link (also when an administrator sends it for someone).</summary>
    public async Task SendAsync(StartpuntUser user, CancellationToken ct)
    {
        recent.Set(("reset", user.Id), true, MailInterval);
        var link = Link(installation, user.Id, await users.GeneratePasswordResetTokenAsync(user));
        var body = string.Join("\n",
            L["Hallo {0},", user.DisplayName].Value,
            "",
            L["Iemand vroeg een nieuw wachtwoord aan voor uw account in Startpunt. Kies een nieuw wachtwoord met deze link. De link werkt één keer en 1 uur lang:"].Value,
            link,
            "",
            L["Vroeg u dit niet aan? Dan kunt u deze e-mail negeren. Uw wachtwoord blijft hetzelfde."].Value);
        try
        {
            await mail.SendAsync(new MailMessageContent(user.Email!, L["Nieuw wachtwoord voor Startpunt"], body), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer on the page stays the same; the operator sees why in the log.
            log.LogError(e, "Password reset mail for user {UserId} could not be sent", user.Id);
        }
    }
}
