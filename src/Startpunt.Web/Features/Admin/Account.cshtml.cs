using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Account;
using Startpunt.Web.Features.People;

namespace Startpunt.Web.Features.Admin;

/// <summary>/beheer/accounts/{id}: one person; switch them off or on, mail them a reset link, reset their two-step sign-in.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class AccountModel(UserManager<StartpuntUser> users, OrganisationPeople people, PasswordReset reset, IStringLocalizer<SharedResource> L) : PageModel
{
    public StartpuntUser Person { get; private set; } = null!;
    public IList<string> PersonRoles { get; private set; } = [];
    [TempData] public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string userId) => await LoadAsync(userId) ? Page() : NotFound();

    public Task<IActionResult> OnPostSwitchOffAsync(string userId) => ActAsync(userId, async () => (await people.SwitchAsync(Person, off: true)).Message);

    public Task<IActionResult> OnPostSwitchOnAsync(string userId) => ActAsync(userId, async () => (await people.SwitchAsync(Person, off: false)).Message);

    public Task<IActionResult> OnPostSendResetAsync(string userId, CancellationToken ct) => ActAsync(userId, async () =>
    {
        await reset.SendAsync(Person, ct);
        return L["Er is een link voor een nieuw wachtwoord gestuurd naar {0}. De link werkt 1 uur.", Person.Email ?? ""];
    });

    /// <summary>A lost phone: two-step sign-in off and a new key, so the old app's codes no longer work; open sessions end.</summary>
    public Task<IActionResult> OnPostResetTwoFactorAsync(string userId) => ActAsync(userId, async () =>
    {
        await users.SetTwoFactorEnabledAsync(Person, false);
        await users.ResetAuthenticatorKeyAsync(Person);
        await users.UpdateSecurityStampAsync(Person);
        return L["De tweestapsinlog van {0} is uitgezet. Bij de volgende keer inloggen stelt {0} die opnieuw in.", Person.DisplayName];
    });

    private async Task<IActionResult> ActAsync(string userId, Func<Task<string>> act)
    {
        if (!await LoadAsync(userId)) return NotFound();
        if (Person.Id == Provider.Membership.UserId(User))
        {
            Error = L["Dit is uw eigen account. Gebruik daarvoor de pagina Mijn account."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Status = await act();
        return RedirectToPage("/Admin/Account", new { userId });
    }

    private async Task<bool> LoadAsync(string userId)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > 450 || await users.FindByIdAsync(userId) is not { } person) return false;
        Person = person;
        PersonRoles = await users.GetRolesAsync(person);
        return true;
    }
}
