using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.Search;

/// <summary>
/// /embed?regio=...: the resident search with minimal chrome, for an iframe on a municipality's website. Only the
/// websites that the region lists in content/ (embedAllowedOrigins) may frame it; every other page stays unframeable.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class EmbedModel(ResidentSearch search, EmbedOrigins origins, SearchChoices choices, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>The search in the URL (<see cref="SearchForm.Read"/>).</summary>
    public SearchForm Form => field ??= SearchForm.Read(Request.Query);

    public SearchViewModel Search { get; private set; } = null!;
    public Domain.Region Region { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var allowed = string.IsNullOrEmpty(Form.Region) ? null : origins.For(Form.Region);
        var region = allowed is null ? null : (await choices.GetAsync(ct)).Regions.GetValueOrDefault(Form.Region!);
        if (region is null) return NotFound();
        Region = region;
        Response.Headers.ContentSecurityPolicy = WebSetup.ContentSecurityPolicy(string.Join(' ', allowed!.Prepend("'self'")), HttpContext.RequestServices.GetRequiredService<Maps.MapTiles>());
        Response.Headers.Remove("X-Frame-Options");

        Search = await search.RunAsync(Form, ModelState, SearchSurface.Embed, ct);
        // The first view shows the empty form without messages, like the start page.
        if (Form.IsEmpty) ModelState.Clear();
        Search.Title = L["Zoek ondersteuning in regio {0}", region.Name];
        return this.PageOrFragment("_SearchLayout", Search);
    }
}
