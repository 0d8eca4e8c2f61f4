using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>/account/uitnodiging/{token}: the invited person chooses a name and password; the link then no longer works.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class AcceptInvitationModel(Invitations invitations, SignInManager<StartpuntUser> signIn, AuditActor actor) : PageModel
{
    public Invitation? Invitation { get; private set; }
    [BindProperty] public AcceptInput Input { get; set; } = new();

    public async Task OnGetAsync(string token, CancellationToken ct) => Invitation = await invitations.FindUsableAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Invitation = await invitations.FindUsableAsync(token, ct);
        if (Invitation is null || !ModelState.IsValid) return Page();
        actor.Set(null, Input.DisplayName.Trim());
        var (user, errors) = await invitations.AcceptAsync(Invitation, Input.DisplayName, Input.Password, ct);
        if (user is null)
        {
            foreach (var e in errors) ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", e.Description);
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage(Invitation.Role == Roles.Provider ? "/Provider/Index" : "/Account/Index");
    }
}

public sealed class AcceptInput
{
    [Required(ErrorMessage = "Vul uw naam in.")]
    [StringLength(100, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Kies een wachtwoord.")]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Vul het wachtwoord nog een keer in.")]
    [Compare(nameof(Password), ErrorMessage = "De twee wachtwoorden zijn niet gelijk.")]
    public string ConfirmPassword { get; set; } = "";
}
