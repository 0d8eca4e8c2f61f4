using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.Search;

/// <summary>/zoeken: the whole page, or only form and results when htmx asks (one decision point, Vary: HX-Request).</summary>
public sealed class ResultsModel(ResidentSearch search, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SearchForm Form { get; set; } = new();

    public SearchViewModel Search { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Search = await search.RunAsync(Form, ModelState, SearchSurface.Results, ct);
        Search.Title = ModelState.ErrorCount > 0 ? L["Fout in zoekopdracht"] : Search.Region is null ? L["Zoeken"] : L["Aanbod bij {0}", Form.Postcode ?? ""];
        if (Search.SearchTime is { } took)
            Response.Headers["Server-Timing"] = $"search;dur={took.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)};desc=\"{Search.Result?.Engine}\"";
        return this.PageOrFragment("_SearchLayout", Search);
    }

    /// <summary>The product list of the region a postcode lies in; htmx swaps it in when the postcode changes.</summary>
    public async Task<IActionResult> OnGetProductenAsync(CancellationToken ct)
    {
        Search = await search.RunAsync(Form, ModelState, SearchSurface.Results, ct);
        ModelState.Remove("product");
        if (Search.Products.Count > 0 && ResidentSearch.ProductsFor(Form.Product, Search.Products) is null) Form.Product = null;
        Response.Headers.Vary = "HX-Request";
        return this.Fragment("_SearchForm", Search);
    }
}
