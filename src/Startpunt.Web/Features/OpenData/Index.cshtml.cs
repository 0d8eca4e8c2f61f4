using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Content;

namespace Startpunt.Web.Features.OpenData;

/// <summary>/open-data: the downloads per region, the API, Startpunt's own features, and how a municipality embeds the search.</summary>
public sealed class IndexModel(StartpuntDb db, EmbedOrigins origins) : PageModel
{
    public sealed record RegionRow(string Id, string Name, Guid TermId, IReadOnlyList<string> EmbedOrigins);

    public IReadOnlyList<RegionRow> Regions { get; private set; } = [];
    public string BaseUrl { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        BaseUrl = HsdsEndpoints.BaseUrl(Request);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        Regions = regions.Select(r => new RegionRow(r.Id, r.Name, HsdsCatalogue.RegionTermId(r.Id), origins.For(r.Id) ?? [])).ToList();
    }
}
