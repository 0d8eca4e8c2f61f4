using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>Signing in in two steps with an authenticator app (Identity's built-in TOTP).</summary>
[Authorize]
public sealed class SecurityModel(UserManager<StartpuntUser> users, SignInManager<StartpuntUser> signIn, IStringLocalizer<SharedResource> L) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IEnumerable<string>? RecoveryCodes { get; private set; }
    public string? Message { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Vul de code in.")]
    [StringLength(10, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (ModelState.IsValid)
        {
            var code = Code.Replace(" ", "", StringComparison.Ordinal);
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                RecoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8);
                await signIn.RefreshSignInAsync(user);
                Message = L["Inloggen in twee stappen staat aan."];
                ModelState.Clear();
            }
            else ModelState.AddModelError(nameof(Code), L["Deze code klopt niet. Kijk in uw app naar de code die nu geldt."]);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (ModelState.IsValid)
        {
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code.Replace(" ", "", StringComparison.Ordinal)))
            {
                await users.SetTwoFactorEnabledAsync(user, false);
                await users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user);
                Message = L["Inloggen in twee stappen staat uit."];
                ModelState.Clear();
            }
            else ModelState.AddModelError(nameof(Code), L["Deze code klopt niet. Kijk in uw app naar de code die nu geldt."]);
        }
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return false;
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        AuthenticatorUri = $"otpauth://totp/Startpunt:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Startpunt&digits=6";
        return true;
    }
}
