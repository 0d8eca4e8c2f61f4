using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Features.GettingHelp;

namespace Startpunt.Web.Features.Pages;

/// <summary>Texts a region may change, written as Markdown in content/pages (Dutch and English).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ContentPageModel(ContentStore content, StartpuntDb db, Installation installation, HowToGetHelpBuilder help) : PageModel
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["toegankelijkheid"] = "toegankelijkheid",
        ["privacy"] = "privacy",
        ["over-de-demo"] = "demo",
        ["stoplicht"] = "stoplicht",
        ["contact"] = "contact",
    };

    public string Title { get; private set; } = "";
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;
    /// <summary>"Zo krijgt u hulp" with the visitor's Wmo-loket: on the stoplight and contact pages.</summary>
    public HowToGetHelp? Help { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, [FromQuery(Name = "postcode")] string? postcode, CancellationToken ct)
    {
        if (!Files.TryGetValue(name, out var file) || (file == "demo" && !installation.IsDemo)) return NotFound();
        var page = content.Page(file, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        if (page is null) return NotFound();
        var html = page.Value.Html;
        if (file == "stoplicht")
        {
            // The stoplight page names thresholds; they are the same default in every region unless content/ says otherwise.
            var rules = await db.Regions.AsNoTracking().Select(r => new { r.GreenMaxWeeks, r.OrangeMaxWeeks, r.FreshnessDays }).FirstOrDefaultAsync(ct);
            html = html.Replace("{green}", (rules?.GreenMaxWeeks ?? 2).ToString(), StringComparison.Ordinal)
                       .Replace("{orange}", (rules?.OrangeMaxWeeks ?? 6).ToString(), StringComparison.Ordinal)
                       .Replace("{freshness}", (rules?.FreshnessDays ?? 14).ToString(), StringComparison.Ordinal);
        }
        if (file is "stoplicht" or "contact")
            Help = await help.BuildAsync(postcode, null, Url.Page("/Pages/ContentPage", null, new { name }, null, null, "hulp")!, ct);
        Title = page.Value.Title;
        Body = new HtmlString(html);
        return Page();
    }
}
