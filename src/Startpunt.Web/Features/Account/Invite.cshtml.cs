using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// Who may invite whom: a provider's own administrators invite colleagues of their organisation; a contract manager
/// invites the first person of a provider with a contract in their region (later people are invited by the provider
/// itself), or a consultant of their region; an administrator invites anyone. The first person of an organisation
/// manages its people.
/// </summary>
[Authorize(Roles = $"{Roles.Provider},{Roles.ContractManager},{Roles.Administrator}")]
public sealed class InviteModel(StartpuntDb db, UserManager<StartpuntUser> users, Invitations invitations, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public InviteInput Input { get; set; } = new();
    public List<(int Id, string Name)> Organisations { get; private set; } = [];
    public List<(string Id, string Name)> Regions { get; private set; } = [];
    public List<string> AllowedRoles { get; private set; } = [];
    public string? SentTo { get; private set; }

    public async Task OnGetAsync(int? organisatie, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (organisatie is { } id && Organisations.Any(o => o.Id == id)) Input.ProviderId = id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (!AllowedRoles.Contains(Input.Role)) ModelState.AddModelError("Input.Role", L["Kies een rol uit de lijst."]);
        if (Input.Role == Roles.Provider && User.IsInRole(Roles.ContractManager) && !User.IsInRole(Roles.Administrator)
            && Input.ProviderId is { } chosen && await db.OrganisationMembers.AnyAsync(m => m.ProviderId == chosen, ct)
            && await db.Contracts.AnyAsync(c => c.ProviderId == chosen && c.Product!.RegionId == (User.FindFirstValue(StartpuntClaims.Region) ?? ""), ct))
            ModelState.AddModelError("Input.ProviderId", L["Deze aanbieder heeft al mensen in Startpunt. Nieuwe collega's nodigt de aanbieder zelf uit."]);
        else if (Input.Role == Roles.Provider && !Organisations.Any(o => o.Id == Input.ProviderId))
            ModelState.AddModelError("Input.ProviderId", L["Kies een organisatie uit de lijst."]);
        var me = (await users.GetUserAsync(User))!;
        var regionId = User.IsInRole(Roles.Administrator) ? Input.RegionId : me.RegionId;
        if (Input.Role is Roles.Consultant or Roles.ContractManager && !Regions.Any(r => r.Id == regionId))
            ModelState.AddModelError("Input.RegionId", L["Kies een regio uit de lijst."]);
        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email.Trim()) is not null)
            ModelState.AddModelError("Input.Email", L["Er is al een account met dit e-mailadres."]);
        if (!ModelState.IsValid) return Page();

        if (await invitations.CreateAsync(Input.Email, Input.Role, Input.Role == Roles.Provider ? Input.ProviderId : null,
                Input.Role is Roles.Consultant or Roles.ContractManager ? regionId : null, me.DisplayName, ct,
                organisationAdministrator: !User.IsInRole(Roles.Provider) || Input.OrganisationAdministrator) is null)
        {
            ModelState.AddModelError("", L["De uitnodiging kon niet worden verstuurd. Probeer het later opnieuw."]);
            return Page();
        }
        SentTo = Input.Email.Trim();
        ModelState.Clear();
        Input = new InviteInput();
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var me = (await users.GetUserAsync(User))!;
        if (User.IsInRole(Roles.Administrator))
        {
            AllowedRoles = [.. Roles.All];
            Organisations = (await db.Providers.OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
            Regions = (await db.Regions.OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        }
        else if (User.IsInRole(Roles.ContractManager))
        {
            AllowedRoles = [Roles.Provider, Roles.Consultant];
            // Only the first person: providers with a contract in the region that have nobody in Startpunt yet.
            Organisations = (await db.Providers
                    .Where(p => p.Contracts.Any(c => c.Product!.RegionId == me.RegionId) && !db.OrganisationMembers.Any(m => m.ProviderId == p.Id))
                    .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
                .Select(p => (p.Id, p.Name)).ToList();
            Regions = (await db.Regions.Where(r => r.Id == me.RegionId).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        }
        else
        {
            AllowedRoles = [Roles.Provider];
            Organisations = (await db.OrganisationMembers.Where(m => m.UserId == me.Id && m.IsAdministrator).OrderBy(m => m.Provider!.Name)
                .Select(m => new { m.ProviderId, m.Provider!.Name }).ToListAsync(ct)).Select(p => (p.ProviderId, p.Name)).ToList();
        }
    }
}

public sealed class InviteInput
{
    [Required(ErrorMessage = "Vul het e-mailadres in.")]
    [AccountEmail]
    [StringLength(256, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Email { get; set; } = "";

    public string Role { get; set; } = Roles.Provider;
    public int? ProviderId { get; set; }
    public string? RegionId { get; set; }
    /// <summary>When a provider invites a colleague: may the colleague manage the organisation's people too?</summary>
    public bool OrganisationAdministrator { get; set; }
}
