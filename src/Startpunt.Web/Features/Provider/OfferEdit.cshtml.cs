using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>/aanbieder/{id}/aanbod/{offerId|nieuw}: create or change an offer; pause, resume or remove it.</summary>
[Authorize(Policy = Roles.Provider)]
public sealed class OfferEditModel(Membership membership, OfferEditor editor, StartpuntDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    public Domain.Provider Organisation { get; private set; } = null!;
    public Offer? Offer { get; private set; }
    public OfferChoices Choices { get; private set; } = new();
    // Bound per handler, so that pausing does not validate the whole offer form and the other way round.
    public OfferInput Input { get; set; } = new();
    public string? PauseReason { get; set; }
    public string? Conflict { get; private set; }
    [TempData] public string? Status { get; set; }
    /// <summary>The offer's region deactivated the organisation: the offer is shown, but nothing can be changed.</summary>
    public RegionLock? Lock { get; private set; }

    public async Task<IActionResult> OnGetAsync(int providerId, string offerId, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, offerId, ct)) return NotFound();
        Input = Offer is null ? new OfferInput() : OfferInput.From(Offer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int providerId, string offerId, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, offerId, ct)) return NotFound();
        if (Lock is not null) return Locked();
        await TryUpdateModelAsync(Input, nameof(Input));
        editor.Validate(Input, Choices, ModelState);
        if (!ModelState.IsValid) return Page();
        if (Offer is null)
        {
            var created = await editor.CreateAsync(providerId, Input, Choices, ct);
            Status = L["Het aanbod is toegevoegd en staat nu in de zoekresultaten."];
            return RedirectToPage("/Provider/OfferEdit", new { providerId, offerId = created.Id });
        }
        if (!await editor.UpdateAsync(Offer, Input, Choices, ct))
        {
            // A colleague saved first: show their version's values beside the person's own input, which is kept.
            await db.Entry(Offer).ReloadAsync(ct);
            Conflict = await ColleagueChangeAsync(Offer.Id, L["Uw wijzigingen zijn nog niet opgeslagen. Kijk ze na en klik opnieuw op 'Opslaan' om ze toch op te slaan."], ct);
            // The hidden field must carry the version now seen, not the one posted, or saving again conflicts forever.
            ModelState.Remove("Input.Version");
            Input.Version = Offer.Version;
            return Page();
        }
        Status = L["Uw wijzigingen zijn opgeslagen."];
        return RedirectToPage("/Provider/OfferEdit", new { providerId, offerId = Offer.Id });
    }

    public async Task<IActionResult> OnPostPauseAsync(int providerId, string offerId, [FromForm] string? pauseReason, [FromForm] int? version, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, offerId, ct) || Offer is null) return NotFound();
        if (Lock is not null) return Locked();
        PauseReason = pauseReason;
        if (string.IsNullOrWhiteSpace(pauseReason)) ModelState.AddModelError(nameof(PauseReason), L["Schrijf kort waarom u het aanbod pauzeert."]);
        else if (pauseReason.Length > Offer.PausedReasonMaxLength) ModelState.AddModelError(nameof(PauseReason), L["Gebruik hooguit {0} tekens.", Offer.PausedReasonMaxLength]);
        if (!ModelState.IsValid) { Input = OfferInput.From(Offer); return Page(); }
        if (!await editor.PauseAsync(Offer, version, pauseReason!, ct)) return await ConflictAsync(providerId, offerId, ct);
        Status = L["Het aanbod is gepauzeerd. Het staat niet meer in de zoekresultaten."];
        return RedirectToPage("/Provider/OfferEdit", new { providerId, offerId = Offer.Id });
    }

    public async Task<IActionResult> OnPostResumeAsync(int providerId, string offerId, [FromForm] int? version, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, offerId, ct) || Offer is null) return NotFound();
        if (Lock is not null) return Locked();
        if (!await editor.ResumeAsync(Offer, version, ct)) return await ConflictAsync(providerId, offerId, ct);
        Status = L["Het aanbod staat weer in de zoekresultaten."];
        return RedirectToPage("/Provider/OfferEdit", new { providerId, offerId = Offer.Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int providerId, string offerId, [FromForm] bool confirmRemove, [FromForm] int? version, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, offerId, ct) || Offer is null) return NotFound();
        if (Lock is not null) return Locked();
        if (!confirmRemove)
        {
            ModelState.AddModelError("ConfirmRemove", L["Vink aan dat u het aanbod echt wilt verwijderen."]);
            Input = OfferInput.From(Offer);
            return Page();
        }
        if (!await editor.RemoveAsync(Offer, version, ct)) return await ConflictAsync(providerId, offerId, ct);
        Status = L["Het aanbod is verwijderd. De geschiedenis blijft bewaard."];
        return RedirectToPage("/Provider/Offers", new { providerId });
    }

    /// <summary>Refused (403) with the region's reason: only the region can show the offer again.</summary>
    private PageResult Locked()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Input = OfferInput.From(Offer!);
        return Page();
    }

    /// <summary>A colleague changed the offer between loading and acting on it: show it as it is now, with who changed what.</summary>
    private async Task<IActionResult> ConflictAsync(int providerId, string offerId, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, offerId, ct) || Offer is null) return NotFound();
        Conflict = await ColleagueChangeAsync(Offer.Id, L["Niets is opgeslagen. Kijk het aanbod na en probeer het opnieuw."], ct);
        Input = OfferInput.From(Offer);
        return Page();
    }

    /// <summary>"Anna heeft dit aanbod intussen gewijzigd (wachttijd 4 → 6 weken)." and what happens now.</summary>
    private async Task<string> ColleagueChangeAsync(int offerId, string next, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Offer" && a.EntityId == offerId)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return last is null
            ? L["Een collega heeft dit aanbod intussen gewijzigd. {0}", next]
            : L["{0} heeft dit aanbod intussen gewijzigd ({1}). {2}", last.UserName, Startpunt.Web.Features.History.HistoryWords.Describe(last, L), next];
    }

    private async Task<bool> LoadAsync(int providerId, string offerId, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is not { } organisation) return false;
        Organisation = organisation;
        if (offerId != "nieuw")
        {
            if (!int.TryParse(offerId, out var id)) return false;
            Offer = await db.Offers.Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
                .Include(o => o.TargetGroups).Include(o => o.Languages).Include(o => o.ServiceArea)
                .AsSplitQuery().SingleOrDefaultAsync(o => o.Id == id && o.ProviderId == providerId, ct);
            if (Offer is null) return false;
            Lock = (await membership.LocksAsync(providerId, ct)).FirstOrDefault(l => l.RegionId == Offer.RegionId);
        }
        Choices = await editor.ChoicesAsync(providerId, ct);
        return true;
    }
}
