using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel(SignInManager<StartpuntUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes every copy of the sign-in cookie worthless at its next check (within a minute).
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Search/Index");
    }
}
