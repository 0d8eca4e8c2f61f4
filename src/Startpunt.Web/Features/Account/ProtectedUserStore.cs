using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// Identity's store, with the authenticator key and the recovery codes (the tokens Identity keeps for itself) encrypted
/// with data protection: a copy of the database alone does not give anyone a second factor. The keys live in
/// <c>DataProtection:KeysDirectory</c>, outside the database.
/// </summary>
public sealed class ProtectedUserStore(StartpuntDb context, IDataProtectionProvider protection, AccountHistory.AccountEventWriter history,
    IdentityErrorDescriber? describer = null)
    : UserStore<StartpuntUser, IdentityRole, StartpuntDb>(context, describer)
{
    /// <summary>The login provider name Identity's store uses for its own tokens (authenticator key, recovery codes).</summary>
    private const string InternalLoginProvider = "[AspNetUserStore]";
    private const string Prefix = "dp1:";
    private readonly IDataProtector _protector = protection.CreateProtector("Startpunt.Identity.InternalTokens.v1");

    public override Task SetTokenAsync(StartpuntUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
        => base.SetTokenAsync(user, loginProvider, name,
            loginProvider == InternalLoginProvider && value is not null ? Prefix + _protector.Protect(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(StartpuntUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var value = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (loginProvider != InternalLoginProvider || value is null || !value.StartsWith(Prefix, StringComparison.Ordinal)) return value;
        try { return _protector.Unprotect(value[Prefix.Length..]); }
        // Keys lost or replaced: the person sets up two-step sign-in again (an administrator can reset it).
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    /// <summary>A recovery code used up: recorded in the save that stores the shorter list (Identity saves right after this).</summary>
    public override async Task<bool> RedeemCodeAsync(StartpuntUser user, string code, CancellationToken cancellationToken)
    {
        var redeemed = await base.RedeemCodeAsync(user, code, cancellationToken);
        if (redeemed) history.Add(AccountEventKinds.RecoveryCodeUsed, user, user.Email ?? "");
        return redeemed;
    }
}
