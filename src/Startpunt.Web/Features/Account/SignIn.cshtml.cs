using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class SignInModel(StartpuntSignInManager signIn, UserManager<StartpuntUser> users,
    IOptions<DatabaseOptions> database, Installation installation, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "terug")] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool ShowDemoAccounts => installation.IsDemo && database.Value.SeedDemo;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // "Ingelogd blijven" is a checkbox: anything but true or false is forged; it counts as not ticked (and the form
        // shows it unticked, rather than failing to draw a checkbox from the value).
        if (ModelState.GetFieldValidationState("Input.RememberMe") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.Remove("Input.RememberMe");
            Input.RememberMe = false;
        }
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // Demo accounts have a published password: outside a demo installation they do not exist for signing in.
        if (user is { IsDemo: true } && !installation.IsDemo) user = null;
        if (user is null) await signIn.RecordRefusedAsync(null, Input.Email.Trim(), Features.AccountHistory.SignInDetail.Unknown);
        if (user is { Deactivated: true })
        {
            await signIn.RecordRefusedAsync(user, Input.Email.Trim(), Features.AccountHistory.SignInDetail.Deactivated);
            Error = L["Dit account is uitgeschakeld. Neem contact op met uw contractmanager."];
            return Page();
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return SafeReturnUrl(ReturnUrl) is { } back ? LocalRedirect(back) : RedirectToPage(await HomeOfAsync(user!));
        if (result.RequiresTwoFactor) return RedirectToPage("TwoFactor", new { terug = SafeReturnUrl(ReturnUrl), onthoud = Input.RememberMe });
        Error = result.IsLockedOut
            ? L["U hebt te vaak een verkeerd wachtwoord gebruikt. Uw account is 15 minuten geblokkeerd."]
            : L["Het e-mailadres of het wachtwoord klopt niet."];
        return Page();
    }

    internal static string? SafeReturnUrl(string? url) => Shared.LocalUrl.SafeOrNull(url);

    /// <summary>The page a person starts on after signing in: their workspace.</summary>
    private async Task<string> HomeOfAsync(StartpuntUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(Roles.Provider) ? "/Provider/Index"
            : roles.Contains(Roles.ContractManager) || roles.Contains(Roles.Administrator) ? "/ContractManager/Index"
            : roles.Contains(Roles.Consultant) ? "/Consultant/Index"
            : "/Account/Index";
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Vul uw e-mailadres in.")]
    [EmailAddress(ErrorMessage = "Dit e-mailadres klopt niet.")]
    [StringLength(256, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Vul uw wachtwoord in.")]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
