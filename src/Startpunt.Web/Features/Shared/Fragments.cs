using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Startpunt.Web.Features.Shared;

/// <summary>A view model that can be rendered as an htmx fragment: it then brings its page title along.</summary>
public interface IFragmentModel
{
    string Title { get; }
    /// <summary>Set when the model is rendered as a fragment for htmx, not inside the whole page.</summary>
    bool IsFragment { get; set; }
}

/// <summary>
/// The one way a page answers htmx: the whole page for a normal request (and for htmx's history restore, which needs
/// it), the named partial for an htmx request, with Vary: HX-Request so caches keep the two apart. The partial gets
/// the page's ModelState, so messages next to fields survive the swap.
/// </summary>
public static class Fragments
{
    public static bool WantsFragment(this HttpRequest request) =>
        request.IsHtmxNonBoosted() && !request.IsHtmxHistoryRestoreRequest();

    public static IActionResult PageOrFragment<TModel>(this PageModel page, string partialName, TModel model) where TModel : IFragmentModel
    {
        page.Response.Headers.Vary = "HX-Request";
        if (!page.Request.WantsFragment()) return page.Page();
        model.IsFragment = true;
        return Fragment(page, partialName, model);
    }

    /// <summary>A partial for a request that only ever asks for a part (a handler called by htmx alone).</summary>
    public static PartialViewResult Fragment<TModel>(this PageModel page, string partialName, TModel model)
    {
        page.Response.Headers.Vary = "HX-Request";
        return new() { ViewName = partialName, ViewData = new ViewDataDictionary<TModel>(page.ViewData, model) };
    }
}
