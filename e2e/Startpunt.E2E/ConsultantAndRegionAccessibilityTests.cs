using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using Startpunt.Web.Data.Content;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>The axe scan of every consultant and contract-manager page.</summary>
public sealed partial class ConsultantAndRegionTests
{
    [Fact]
    public async Task Every_consultant_and_contract_manager_page_has_no_WCAG_2_2_AA_violations()
    {
        var total = Stopwatch.StartNew();

        async Task CheckAsync(IPage page, string what, List<(string Page, string? Report)> into)
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            var axeClock = Stopwatch.StartNew();
            var report = await Axe.ViolationsReportAsync(page);
            into.Add(($"{what} ({new Uri(page.Url).PathAndQuery}; axe {axeClock.Elapsed.TotalSeconds:0.0} s)", report is null ? null : $"[{what}] {report}"));
        }

        async Task VisitAsync(IPage page, string what, string path, List<(string Page, string? Report)> into)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{path} answered {response.Status}.");
            Assert.Equal(path.Split('?')[0], new Uri(page.Url).AbsolutePath);
            await CheckAsync(page, what, into);
        }

        async Task<List<(string Page, string? Report)>> ConsultantPagesAsync()
        {
            var checkedPages = new List<(string Page, string? Report)>();
            await using var consultant = await app.OpenAsync(javaScript: true);
            var page = consultant.Page;
            await SignInAsync(page, ConsultantEmail, "/consulent");
            await CheckAsync(page, "consultant search, empty", checkedPages);
            await VisitAsync(page, "consultant search with results", ResultsPath, checkedPages);
            await Expect(page.Locator("table.consultant-table tbody tr").First).ToBeVisibleAsync();
            var ids = (await ReadRowsAsync(page)).DistinctBy(r => r.Provider).Take(3).Select(r => r.OfferId).ToList();
            // "alle" chosen in the form: the table comes back through htmx.
            await SwapAsync(page, "#zoeken", () => page.Locator("#contract").SelectOptionAsync("alle"));
            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]contract=alle(&|$)"));
            // The result page with a row marked "niet gecontracteerd" (they come after the contracted ones with the same waiting time).
            var pageCount = await page.Locator("nav.utrecht-pagination .utrecht-pagination__page-link").CountAsync();
            for (var p = 2; p <= pageCount && !(await ReadRowsAsync(page)).Any(r => r.Badge); p++)
            {
                var number = p;
                await SwapAsync(page, "#zoeken", () => page.Locator($"nav.utrecht-pagination [aria-label='Pagina {number}']").ClickAsync());
            }
            await Expect(page.Locator("table.consultant-table")).ToContainTextAsync(NotContractedBadge);
            await CheckAsync(page, "consultant search with contract=alle (after htmx swaps, on a page with marked rows)", checkedPages);
            await VisitAsync(page, "shortlist of three offers", "/shortlist?" + string.Join("&", ids.Select(id => $"aanbod={id}")), checkedPages);
            await Expect(page.Locator("ol.shortlist > li")).ToHaveCountAsync(3);
            Assert.True(consultant.ScriptErrors.Count == 0, "Errors in the consultant's browser: " + consultant.ScriptErrorReport);
            return checkedPages;
        }

        async Task<List<(string Page, string? Report)>> ContractManagerPagesAsync()
        {
            var checkedPages = new List<(string Page, string? Report)>();
            await using var manager = await app.OpenAsync(javaScript: true);
            var page = manager.Page;
            await SignInAsync(page, ContractManagerEmail, "/regio");
            await CheckAsync(page, "freshness dashboard", checkedPages);
            await VisitAsync(page, "providers and contracts", "/regio/aanbieders", checkedPages);
            var contractsHref = await page.Locator("main table tbody tr th a").First.GetAttributeAsync("href") ?? "";
            await VisitAsync(page, "contracts of one provider", contractsHref, checkedPages);
            await Expect(page.Locator("h1")).ToContainTextAsync("Contracten van");
            await page.GotoAsync("/regio/aanbieders");
            var peopleHref = await page.Locator("main table a[href*='/mensen']").First.GetAttributeAsync("href") ?? "";
            await VisitAsync(page, "people of one provider", peopleHref, checkedPages);
            await Expect(page.Locator("h1")).ToContainTextAsync("Mensen van");
            await VisitAsync(page, "new provider form", "/regio/aanbieders/nieuw", checkedPages);
            await page.Locator("main button[type=submit]").ClickAsync();
            await Expect(page.Locator("#Input_KvkNumber-error")).ToBeVisibleAsync();
            await CheckAsync(page, "new provider form with errors", checkedPages);
            await page.GotoAsync("/regio/trends");
            var productId = await page.Locator("#product option:not([value=''])").First.GetAttributeAsync("value");
            await VisitAsync(page, "trends for one product", $"/regio/trends?product={productId}", checkedPages);
            await Expect(page.Locator(".trend__table tbody tr")).ToHaveCountAsync(12);
            await page.GotoAsync("/regio/dekking");
            await Expect(page.Locator("#dekking-kaart")).ToHaveAttributeAsync("data-ready", "1");
            await CheckAsync(page, "coverage with the map", checkedPages);
            await VisitAsync(page, "report, valid period", $"/regio/rapportage?van={ValidFrom}&tot={ValidTo}", checkedPages);
            await Expect(page.Locator("main dl.figures")).ToBeVisibleAsync();
            await VisitAsync(page, "report, start after end", "/regio/rapportage?van=2026-11-01&tot=2026-10-01", checkedPages);
            await Expect(page.Locator("#van-error")).ToBeVisibleAsync();
            await VisitAsync(page, "catalogue", "/regio/catalogus", checkedPages);
            await VisitAsync(page, "region history", "/regio/geschiedenis?soort=Offer", checkedPages);
            await Expect(page.Locator("ol.history-list > li").First).ToBeVisibleAsync();
            await VisitAsync(page, "account history", "/regio/accountgeschiedenis", checkedPages);
            await Expect(page.Locator("ol.history-list > li").First).ToBeVisibleAsync();
            Assert.True(manager.ScriptErrors.Count == 0, "Errors in the contract manager's browser: " + manager.ScriptErrorReport);
            return checkedPages;
        }

        // One role after the other: on a machine with few cores, running both at once is no faster.
        var pages = (await ConsultantPagesAsync()).Concat(await ContractManagerPagesAsync()).ToList();
        var reports = pages.Where(p => p.Report is not null).Select(p => p.Report!).ToList();
        output.WriteLine($"axe checked {pages.Count} pages in {total.Elapsed.TotalSeconds:0.0} s: {string.Join("; ", pages.Select(p => p.Page))}");
        Assert.True(reports.Count == 0, $"{reports.Count} of {pages.Count} pages have WCAG 2.2 AA violations:{Environment.NewLine}{string.Join(Environment.NewLine, reports)}");
    }

    /// <summary>Signs in through the real form and checks the page the role lands on.</summary>
}
