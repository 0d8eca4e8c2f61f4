using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.History;

namespace Startpunt.Web.Features.Provider;

/// <summary>/aanbieder/{id}/profiel: the organisation's name, contact details and description.</summary>
[Authorize(Policy = Roles.Provider)]
public sealed class ProfileModel(Membership membership, StartpuntDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    public Domain.Provider Organisation { get; private set; } = null!;
    [BindProperty] public ProfileInput Input { get; set; } = new();
    [TempData] public string? Status { get; set; }
    /// <summary>Set when a colleague saved the profile after this form was loaded.</summary>
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int providerId, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is not { } o) return NotFound();
        Organisation = o;
        Input = new ProfileInput { Name = o.Name, KvkNumber = o.KvkNumber, Website = o.Website, Phone = o.Phone, Email = o.Email, Description = o.Description, Version = o.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int providerId, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is not { } o) return NotFound();
        Organisation = o;
        if (!string.IsNullOrWhiteSpace(Input.Website)
            && !(Uri.TryCreate(Input.Website.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
            ModelState.AddModelError("Input.Website", L["Vul een webadres in dat begint met https://"]);
        if (!ModelState.IsValid) return Page();

        var provider = await db.Providers.SingleAsync(p => p.Id == providerId, ct);
        if (provider.Version != Input.Version) return await ConflictAsync(provider, ct);
        db.Entry(provider).Property(p => p.Version).OriginalValue = Input.Version;
        provider.Name = Input.Name.Trim();
        provider.KvkNumber = Blank(Input.KvkNumber);
        provider.Website = Blank(Input.Website);
        provider.Phone = Blank(Input.Phone);
        provider.Email = Blank(Input.Email);
        provider.Description = (Input.Description ?? "").Trim();
        if (db.Entry(provider).Property(p => p.Name).IsModified)
        {
            // The provider's name is part of every offer's search text: changed in the same save, so never half.
            foreach (var offer in await db.Offers.Include(x => x.Provider).Include(x => x.Product).Include(x => x.ProductLevel).Include(x => x.Location)
                         .Where(x => x.ProviderId == providerId).ToListAsync(ct))
                offer.RefreshSearchText();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague saved between our read and our write.
            db.ChangeTracker.Clear();
            return await ConflictAsync(await db.Providers.AsNoTracking().SingleAsync(p => p.Id == providerId, ct), ct);
        }
        Status = L["Het profiel is opgeslagen."];
        return RedirectToPage("/Provider/Profile", new { providerId });
    }

    /// <summary>The form again with the person's input, what the colleague changed, and the version now seen.</summary>
    private async Task<IActionResult> ConflictAsync(Domain.Provider current, CancellationToken ct)
    {
        Conflict = HistoryWords.Conflict(await HistoryWords.LastAsync(db, "Provider", current.Id, ct), L);
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        return Page();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class ProfileInput
{
    [Required(ErrorMessage = "Vul de naam van de organisatie in.")]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Name { get; set; } = "";

    [RegularExpression("^[0-9]{8}$", ErrorMessage = "Een KvK-nummer heeft 8 cijfers.")]
    public string? KvkNumber { get; set; }

    [StringLength(300, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string? Website { get; set; }

    [RegularExpression(@"^\+?[0-9 ()-]{6,30}$", ErrorMessage = "Vul een telefoonnummer in met alleen cijfers, spaties en streepjes.")]
    public string? Phone { get; set; }

    [Account.AccountEmail]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string? Email { get; set; }

    [StringLength(4000, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string? Description { get; set; }

    public int Version { get; set; }
}
