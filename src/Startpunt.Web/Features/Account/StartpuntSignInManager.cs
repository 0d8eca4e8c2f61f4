using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// Identity's sign-in with two additions: a switched-off person cannot sign in by any route (password, two-step code,
/// recovery code) and their open sessions end at the next security-stamp check (every minute); and every real sign-in
/// is remembered as the person's last sign-in (a refresh of the cookie is not a sign-in).
/// </summary>
public sealed class StartpuntSignInManager(UserManager<StartpuntUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<StartpuntUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<StartpuntUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StartpuntUser> confirmation, TimeProvider clock)
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
}
