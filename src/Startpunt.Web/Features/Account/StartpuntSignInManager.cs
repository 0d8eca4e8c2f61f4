using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.AccountHistory;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// Identity's sign-in with two additions: a switched-off person cannot sign in by any route (password, two-step code,
/// recovery code) and their open sessions end at the next security-stamp check (every minute); and every real sign-in
/// is remembered as the person's last sign-in (a refresh of the cookie is not a sign-in); and every attempt is in the
/// account history: by password, with the authenticator app and with a recovery code, success and failure and why it
/// failed. (A wrong code or password also counts towards the lockout, which Data/AccountAudit records in the save that
/// sets it.) One sign-in manager, so that no registration can replace one of these rules with another.
/// </summary>
public sealed class StartpuntSignInManager(UserManager<StartpuntUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<StartpuntUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<StartpuntUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StartpuntUser> confirmation, TimeProvider clock, AccountEventWriter history)
    : SignInManager<StartpuntUser>(users, context, claims, options, logger, schemes, confirmation)
{
    private bool _refreshing;

    public override async Task<bool> CanSignInAsync(StartpuntUser user) => !user.Deactivated && await base.CanSignInAsync(user);

    public override async Task<StartpuntUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { Deactivated: false } user ? user : null;

    public override async Task RefreshSignInAsync(StartpuntUser user)
    {
        _refreshing = true;
        try { await base.RefreshSignInAsync(user); }
        finally { _refreshing = false; }
    }

    public override async Task SignInWithClaimsAsync(StartpuntUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        if (!_refreshing)
        {
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await UserManager.UpdateAsync(user);
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    public override async Task<SignInResult> PasswordSignInAsync(StartpuntUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        // Password right, second step to come: that step is the sign-in.
        if (!result.RequiresTwoFactor) await RecordAsync(user, result, SignInDetail.ByPassword);
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null) await RecordAsync(user, result, SignInDetail.ByAuthenticator);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null) await RecordAsync(user, result, SignInDetail.ByRecoveryCode);
        return result;
    }

    /// <summary>A refused attempt for an address the portal does not let in (unknown, switched off, a demo account outside a demo).</summary>
    public Task RecordRefusedAsync(StartpuntUser? user, string typedEmail, string reason) =>
        history.RecordAsync(AccountEventKinds.SignInFailed, user, typedEmail, reason);

    private Task RecordAsync(StartpuntUser user, SignInResult result, string how) => result.Succeeded
        ? history.RecordAsync(AccountEventKinds.SignedIn, user, user.Email ?? "", how)
        : history.RecordAsync(AccountEventKinds.SignInFailed, user, user.Email ?? "",
            result.IsLockedOut ? $"{how},{SignInDetail.Locked}" : result.IsNotAllowed ? $"{how},{SignInDetail.NotAllowed}" : how);
}
