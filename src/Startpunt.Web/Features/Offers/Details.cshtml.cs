using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.GettingHelp;

namespace Startpunt.Web.Features.Offers;

/// <summary>/aanbod/{id}: everything about one offer, its provider and the provider's other offers.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DetailsModel(StartpuntDb db, TimeProvider clock, HowToGetHelpBuilder help) : PageModel
{
    public Offer Offer { get; private set; } = null!;
    public Region Region { get; private set; } = null!;
    public Stoplight Stoplight { get; private set; }
    public IReadOnlyList<string> TargetGroups { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public IReadOnlyList<string> ServiceArea { get; private set; } = [];
    public IReadOnlyList<(int Id, string Product, string? Town, Stoplight Light)> OtherOffers { get; private set; } = [];

    /// <summary>The results page the visitor came from, when they came from one of ours.</summary>
    public string? BackToResults { get; private set; }

    /// <summary>"Zo krijgt u deze hulp": the Wmo-loket of the visitor's postcode, then the provider.</summary>
    public HowToGetHelp Help { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "postcode")] string? postcode, CancellationToken ct)
    {
        if (Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && referer.Host == Request.Host.Host && referer.AbsolutePath == Url.Page("/Search/Results"))
        {
            BackToResults = referer.PathAndQuery;
            // The postcode of the search the visitor came from names their municipality.
            if (string.IsNullOrWhiteSpace(postcode))
                postcode = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(referer.Query).GetValueOrDefault("postcode").ToString();
        }
        var offer = await db.Offers.AsNoTracking()
            .Include(o => o.Provider).Include(o => o.Product!.Lot).Include(o => o.ProductLevel).Include(o => o.Location)
            .Include(o => o.TargetGroups).Include(o => o.Languages).Include(o => o.ServiceArea)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id && !o.Paused, ct);
        if (offer is null) return NotFound();
        Offer = offer;
        Region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == offer.RegionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Stoplight = Region.Rules.Derive(offer.Availability, now);
        var p = offer.Provider!;
        Help = await help.BuildAsync(postcode, new ProviderContact(p.Name, p.Phone, p.Email, p.IsDemo), Url.Page("/Offers/Details", null, new { id = offer.Id }, null, null, "hulp")!, ct);

        var groupCodes = offer.TargetGroups.Select(t => t.TargetGroupCode).ToList();
        TargetGroups = (await db.TargetGroups.AsNoTracking().Where(t => groupCodes.Contains(t.Code)).OrderBy(t => t.SortOrder).ToListAsync(ct))
            .Select(t => t.DisplayName()).ToList();
        var languageCodes = offer.Languages.Select(l => l.LanguageCode).ToList();
        Languages = (await db.Languages.AsNoTracking().Where(l => languageCodes.Contains(l.Code)).OrderBy(l => l.SortOrder).ToListAsync(ct))
            .Select(l => l.DisplayName()).ToList();
        var areaCodes = offer.ServiceArea.Select(m => m.MunicipalityCode).ToList();
        ServiceArea = await db.Municipalities.AsNoTracking().Where(m => areaCodes.Contains(m.Code)).OrderBy(m => m.Name)
            .Select(m => m.Name).ToListAsync(ct);

        var others = await db.Offers.AsNoTracking()
            .Where(o => o.ProviderId == offer.ProviderId && o.Id != offer.Id && !o.Paused)
            .OrderBy(o => o.Product!.SortOrder).ThenBy(o => o.Id)
            .Select(o => new { o.Id, Product = o.Product!.Name, Level = o.ProductLevel != null ? o.ProductLevel.Name : null, Town = o.Location != null ? o.Location.Town : null, o.Availability, o.RegionId })
            .ToListAsync(ct);
        var rules = await db.StoplightRulesAsync(ct);
        OtherOffers = others.Select(o => (o.Id, o.Level is null ? o.Product : $"{o.Product} - {o.Level}", o.Town, rules[o.RegionId].Derive(o.Availability, now))).ToList();
        return Page();
    }
}
