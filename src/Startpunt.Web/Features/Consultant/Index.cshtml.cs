using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
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
        var config = new CsvConfiguration(CultureInfo.GetCultureInfo("nl-NL"))
        {
            Delimiter = ";",
            // A cell starting with =, +, -, @ or a tab could run as a formula in Excel: it gets a leading apostrophe.
            InjectionOptions = InjectionOptions.Escape,
        };
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, config))
        {
            foreach (var header in new[] { "Aanbieder", "Product", "Niveau", "Plaats", "Afstand (km)", "Stoplicht", "Aanmelden open", "Wachttijd (weken)", "Vrije plaatsen", "Laatst bevestigd", "Gecontracteerd", "Telefoon", "E-mail", "Website", "Link" })
                csv.WriteField(L[header].Value);
            await csv.NextRecordAsync();
            var baseUrl = Api.HsdsEndpoints.BaseUrl(Request);
            foreach (var row in Result.Rows)
            {
                var h = row.Hit;
                csv.WriteField(h.ProviderName);
                csv.WriteField(h.ProductName);
                csv.WriteField(h.LevelName ?? "");
                csv.WriteField(h.Town ?? L["bij mensen thuis"].Value);
                csv.WriteField(h.DistanceKm is { } km ? km.ToString("0.0", config.CultureInfo) : "");
                csv.WriteField(StoplightName(h.Stoplight.Colour));
                csv.WriteField(h.Stoplight.IntakeOpen ? L["Ja"].Value : L["Nee"].Value);
                csv.WriteField(h.Stoplight.WaitingWeeks);
                csv.WriteField(h.FreePlaces?.ToString(config.CultureInfo) ?? "");
                csv.WriteField(h.Stoplight.ConfirmedAt is { } at ? Dates.ToDutchTime(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
                csv.WriteField(row.Contracted ? L["Ja"].Value : L["Nee"].Value);
                csv.WriteField(row.Phone ?? "");
                csv.WriteField(row.Email ?? "");
                csv.WriteField(row.Website ?? "");
                csv.WriteField($"{baseUrl}/aanbod/{h.OfferId}");
                await csv.NextRecordAsync();
            }
        }
        var name = $"startpunt-{Result.Search.Region!.Id}-{Dates.ToDutchTime(clock.GetUtcNow().UtcDateTime):yyyyMMdd}.csv";
        return File(buffer.ToArray(), "text/csv; charset=utf-8", name);
    }

    private string StoplightName(StoplightColour colour) => colour switch
    {
        StoplightColour.Green => L["Groen"],
        StoplightColour.Orange => L["Oranje"],
        StoplightColour.Red => L["Rood"],
        _ => L["Onbekend"],
    };
}
