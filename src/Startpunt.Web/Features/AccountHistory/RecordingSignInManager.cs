using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.AccountHistory;

/// <summary>
/// Identity's sign-in, with every attempt in the account history: by password, with the authenticator app and with a
/// recovery code; success and failure, and why it failed. (A wrong code or password also counts towards the lockout,
/// which Data/AccountAudit records in the save that sets it.)
/// </summary>
public sealed class RecordingSignInManager(UserManager<StartpuntUser> users, IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<StartpuntUser> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<StartpuntUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<StartpuntUser> confirmation, AccountEventWriter history)
    : SignInManager<StartpuntUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public const string ByPassword = "password";
    public const string ByAuthenticator = "app";
    public const string ByRecoveryCode = "recovery-code";
    public const string Locked = "locked";
    public const string NotAllowed = "not-allowed";
    public const string Unknown = "unknown";
    public const string Deactivated = "deactivated";

    /// <summary>How someone signed in or why it failed, in words (the stored detail is a list of codes).</summary>
    public static string DetailLabel(string code) => code switch
    {
        ByPassword => "met wachtwoord",
        ByAuthenticator => "met de code uit de app",
        ByRecoveryCode => "met een herstelcode",
        Locked => "account geblokkeerd",
        NotAllowed => "niet toegestaan",
        Unknown => "onbekend e-mailadres",
        Deactivated => "het account is uitgeschakeld",
        _ => code,
    };

    public override async Task<SignInResult> PasswordSignInAsync(StartpuntUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        // Password right, second step to come: that step is the sign-in.
        if (!result.RequiresTwoFactor) await RecordAsync(user, result, ByPassword);
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null) await RecordAsync(user, result, ByAuthenticator);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null) await RecordAsync(user, result, ByRecoveryCode);
        return result;
    }

    /// <summary>A refused attempt for an address the portal does not let in (unknown, switched off, a demo account outside a demo).</summary>
    public Task RecordRefusedAsync(StartpuntUser? user, string typedEmail, string reason) =>
        history.RecordAsync(AccountEventKinds.SignInFailed, user, typedEmail, reason);

    private Task RecordAsync(StartpuntUser user, SignInResult result, string how) => result.Succeeded
        ? history.RecordAsync(AccountEventKinds.SignedIn, user, user.Email ?? "", how)
        : history.RecordAsync(AccountEventKinds.SignInFailed, user, user.Email ?? "", result.IsLockedOut ? $"{how},{Locked}" : result.IsNotAllowed ? $"{how},{NotAllowed}" : how);
}
