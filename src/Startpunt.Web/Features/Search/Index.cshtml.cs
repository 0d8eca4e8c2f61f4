using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Startpunt.Web.Features.Search;

public sealed class IndexModel(ResidentSearch search) : PageModel
{
    public SearchViewModel Search { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The start page only shows the form; an empty search yields the option lists without messages.
        Search = await search.RunAsync(new SearchForm(), ModelState, SearchSurface.Start, ct);
        ModelState.Clear();
    }
}
