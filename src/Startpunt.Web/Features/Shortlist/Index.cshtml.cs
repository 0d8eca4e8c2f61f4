using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Shortlist;

/// <summary>
/// /shortlist?aanbod=1&amp;aanbod=2: the offers a consultant chose for a client, with their availability as it is now.
/// The link is the whole shortlist: nothing about the client is stored, so it can be shared and printed.
/// </summary>
public sealed class IndexModel(StartpuntDb db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxOffers = 20;

    public List<(Offer Offer, Stoplight Light)> Offers { get; private set; } = [];
    public string? Problem { get; private set; }
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var raw = Request.Query["aanbod"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var ids = raw.Select(v => int.TryParse(v, out var id) ? id : (int?)null).ToList();
        if (raw.Count == 0) { Problem = L["Kies eerst een of meer aanbiedingen."]; return; }
        if (ids.Any(i => i is null)) { Problem = L["Deze link klopt niet. Vraag uw consulent om een nieuwe."]; return; }
        if (ids.Count > MaxOffers) { Problem = L["Een shortlist heeft hooguit {0} aanbiedingen.", MaxOffers]; return; }
        var wanted = ids.Select(i => i!.Value).Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().Include(o => o.Provider).Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
            .Where(o => wanted.Contains(o.Id) && !o.Paused).ToListAsync(ct);
        var rules = await db.StoplightRulesAsync(ct);
        Offers = wanted.Select(id => offers.FirstOrDefault(o => o.Id == id)).Where(o => o is not null)
            .Select(o => (o!, rules[o!.RegionId].Derive(o.Availability, Now))).ToList();
        if (Offers.Count < wanted.Count)
            Problem = L["{0} aanbod uit deze lijst bestaat niet meer of is gepauzeerd.", wanted.Count - Offers.Count];
    }
}
