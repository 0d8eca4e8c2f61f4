using Startpunt.Web.Domain;
using Startpunt.Web.Features.Shared;
using Startpunt.Web.Geo;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Features.Search;

/// <summary>Where the search form and its results are shown: decides the form's page, its extra fields and how offers open.</summary>
public enum SearchSurface
{
    /// <summary>The start page: the form alone, which goes to the results page.</summary>
    Start,
    /// <summary>/zoeken: form and results, refreshed in place by htmx.</summary>
    Results,
    /// <summary>/embed: the same inside a municipality's iframe; offers open on Startpunt in a new window.</summary>
    Embed,
    /// <summary>/consulent: the same form with the consultant's filters, and a table instead of cards.</summary>
    Consultant,
}

/// <summary>What the search form and the result list show; errors are in the page's ModelState.</summary>
public sealed class SearchViewModel : IFragmentModel
{
    public required SearchForm Form { get; init; }
    public SearchSurface Surface { get; init; }
    public PostcodeArea? Place { get; set; }
    /// <summary>The place name the person typed instead of a postcode ("Hoorn"), when they did.</summary>
    public string? PlaceName { get; set; }
    public Municipality? Municipality { get; set; }
    public Region? Region { get; set; }
    public int DistanceKm { get; set; } = SearchForm.DefaultDistance;
    public IReadOnlyList<Product> Products { get; set; } = [];
    public IReadOnlyList<TargetGroup> TargetGroups { get; set; } = [];
    public IReadOnlyList<Language> Languages { get; set; } = [];
    public OfferSearchResult? Result { get; set; }
    /// <summary>How long the engine took; sent as a Server-Timing header so it can be measured from outside.</summary>
    public TimeSpan? SearchTime { get; set; }
    /// <summary>The consultant's own filters, shown inside the form on <see cref="SearchSurface.Consultant"/>.</summary>
    public Consultant.ConsultantViewModel? Consultant { get; set; }

    /// <summary>"Zo krijgt u hulp" with the municipality's Wmo-loket, shown when nothing was found.</summary>
    public GettingHelp.HowToGetHelp? Help { get; set; }

    /// <summary>The map beside the results (/zoeken only, when map tiles are configured and something was found).</summary>
    public ResultsMap? Map { get; set; }

    public string Title { get; set; } = "";
    public bool IsFragment { get; set; }

    /// <summary>The page the form submits to, and that its links (sort, pages, larger distance) point at.</summary>
    public string PageName => Surface switch
    {
        SearchSurface.Embed => "/Search/Embed",
        SearchSurface.Consultant => "/Consultant/Index",
        _ => "/Search/Results",
    };

    /// <summary>Start page and results alike: htmx refreshes form and results in place, except on the start page.</summary>
    public bool RefreshesInPlace => Surface != SearchSurface.Start;

    /// <summary>The next larger distance to suggest when nothing was found.</summary>
    public int? LargerDistance => SearchForm.Distances.Where(d => d > DistanceKm).Cast<int?>().FirstOrDefault();

    public string LanguageName(string code) => Languages.FirstOrDefault(l => l.Code == code)?.DisplayName() ?? code;

    public string LanguageNames(IReadOnlyList<string> codes) => codes.Count == 1 ? LanguageName(codes[0]) : string.Join(", ", codes.Select(LanguageName));

    /// <summary>The region's product with this id (a result card's), if it is in the catalogue.</summary>
    public Product? Product(int id)
    {
        foreach (var p in Products)
        {
            if (p.Id == id) return p;
        }
        return null;
    }
}
