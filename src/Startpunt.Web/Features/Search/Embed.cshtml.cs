using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.Search;

/// <summary>
/// /embed?regio=...: the resident search with minimal chrome, for an iframe on a municipality's website. Only the
/// websites that the region lists in content/ (embedAllowedOrigins) may frame it; every other page stays unframeable.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class EmbedModel(ResidentSearch search, EmbedOrigins origins, StartpuntDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SearchForm Form { get; set; } = new();

    public SearchPageModel Search { get; private set; } = null!;
    public Domain.Region Region { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var allowed = string.IsNullOrEmpty(Form.Region) ? null : origins.For(Form.Region);
        var region = allowed is null ? null : await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Form.Region, ct);
        if (region is null) return NotFound();
        Region = region;
        Response.Headers.ContentSecurityPolicy = WebSetup.ContentSecurityPolicy(string.Join(' ', allowed!.Prepend("'self'")));
        Response.Headers.Remove("X-Frame-Options");
        Response.Headers.Vary = "HX-Request";

        Search = await search.RunAsync(Form, ct);
        // The first view shows the empty form without messages, like the start page.
        if (Form.IsEmpty) Search.Errors.Clear();
        ViewData["SearchPath"] = "/embed";
        ViewData["Embed"] = true;
        ViewData["FullForm"] = true;
        if (!Htmx.IsFragmentRequest(Request)) return Page();
        return new PartialViewResult
        {
            ViewName = "_SearchLayout",
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<SearchPageModel>(ViewData, Search)
            {
                ["Fragment"] = true,
                ["Title"] = ResultsModel.TitleFor(Search, L),
            },
        };
    }
}
