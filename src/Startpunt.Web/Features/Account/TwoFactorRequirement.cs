using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// Administrators and contract managers set up two-step sign-in before they reach any page outside /account. Demo
/// accounts are exempt: they share a published password, and one visitor's phone would lock out every other visitor.
/// </summary>
public sealed class TwoFactorRequirement : IAsyncPageFilter
{
    /// <summary>In the sign-in cookie when the account has two-step sign-in on (refreshed with the security stamp).</summary>
    public const string Claim = "startpunt:2fa";
    public const string DemoClaim = "startpunt:demo";

    public static bool Applies(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.ContractManager))
        && !user.HasClaim(c => c.Type == Claim) && !user.HasClaim(c => c.Type == DemoClaim);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        if (Applies(context.HttpContext.User) && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/fout"))
        {
            context.Result = new RedirectToPageResult("/Account/Security", new { verplicht = "true" });
            return;
        }
        await next();
    }
}
