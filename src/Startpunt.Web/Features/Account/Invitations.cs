using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Mail;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// Invitations: a single-use link that expires. Only a hash of the token is stored, so a copy of the database
/// cannot be used to accept an invitation.
/// </summary>
public sealed class Invitations(StartpuntDb db, IMailSender mail, Installation installation, TimeProvider clock,
    UserManager<StartpuntUser> users, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, ILogger<Invitations> log)
{
    /// <summary>Stores the invitation and mails the link; null (and nothing stored) when the mail could not be sent.</summary>
    public async Task<string?> CreateAsync(string email, string role, int? providerId, string? regionId, string invitedBy, CancellationToken ct,
        bool organisationAdministrator = false)
    {
        var token = WebEncoders(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            Email = email.Trim(),
            Role = role,
            ProviderId = providerId,
            OrganisationAdministrator = providerId is not null && organisationAdministrator,
            RegionId = regionId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
            InvitedBy = invitedBy,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        var organisation = providerId is null ? null : await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(ct);
        var link = $"{installation.BaseUrl()}/account/uitnodiging/{token}";
        var body = string.Join("\n", new[]
        {
            L["Hallo,"].Value,
            "",
            organisation is null
                ? L["{0} nodigt u uit voor Startpunt als {1}.", invitedBy, L[Roles.Label(role)].Value].Value
                : L["{0} nodigt u uit om voor {1} het aanbod en de wachttijden in Startpunt bij te houden.", invitedBy, organisation].Value,
            "",
            L["Maak uw account met deze link. De link werkt één keer en tot {0}:", Features.Shared.Dates.Long(now + Invitation.Lifetime)].Value,
            link,
            "",
            L["Kent u deze uitnodiging niet? Dan kunt u deze e-mail negeren."].Value,
        });
        try
        {
            await mail.SendAsync(new MailMessageContent(email.Trim(), L["Uitnodiging voor Startpunt"], body), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Invitation mail to {Email} could not be sent", email);
            db.Invitations.Remove(invitation);
            await db.SaveChangesAsync(CancellationToken.None);
            return null;
        }
        return token;
    }

    public async Task<Invitation?> FindUsableAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsUsable(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    /// <summary>Creates the account the invitation is for and uses the invitation up; errors are Identity's.</summary>
    public async Task<(StartpuntUser? User, IEnumerable<IdentityError> Errors)> AcceptAsync(Invitation invitation, string displayName, string password, CancellationToken ct)
    {
        var user = new StartpuntUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true, // the link arrived in this mailbox
            DisplayName = displayName.Trim(),
            RegionId = invitation.RegionId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (null, created.Errors);
        await users.AddToRoleAsync(user, invitation.Role);
        if (invitation.ProviderId is { } providerId)
            db.OrganisationMembers.Add(new OrganisationMember { UserId = user.Id, ProviderId = providerId, IsAdministrator = invitation.OrganisationAdministrator });
        invitation.UsedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (user, []);
    }

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string WebEncoders(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
