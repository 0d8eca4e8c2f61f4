using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>Signing in in two steps with an authenticator app (Identity's built-in TOTP).</summary>
[Authorize]
public sealed class SecurityModel(UserManager<StartpuntUser> users, SignInManager<StartpuntUser> signIn, IStringLocalizer<SharedResource> L) : PageModel
{
    public bool Enabled { get; private set; }
    /// <summary>False until the person starts the set-up (a POST makes the key: a GET changes nothing).</summary>
    public bool HasKey { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    /// <summary>The otpauth: address as a QR code, a PNG in a data: URL.</summary>
    public string QrCodeDataUrl { get; private set; } = "";
    public IEnumerable<string>? RecoveryCodes { get; private set; }
    public string? Message { get; private set; }
    [BindProperty(SupportsGet = true, Name = "verplicht")] public bool Required { get; set; }

    [BindProperty]
    [StringLength(10, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string? Code { get; set; }

    [BindProperty]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            await users.ResetAuthenticatorKeyAsync(user);
        return RedirectToPage(new { verplicht = Required ? true : (bool?)null });
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrWhiteSpace(Code)) ModelState.AddModelError(nameof(Code), L["Vul de code in."]);
        if (ModelState.IsValid && !user.TwoFactorEnabled)
        {
            var code = Code!.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
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

    /// <summary>Turning it off asks for the password again: a session left open is not enough.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), L["Vul uw wachtwoord in."]);
        if (ModelState.IsValid && user.TwoFactorEnabled)
        {
            if (await users.CheckPasswordAsync(user, Password!))
            {
                await users.SetTwoFactorEnabledAsync(user, false);
                await users.ResetAuthenticatorKeyAsync(user);
                await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
                await signIn.RefreshSignInAsync(user);
                Message = L["Inloggen in twee stappen staat uit."];
                ModelState.Clear();
            }
            else
            {
                await users.AccessFailedAsync(user);
                ModelState.AddModelError(nameof(Password), L["Dit wachtwoord klopt niet."]);
            }
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
        HasKey = !string.IsNullOrEmpty(key);
        if (!HasKey || Enabled) return true;
        SharedKey = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        AuthenticatorUri = $"otpauth://totp/Startpunt:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Startpunt&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUrl = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(qr).GetGraphic(6));
        return true;
    }
}
