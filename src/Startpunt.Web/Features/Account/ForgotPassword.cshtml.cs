using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Startpunt.Web.Features.Account;

/// <summary>"Wachtwoord vergeten?": the same answer whether or not the address has an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class ForgotPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vul uw e-mailadres in.")]
    [AccountEmail]
    [StringLength(256, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await reset.RequestAsync(Email, ct);
        Sent = true;
        return Page();
    }
}
