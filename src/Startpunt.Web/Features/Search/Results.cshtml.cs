using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.Search;

/// <summary>/zoeken: the whole page, or only the results when htmx asks (one decision point, Vary: HX-Request).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ResultsModel(ResidentSearch search, IStringLocalizer<SharedResource> L) : PageModel
{
    public static string TitleFor(SearchPageModel s, IStringLocalizer<SharedResource> L) =>
        s.Errors.Count > 0 ? L["Fout in zoekopdracht"] : s.Region is null ? L["Zoeken"] : L["Aanbod bij {0}", s.Form.Postcode ?? ""];

    [BindProperty(SupportsGet = true)]
    public SearchForm Form { get; set; } = new();

    public SearchPageModel Search { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Search = await search.RunAsync(Form, ct);
        Response.Headers.Vary = "HX-Request";
        if (Search.SearchTime is { } took)
            Response.Headers["Server-Timing"] = $"search;dur={took.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)};desc=\"{Search.Result?.Engine}\"";
        if (!Htmx.IsFragmentRequest(Request)) return Page();
        // PageModel.Partial() starts from empty view data; the fragment flag and the title must travel along.
        return new PartialViewResult
        {
            ViewName = "_SearchLayout",
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<SearchPageModel>(ViewData, Search)
            {
                ["Fragment"] = true,
                ["FullForm"] = true,
                ["Title"] = TitleFor(Search, L),
            },
        };
    }

    /// <summary>The product list of the region a postcode lies in; htmx swaps it in when the postcode changes.</summary>
    public async Task<IActionResult> OnGetProductenAsync(CancellationToken ct)
    {
        Search = await search.RunAsync(Form, ct);
        Search.Errors.Remove("product");
        if (Search.Products.Count > 0 && ResidentSearch.ProductsFor(Form.Product, Search.Products) is null) Form.Product = null;
        Response.Headers.Vary = "HX-Request";
        return Partial("_SearchForm", Search);
    }
}
