using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// /account/nieuw-wachtwoord?gebruiker=..&amp;code=..: choose a (new) password with the link from a reset mail or from
/// `create-admin`. The code is Identity's password-reset token: short-lived, and used up by the change of security stamp.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class ResetPasswordModel(UserManager<StartpuntUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "gebruiker")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();
    public bool Usable { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync() => Usable = await UserAsync() is { } user && await IsValidAsync(user);

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await UserAsync();
        Usable = user is not null && await IsValidAsync(user);
        if (!Usable || !ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user!, Code!, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", e.Description);
            return Page();
        }
        // The reset proves the mailbox; a locked account is opened again.
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        if (!user!.EmailConfirmed) { user.EmailConfirmed = true; await users.UpdateAsync(user); }
        Done = true;
        return Page();
    }

    private async Task<StartpuntUser?> UserAsync() =>
        string.IsNullOrEmpty(UserId) || UserId.Length > 100 || string.IsNullOrEmpty(Code) || Code.Length > 2000 ? null : await users.FindByIdAsync(UserId);

    private Task<bool> IsValidAsync(StartpuntUser user) =>
        user.Deactivated ? Task.FromResult(false)
            : users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<StartpuntUser>.ResetPasswordTokenPurpose, Code!);
}

public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Kies een wachtwoord.")]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Vul het wachtwoord nog een keer in.")]
    [Compare(nameof(Password), ErrorMessage = "De twee wachtwoorden zijn niet gelijk.")]
    public string ConfirmPassword { get; set; } = "";
}
