using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// The link from the mail to a new address. Opening it changes nothing (a mail scanner may open links); the button
/// does: the address and the sign-in name become the new address.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<StartpuntUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "gebruiker")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "email")] public string? Email { get; set; }
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    public bool Usable { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync() => Usable = await UserAsync() is { } user && await IsValidAsync(user);

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await UserAsync();
        Usable = user is not null && await IsValidAsync(user);
        if (!Usable) return Page();
        var changed = await users.ChangeEmailAsync(user!, Email!, Code!);
        if (changed.Succeeded) changed = await users.SetUserNameAsync(user!, Email!);
        Usable = changed.Succeeded;
        Done = changed.Succeeded;
        return Page();
    }

    private async Task<StartpuntUser?> UserAsync() =>
        string.IsNullOrEmpty(UserId) || UserId.Length > 100 || string.IsNullOrEmpty(Code) || Code.Length > 2000
        || Email is null || !AccountEmailAttribute.IsAccountEmail(Email) ? null : await users.FindByIdAsync(UserId);

    private Task<bool> IsValidAsync(StartpuntUser user) =>
        user.Deactivated ? Task.FromResult(false)
            : users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, UserManager<StartpuntUser>.GetChangeEmailTokenPurpose(Email!), Code!);
}
