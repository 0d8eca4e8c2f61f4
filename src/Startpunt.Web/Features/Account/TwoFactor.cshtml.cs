using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>The second step of signing in: the six-digit code from the authenticator app, or a recovery code.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class TwoFactorModel(SignInManager<StartpuntUser> signIn, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vul de code in.")]
    [StringLength(20, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "terug")] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true, Name = "onthoud")] public bool RememberMe { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn");
        if (!ModelState.IsValid) return Page();
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(code));
        if (result.Succeeded) return SignInModel.SafeReturnUrl(ReturnUrl) is { } back ? LocalRedirect(back) : RedirectToPage("/Account/Index");
        Error = result.IsLockedOut ? L["U hebt te vaak een verkeerde code gebruikt. Uw account is 15 minuten geblokkeerd."] : L["Deze code klopt niet. Kijk in uw app naar de code die nu geldt."];
        return Page();
    }

    /// <summary>
    /// A recovery code as Identity stores it ("XXXXX-XXXXX", capitals) from what the person typed: with or without the
    /// dash, spaces, any case.
    /// </summary>
    internal static string RecoveryCode(string typed)
    {
        var code = typed.ToUpperInvariant();
        return code.Length == 10 ? $"{code[..5]}-{code[5..]}" : code;
    }
}
