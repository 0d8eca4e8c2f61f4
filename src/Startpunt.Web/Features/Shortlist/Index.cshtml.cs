using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.Shortlist;

/// <summary>
/// /shortlist?aanbod=1,2: the offers a consultant chose for a client, with their availability as it is now, and the
/// consultant's details (a protected token, door=...). The link is the whole shortlist: nothing about the client is
/// stored, so it can be shared, e-mailed, printed and downloaded as CSV.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(StartpuntDb db, TimeProvider clock, MadeByTokens tokens, UserManager<StartpuntUser> users, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxOffers = 20;

    public List<(Offer Offer, Stoplight Light)> Offers { get; private set; } = [];
    public string? Problem { get; private set; }
    public DateTime Now { get; private set; }
    public MadeBy? MadeBy { get; private set; }
    /// <summary>The consultant may set what the printout says about them.</summary>
    public bool CanEditMadeBy { get; private set; }
    /// <summary>The link to share: the chosen offers and the consultant's details.</summary>
    public string ShareLink { get; private set; } = "";
    public IReadOnlyList<int> Ids { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        // One clean link, whatever form or page sent the visitor here (the consultant's table sends its search along).
        if (Canonical() is { } canonical && canonical != Request.Path + Request.QueryString) return LocalRedirect(canonical);
        return Page();
    }

    /// <summary>The consultant sets their name, organisation and phone for the printout; they go into the link.</summary>
    public async Task<IActionResult> OnGetMadeByAsync(string? naam, string? organisatie, string? telefoon, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Consultant)) return Forbid();
        await LoadAsync(ct);
        naam = naam?.Trim(); organisatie = organisatie?.Trim(); telefoon = telefoon?.Trim();
        if (string.IsNullOrEmpty(naam)) ModelState.AddModelError("naam", L["Vul uw naam in."]);
        else if (naam.Length > MadeBy.NameMax || naam.Any(char.IsControl)) ModelState.AddModelError("naam", L["Uw naam is te lang of bevat tekens die niet kunnen."]);
        if (organisatie is { Length: > MadeBy.OrganisationMax } || organisatie?.Any(char.IsControl) == true) ModelState.AddModelError("organisatie", L["De naam van uw organisatie is te lang of bevat tekens die niet kunnen."]);
        if (!string.IsNullOrEmpty(telefoon) && (telefoon.Length > MadeBy.PhoneMax || telefoon.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')'))))
            ModelState.AddModelError("telefoon", L["Vul een telefoonnummer in met alleen cijfers, spaties, + of -, zoals 0229 123 456."]);
        if (!ModelState.IsValid || Offers.Count == 0) return Page();
        MadeBy = new MadeBy(naam!, Blank(organisatie), Blank(telefoon), MadeBy?.Email,
            DateOnly.FromDateTime(Dates.ToDutchTime(Now)));
        return LocalRedirect(Link(tokens.Protect(MadeBy)));
    }

    /// <summary>The shortlist as CSV for Excel.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Offers.Count == 0) return Page();
        return await ExcelCsv.FileAsync($"shortlist-{Dates.ToDutchTime(Now):yyyyMMdd}.csv", async csv =>
        {
            await csv.RowAsync(new[] { "Aanbieder", "Product", "Niveau", "Straat en huisnummer", "Postcode", "Plaats", "Stoplicht", "Aanmelden open", "Wachttijd (weken)", "Laatst bevestigd", "Telefoon", "E-mail", "Website", "Link" }
                .Select(h => (object?)L[h].Value).ToArray());
            foreach (var (o, light) in Offers)
                await csv.RowAsync(
                    o.Provider!.Name, o.Product!.Name, o.ProductLevel?.Name ?? "",
                    o.Location is { } loc ? $"{loc.Street} {loc.HouseNumber}" : L["bij mensen thuis"].Value, o.Location?.Postcode ?? "", o.Location?.Town ?? "",
                    ExcelCsv.StoplightName(light.Colour, L), light.IntakeOpen ? L["Ja"].Value : L["Nee"].Value, light.WaitingWeeks,
                    light.ConfirmedAt is { } at ? Dates.ToDutchTime(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "",
                    o.Provider.Phone ?? "", o.Provider.Email ?? "", o.Provider.Website ?? "",
                    Url.PageLink("/Offers/Details", values: new { id = o.Id }));
        });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var raw = Request.Query["aanbod"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var ids = raw.Select(v => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null).ToList();
        if (raw.Count == 0) { Problem = L["Kies eerst een of meer aanbiedingen."]; return false; }
        if (ids.Any(i => i is null)) { Problem = L["Deze link klopt niet. Vraag uw consulent om een nieuwe."]; return false; }
        var wanted = ids.Select(i => i!.Value).Distinct().ToList();
        if (wanted.Count > MaxOffers) { Problem = L["Een shortlist heeft hooguit {0} aanbiedingen.", MaxOffers]; return false; }
        Ids = wanted;
        var offers = await db.Offers.AsNoTracking().Include(o => o.Provider).Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
            .Where(o => wanted.Contains(o.Id) && !o.Paused).ToListAsync(ct);
        var rules = await db.StoplightRulesAsync(ct);
        Offers = wanted.Select(id => offers.FirstOrDefault(o => o.Id == id)).Where(o => o is not null)
            .Select(o => (o!, rules[o!.RegionId].Derive(o.Availability, Now))).ToList();
        if (Offers.Count < wanted.Count)
            Problem = L["{0} aanbod uit deze lijst bestaat niet meer of is gepauzeerd.", wanted.Count - Offers.Count];

        string? door = Request.Query["door"];
        MadeBy = tokens.Unprotect(door);
        if (MadeBy is null) door = null;
        CanEditMadeBy = User.IsInRole(Roles.Consultant);
        if (MadeBy is null && CanEditMadeBy && await users.GetUserAsync(User) is { } me)
            MadeBy = new MadeBy(string.IsNullOrEmpty(me.DisplayName) ? me.Email ?? "" : me.DisplayName, null, me.PhoneNumber, me.Email, DateOnly.FromDateTime(Dates.ToDutchTime(Now)));
        ShareLink = $"{OpenData.HsdsEndpoints.BaseUrl(Request)}{Link(door ?? (MadeBy is null ? null : tokens.Protect(MadeBy)))}";
        return true;
    }

    /// <summary>The shortlist's own address: /shortlist?aanbod=1,2,3 (and the consultant's token when the link has one).</summary>
    private string? Canonical() => Ids.Count == 0 ? null : Link(tokens.Unprotect(Request.Query["door"]) is null ? null : Request.Query["door"].ToString());

    private string Link(string? door) => Url.Page("/Shortlist/Index", new { aanbod = string.Join(",", Ids), door })!;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
