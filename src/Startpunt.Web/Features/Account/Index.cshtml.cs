using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Mail;

namespace Startpunt.Web.Features.Account;

/// <summary>/account: who you are, and the self-service: a new password, a new e-mail address, sign out everywhere.</summary>
[Authorize]
public sealed class IndexModel(UserManager<StartpuntUser> users, SignInManager<StartpuntUser> signIn, StartpuntDb db, IMailSender mail,
    Installation installation, AccountHistory.AccountEventWriter history, IStringLocalizer<SharedResource> L) : PageModel
{
    public StartpuntUser Me { get; private set; } = null!;
    public IList<string> MyRoles { get; private set; } = [];
    public string? RegionName { get; private set; }
    public List<(int Id, string Name)> Organisations { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>"Uw recente aanmeldingen": the last sign-ins, failed ones too, with time and address.</summary>
    public List<AccountEvent> RecentSignIns { get; private set; } = [];

    [BindProperty] public ChangePasswordInput PasswordInput { get; set; } = new();
    [BindProperty] public ChangeEmailInput EmailInput { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        Validate(nameof(PasswordInput));
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(Me, PasswordInput.CurrentPassword, PasswordInput.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "PasswordInput.CurrentPassword" : "PasswordInput.NewPassword",
                    e.Code == "PasswordMismatch" ? L["Dit wachtwoord klopt niet."] : e.Description);
            return Page();
        }
        // The new security stamp ends the other sessions within a minute; this one continues.
        await signIn.RefreshSignInAsync(Me);
        Message = L["Uw nieuwe wachtwoord is opgeslagen. Op andere apparaten bent u binnen een minuut uitgelogd."];
        PasswordInput = new();
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        Validate(nameof(EmailInput));
        // An empty field binds as null: the Required message is then next to it, not an error page.
        var email = (EmailInput.NewEmail ?? "").Trim();
        if (ModelState.IsValid && !await users.CheckPasswordAsync(Me, EmailInput.Password))
            ModelState.AddModelError("EmailInput.Password", L["Dit wachtwoord klopt niet."]);
        if (ModelState.IsValid && await users.FindByEmailAsync(email) is not null)
            ModelState.AddModelError("EmailInput.NewEmail", L["Er is al een account met dit e-mailadres."]);
        if (!ModelState.IsValid) return Page();
        var token = await users.GenerateChangeEmailTokenAsync(Me, email);
        var link = $"{installation.BaseUrl()}/account/e-mailadres-bevestigen?gebruiker={Uri.EscapeDataString(Me.Id)}&email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(token)}";
        await mail.SendAsync(new MailMessageContent(email, L["Bevestig uw nieuwe e-mailadres voor Startpunt"], string.Join("\n",
            L["Hallo {0},", Me.DisplayName].Value, "",
            L["Bevestig met deze link dat u voortaan met dit e-mailadres inlogt. De link werkt één keer en 1 uur lang:"].Value, link, "",
            L["Vroeg u dit niet aan? Dan kunt u deze e-mail negeren."].Value)), ct);
        Message = L["We hebben een e-mail gestuurd naar {0}. Klik op de link in die e-mail; tot dan logt u in met uw oude e-mailadres.", email];
        EmailInput = new();
        ModelState.Clear();
        return Page();
    }

    /// <summary>"Overal uitloggen": a new security stamp; every session, this one too, ends.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        await users.UpdateSecurityStampAsync(Me);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }

    /// <summary>Only the form that was sent counts; the other form's empty fields are no error.</summary>
    private void Validate(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return false;
        Me = me;
        MyRoles = await users.GetRolesAsync(me);
        RegionName = await db.Regions.Where(r => r.Id == me.RegionId).Select(r => r.Name).SingleOrDefaultAsync(ct);
        Organisations = (await db.OrganisationMembers.Where(m => m.UserId == me.Id).Select(m => new { m.ProviderId, m.Provider!.Name }).ToListAsync(ct))
            .Select(o => (o.ProviderId, o.Name)).ToList();
        RecentSignIns = await history.RecentSignInsAsync(me.Id, ct);
        return true;
    }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Vul uw huidige wachtwoord in.")]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Kies een wachtwoord.")]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Vul het wachtwoord nog een keer in.")]
    [Compare(nameof(NewPassword), ErrorMessage = "De twee wachtwoorden zijn niet gelijk.")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangeEmailInput
{
    [Required(ErrorMessage = "Vul het nieuwe e-mailadres in.")]
    [AccountEmail]
    [StringLength(256, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string NewEmail { get; set; } = "";

    [Required(ErrorMessage = "Vul uw wachtwoord in.")]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Password { get; set; } = "";
}
