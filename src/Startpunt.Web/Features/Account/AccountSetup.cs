using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

public sealed class AccountOptions
{
    /// <summary>Sign-in attempts (POST) per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 10;
}

public static class AccountSetup
{
    public const string SignInRateLimit = "sign-in";
    /// <summary>How long a password-reset link (also the one `create-admin` prints) works.</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);

    public static WebApplicationBuilder AddStartpuntAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AccountOptions>(builder.Configuration.GetSection("Accounts"));
        builder.Services.AddIdentity<StartpuntUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<StartpuntDb>()
            .AddUserStore<ProtectedUserStore>()
            .AddSignInManager<StartpuntSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrors>()
            .AddClaimsPrincipalFactory<StartpuntClaimsFactory>();
        // The sign-in page uses the portal's own sign-in manager by its type (to record refused attempts): the same instance.
        builder.Services.AddScoped(s => (StartpuntSignInManager)s.GetRequiredService<SignInManager<StartpuntUser>>());
        // Tokens (reset links), the sign-in cookie and the protected authenticator keys use the one key ring of
        // Cluster/ClusterSetup: kept across restarts and shared with the commands (`create-admin`) and the other nodes.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = ResetLinkLifetime);
        // A switched-off person, a new password or "log out everywhere" ends other sessions within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // The cookie's pages come from routing (no request here: LinkGenerator, read when the first request needs the cookie).
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<LinkGenerator>((o, links) =>
            {
                string PathOf(string page) => links.GetPathByPage(page) ?? throw new InvalidOperationException($"No route to {page}.");
                o.LoginPath = PathOf("/Account/SignIn");
                o.LogoutPath = PathOf("/Account/SignOut");
                o.AccessDeniedPath = PathOf("/Account/AccessDenied");
            });
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "startpunt.auth";
            o.ReturnUrlParameter = "terug"; // the sign-in page reads ?terug=
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        builder.Services.AddAuthorizationBuilder()
            // A page or endpoint is private unless it says [AllowAnonymous] / .AllowAnonymous().
            // A request that matched no endpoint passes, so that it ends as the 404 page rather than at sign-in.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext http && http.GetEndpoint() is null))
                .Build())
            // Administrators may look at a provider's workspace (GET and HEAD), never change it (Provider/Membership).
            .AddPolicy(Roles.Provider, p => p.RequireAssertion(c => c.User.IsInRole(Roles.Provider)
                || (c.User.IsInRole(Roles.Administrator) && c.Resource is HttpContext http
                    && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))))
            .AddPolicy(Roles.ContractManager, p => p.RequireRole(Roles.ContractManager, Roles.Administrator))
            .AddPolicy(Roles.Consultant, p => p.RequireRole(Roles.Consultant, Roles.ContractManager, Roles.Administrator));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, http =>
            {
                // Only attempts count: showing the form is free.
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("get");
                var limit = http.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.SignInPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.Filters.Add(new TwoFactorRequirement());
            o.Filters.Add(new ActiveAccountCheck());
        });
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddScoped<PasswordReset>();
        builder.Services.AddMemoryCache();
        return builder;
    }
}

/// <summary>Adds the display name and region to the sign-in cookie, for the header and the history.</summary>
public sealed class StartpuntClaimsFactory(UserManager<StartpuntUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StartpuntUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StartpuntUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StartpuntClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.RegionId is not null) identity.AddClaim(new Claim(StartpuntClaims.Region, user.RegionId));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactorRequirement.Claim, "on"));
        if (user.IsDemo) identity.AddClaim(new Claim(TwoFactorRequirement.DemoClaim, "yes"));
        return identity;
    }
}

/// <summary>Identity's messages in plain words, Dutch by default and English when chosen.</summary>
public sealed class DutchIdentityErrors(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), L["Het wachtwoord moet minstens {0} tekens hebben.", length]);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), L["Het wachtwoord moet minstens één cijfer hebben."]);
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), L["Het wachtwoord moet minstens één kleine letter hebben."]);
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), L["Het wachtwoord moet minstens één hoofdletter hebben."]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), L["Het wachtwoord moet minstens één teken hebben dat geen letter of cijfer is."]);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), L["Er is al een account met e-mailadres {0}.", email]);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), L["Er is al een account met e-mailadres {0}.", userName]);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), L["Dit e-mailadres klopt niet."]);
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), L["Dit e-mailadres klopt niet."]);
    public override IdentityError DefaultError() => E(nameof(DefaultError), L["Er ging iets mis. Probeer het opnieuw."]);
}
