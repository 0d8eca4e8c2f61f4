using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Search;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Web.Features.Consultant;

/// <summary>/consulent: the consultant's search as a compact table, the shortlist, and a CSV export of the results.</summary>
[Authorize(Policy = Roles.Consultant)]
public sealed class IndexModel(ConsultantSearch search, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>The search in the URL (<see cref="SearchForm.Read"/>).</summary>
    public SearchForm Form => field ??= SearchForm.Read(Request.Query);
    [BindProperty(SupportsGet = true)] public ConsultantFilters Filters { get; set; } = new();
    public ConsultantViewModel Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Result = await search.RunAsync(Form, Filters, ModelState, all: false, ct);
        // First visit: an empty form, without messages.
        if (Form.IsEmpty) ModelState.Clear();
        Result.Title = L["Zoeken voor een cliënt"];
        return this.PageOrFragment("_ConsultantLayout", Result);
    }

    /// <summary>The current results as CSV for Excel.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        Result = await search.RunAsync(Form, Filters, ModelState, all: true, ct);
        Result.Title = L["Zoeken voor een cliënt"];
        if (!Result.HasResult) return Page();
        var name = $"startpunt-{Result.Search.Region!.Id}-{Dates.ToDutchTime(clock.GetUtcNow().UtcDateTime):yyyyMMdd}.csv";
        return await ExcelCsv.FileAsync(name, async csv =>
        {
            await csv.RowAsync(new[] { "Aanbieder", "Product", "Niveau", "Plaats", "Afstand (km)", "Stoplicht", "Aanmelden open", "Wachttijd (weken)", "Vrije plaatsen", "Laatst bevestigd", "Gecontracteerd", "Telefoon", "E-mail", "Website", "Link" }
                .Select(h => (object?)L[h].Value).ToArray());
            foreach (var row in Result.Rows)
            {
                var h = row.Hit;
                await csv.RowAsync(
                    h.ProviderName, h.ProductName, h.LevelName ?? "", h.Town ?? L["bij mensen thuis"].Value,
                    h.DistanceKm is { } km ? km.ToString("0.0", ExcelCsv.Culture) : "",
                    StoplightName(h.Stoplight.Colour),
                    h.Stoplight.IntakeOpen ? L["Ja"].Value : L["Nee"].Value,
                    h.Stoplight.WaitingWeeks,
                    h.FreePlaces?.ToString(ExcelCsv.Culture) ?? "",
                    h.Stoplight.ConfirmedAt is { } at ? Dates.ToDutchTime(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                    row.Contracted ? L["Ja"].Value : L["Nee"].Value,
                    row.Phone ?? "", row.Email ?? "", row.Website ?? "",
                    // The configured public address, never the request's Host header.
                    OpenData.HsdsEndpoints.BaseUrl(Request) + Url.Page("/Offers/Details", values: new { id = h.OfferId }));
            }
        });
    }

    private string StoplightName(StoplightColour colour) => ExcelCsv.StoplightName(colour, L);
}
