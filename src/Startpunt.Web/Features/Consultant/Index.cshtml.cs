using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Search;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.Consultant;

/// <summary>/consulent: the consultant's search as a compact table, the shortlist, and a CSV export of the results.</summary>
[Authorize(Policy = Roles.Consultant)]
public sealed class IndexModel(ConsultantSearch search, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)] public SearchForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public ConsultantFilters Filters { get; set; } = new();
    public ConsultantPageModel Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Form.IsEmpty)
        {
            // First visit: an empty form, without messages.
            Result = await search.RunAsync(Form, Filters, all: false, ct);
            Result.Search.Errors.Clear();
        }
        else Result = await search.RunAsync(Form, Filters, all: false, ct);
        Response.Headers.Vary = "HX-Request";
        if (!Htmx.IsFragmentRequest(Request)) return Page();
        return new PartialViewResult
        {
            ViewName = "_ConsultantLayout",
            ViewData = new ViewDataDictionary<ConsultantPageModel>(ViewData, Result) { ["Fragment"] = true, ["Title"] = L["Zoeken voor een cliënt"].Value },
        };
    }

    /// <summary>The current results as CSV for Excel: UTF-8 with a byte order mark, separated by semicolons, safe against formulas.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        Result = await search.RunAsync(Form, Filters, all: true, ct);
        if (!Result.HasResult) return Page();
        var baseUrl = $"{Request.Scheme}://{Request.Host}";
        var culture = ExcelCsv.Culture;
        var headers = new[] { "Aanbieder", "Product", "Niveau", "Plaats", "Afstand (km)", "Stoplicht", "Aanmelden open", "Wachttijd (weken)", "Vrije plaatsen", "Laatst bevestigd", "Gecontracteerd", "Telefoon", "E-mail", "Website", "Link" }
            .Select(h => L[h].Value);
        var rows = Result.Rows.Select(row =>
        {
            var h = row.Hit;
            return new[]
            {
                h.ProviderName, h.ProductName, h.LevelName ?? "", h.Town ?? L["bij mensen thuis"].Value,
                h.DistanceKm is { } km ? km.ToString("0.0", culture) : "",
                StoplightName(h.Stoplight.Colour), h.Stoplight.IntakeOpen ? L["Ja"].Value : L["Nee"].Value,
                h.Stoplight.WaitingWeeks.ToString(culture), h.FreePlaces?.ToString(culture) ?? "",
                h.Stoplight.ConfirmedAt is { } at ? Dates.ToDutchTime(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                row.Contracted ? L["Ja"].Value : L["Nee"].Value, row.Phone ?? "", row.Email ?? "", row.Website ?? "", $"{baseUrl}/aanbod/{h.OfferId}",
            };
        });
        var bytes = await ExcelCsv.WriteAsync(headers, rows);
        var name = $"startpunt-{Result.Search.Region!.Id}-{Dates.ToDutchTime(clock.GetUtcNow().UtcDateTime):yyyyMMdd}.csv";
        return File(bytes, "text/csv; charset=utf-8", name);
    }

    private string StoplightName(StoplightColour colour) => ExcelCsv.StoplightName(colour, L);
}
