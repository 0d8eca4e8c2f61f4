using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.Search;

/// <summary>/zoeken: the whole page, or only form and results when htmx asks (one decision point, Vary: HX-Request).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ResultsModel(ResidentSearch search, GettingHelp.HowToGetHelpBuilder help, Maps.MapTiles tiles, ResultsMapBuilder map,
    SearchChoices choices, Geo.PlaceDirectory places, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>The search in the URL (<see cref="SearchForm.Read"/>).</summary>
    public SearchForm Form => field ??= SearchForm.Read(Request.Query);

    public SearchViewModel Search { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Search = await search.RunAsync(Form, ModelState, SearchSurface.Results, ct);
        Search.Title = ModelState.ErrorCount > 0 ? L["Fout in zoekopdracht"] : Search.Region is null ? L["Zoeken"] : L["Aanbod bij {0}", Search.PlaceName ?? Form.Postcode ?? ""];
        // Nothing found: the municipality can still help; say how to reach it.
        if (Search.Result is { Total: 0 } && Search.Region is not null)
            Search.Help = await help.BuildAsync(Form.Postcode, null, Url.Page("/Pages/ContentPage", new { name = "contact" }) + "#hulp", ct);
        // The map shows the same hits as the list: built from this search's result, not from a second one.
        if (tiles.IsConfigured && Search.Result is { Total: > 0 } result && ModelState.ErrorCount == 0)
            Search.Map = map.Build(result, Url);
        if (Search.SearchTime is { } took)
            Response.Headers["Server-Timing"] = $"search;dur={took.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)};desc=\"{Search.Result?.Engine}\"";
        return this.PageOrFragment("_SearchLayout", Search);
    }

    /// <summary>Places of the regions for what was typed so far, as datalist options (htmx fills the postcode field's list).</summary>
    public async Task<IActionResult> OnGetPlaatsenAsync(CancellationToken ct)
    {
        var known = await choices.GetAsync(ct);
        var names = places.Suggest(Form.Postcode, 500).Where(p => known.MunicipalitiesInRegions.Contains(p.MunicipalityCode))
            .Select(p => p.Name).Distinct().Take(8);
        return this.Fragment("_PlaceOptions", names.ToList());
    }

    /// <summary>The product list of the region a postcode lies in; htmx swaps it in when the postcode changes.</summary>
    public async Task<IActionResult> OnGetProductenAsync(CancellationToken ct)
    {
        Search = await search.RunAsync(Form, ModelState, SearchSurface.Results, ct);
        ModelState.Remove("product");
        if (Search.Products.Count > 0 && ResidentSearch.ProductsFor(Form.Product, Search.Products) is null) Form.Product = null;
        return this.Fragment("_SearchForm", Search);
    }
}
