using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// Every request that writes checks that the signed-in person still exists and is not switched off, so a switched-off
/// person changes nothing even in the minute before the security stamp ends their session. Reading waits for that check.
/// </summary>
public sealed class ActiveAccountCheck : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var id = Provider.Membership.UserId(http.User);
            var db = http.RequestServices.GetRequiredService<StartpuntDb>();
            if (!await db.Users.AnyAsync(u => u.Id == id && !u.Deactivated, http.RequestAborted))
            {
                await http.RequestServices.GetRequiredService<SignInManager<StartpuntUser>>().SignOutAsync();
                context.Result = new RedirectToPageResult("/Account/SignIn");
                return;
            }
        }
        await next();
    }
}
