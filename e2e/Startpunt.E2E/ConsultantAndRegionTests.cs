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

/// <summary>
/// The consultant (Westfriesland) searches for a client, narrows by contract and the client's municipality, and makes
/// a printable, shareable shortlist; the contract manager (Westfriesland) watches freshness, trends, coverage and the
/// report. The app and its database are shared by the whole e2e collection: these tests read offers, counts and
/// municipalities from the pages, never assume them.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class ConsultantAndRegionTests(BrowserFixture app, ITestOutputHelper output)
{
    private const string ConsultantEmail = "consulent@demo.startpunt.example";
    private const string ContractManagerEmail = "contractmanager@demo.startpunt.example";
    private const string ResultsPath = "/consulent?postcode=1621AB&afstand=25&product=dagbesteding";
    private const string NotContractedBadge = "niet gecontracteerd";
    /// <summary>Two A4 pages at 96 dpi are 2 x 1123 px; a little less leaves room for the printer's margins.</summary>
    private const int PrintHeightBudgetPx = 2200;
    /// <summary>A4 is 794 px wide at 96 dpi; Chromium prints with 1 cm (38 px) margins left and right.</summary>
    private const int A4PrintableWidthPx = 718;
    /// <summary>The fixed clock of the test app is Monday 16 November 2026; the report may not end after it.</summary>
    private const string ValidFrom = "2026-05-01";
    private const string ValidTo = "2026-11-01";

    private static readonly Regex Number = new(@"^\d+(\.\d+)?$");

    [Fact]
    public async Task Consultant_searches_narrows_by_contract_and_municipality_and_prints_and_shares_a_shortlist_of_three()
    {
        var clock = Stopwatch.StartNew();
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        await SignInAsync(page, ConsultantEmail, "/consulent");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Zoeken voor een cliënt");

        // The resident's search form, the way a consultant fills it in: every change refreshes the table in place.
        await page.Locator("#postcode").FillAsync("1621 AB");
        await SwapAsync(page, "#product-field", () => page.Locator("#postcode").PressAsync("Tab"));
        await Expect(page.Locator("#product-field")).ToContainTextAsync("Producten van regio Westfriesland");
        await SwapAsync(page, "#zoeken", () => page.Locator("#afstand").SelectOptionAsync("25"));
        await SwapAsync(page, "#zoeken", () => page.Locator("#product").SelectOptionAsync("dagbesteding"));
        await Expect(page).ToHaveURLAsync(new Regex(@"/consulent\?.*product=dagbesteding"));
        var context = page.Locator("#resultaten .results-context");
        await Expect(context).ToContainTextAsync("Binnen 25 km van Hoorn");
        var postcodeMunicipality = Regex.Match(await context.InnerTextAsync(), @"voor een cliënt uit (.+?)\.").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(postcodeMunicipality), "The results do not say which municipality the client is from.");
        await Expect(page.Locator("#contract")).ToHaveValueAsync("ja");

        // Only contracted offers, in waiting-time order over all result pages; unknown waiting times last.
        var contracted = await ReadAllResultPagesAsync(page);
        Assert.NotEmpty(contracted.Rows);
        Assert.DoesNotContain(contracted.Rows, r => r.Badge || r.Marked);
        AssertWaitingTimeOrder(contracted.Rows);

        // Also the offers of providers without a contract here: the same offers plus the marked ones, in the same order.
        await SwapAsync(page, "#zoeken", () => page.Locator("#contract").SelectOptionAsync("alle"));
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]contract=alle(&|$)"));
        var all = await ReadAllResultPagesAsync(page);
        var clientMunicipality = postcodeMunicipality;
        if (!all.Rows.Any(r => r.Badge))
        {
            // This query has no offer without a contract for the postcode's municipality: try the client's other municipalities.
            foreach (var (code, name) in await MunicipalityOptionsAsync(page))
            {
                if (name == postcodeMunicipality) continue;
                await SwapAsync(page, "#zoeken", () => page.Locator("#gemeente").SelectOptionAsync(code));
                await Expect(context).ToContainTextAsync($"voor een cliënt uit {name}.");
                all = await ReadAllResultPagesAsync(page);
                clientMunicipality = name;
                if (all.Rows.Any(r => r.Badge)) break;
            }
            Assert.True(all.Rows.Any(r => r.Badge), "No municipality of the region has an offer marked 'niet gecontracteerd' for this search.");
            // The contracted offers for the municipality that has marked ones.
            await SwapAsync(page, "#zoeken", () => page.Locator("#contract").SelectOptionAsync("ja"));
            contracted = await ReadAllResultPagesAsync(page);
            await SwapAsync(page, "#zoeken", () => page.Locator("#contract").SelectOptionAsync("alle"));
            all = await ReadAllResultPagesAsync(page);
        }
        AssertBadgeAndRowMarkAgree(all.Rows);
        AssertWaitingTimeOrder(all.Rows);
        var marked = all.Rows.Where(r => r.Badge).ToList();
        Assert.Equal(contracted.Total + marked.Count, all.Total);
        Assert.Equal(contracted.Rows.Select(r => r.OfferId), all.Rows.Where(r => !r.Badge).Select(r => r.OfferId));

        // The client lives in another municipality of the region: with "alle" the same offers stay, only the marks
        // follow that municipality's contracts; with "ja" exactly the unmarked ones remain.
        var (otherCode, otherName) = (await MunicipalityOptionsAsync(page)).First(m => m.Name != clientMunicipality);
        await SwapAsync(page, "#zoeken", () => page.Locator("#gemeente").SelectOptionAsync(otherCode));
        await Expect(page).ToHaveURLAsync(new Regex($@"[?&]gemeente={otherCode}(&|$)"));
        await Expect(context).ToContainTextAsync($"voor een cliënt uit {otherName}.");
        await Expect(page.Locator("#contract")).ToHaveValueAsync("alle");
        var allOther = await ReadAllResultPagesAsync(page);
        AssertBadgeAndRowMarkAgree(allOther.Rows);
        Assert.Equal(all.Rows.Select(r => r.OfferId), allOther.Rows.Select(r => r.OfferId));
        var markedOther = allOther.Rows.Where(r => r.Badge).ToList();

        await SwapAsync(page, "#zoeken", () => page.Locator("#contract").SelectOptionAsync("ja"));
        await Expect(context).ToContainTextAsync($"voor een cliënt uit {otherName}.");
        var contractedOther = await ReadAllResultPagesAsync(page);
        Assert.DoesNotContain(contractedOther.Rows, r => r.Badge || r.Marked);
        Assert.Equal(allOther.Total - markedOther.Count, contractedOther.Total);
        Assert.Equal(allOther.Rows.Where(r => !r.Badge).Select(r => r.OfferId), contractedOther.Rows.Select(r => r.OfferId));
        AssertWaitingTimeOrder(contractedOther.Rows);

        // In print, the consultant's search page shows the table without the form and the header tools.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("form.search-form")).ToBeHiddenAsync();
        await Expect(page.Locator("header .site-tools")).ToBeHiddenAsync();
        await Expect(page.Locator("table.consultant-table")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Tick two offers on page 1 and one on page 2 (three providers whose waiting time is known): the selection survives
        // paging, the sticky bar counts it, and one shortlist holds all three.
        var onPage = await ReadRowsAsync(page);
        var chosen = onPage.Where(r => !r.Light.StartsWith("Onbekend", StringComparison.Ordinal)).DistinctBy(r => r.Provider).Take(2).ToList();
        Assert.True(chosen.Count == 2, $"The first result page has fewer than two providers with a known waiting time: {string.Join(", ", onPage.Select(r => r.Provider))}.");
        foreach (var row in chosen) await page.Locator($"#kies-{row.OfferId}").CheckAsync();
        await Expect(page.Locator("#shortlist-count")).ToHaveTextAsync("2 gekozen");
        await SwapAsync(page, "#zoeken", () => page.Locator("nav.utrecht-pagination [aria-label='Pagina 2']").ClickAsync());
        await Expect(page.Locator("nav.utrecht-pagination [aria-current=page]")).ToHaveTextAsync("2");
        await Expect(page.Locator("#shortlist-count")).ToHaveTextAsync("2 gekozen");
        var secondPage = await ReadRowsAsync(page);
        var third = secondPage.First(r => !r.Light.StartsWith("Onbekend", StringComparison.Ordinal) && chosen.All(c => c.Provider != r.Provider));
        await page.Locator($"#kies-{third.OfferId}").CheckAsync();
        chosen.Add(third);
        await Expect(page.Locator("#shortlist-count")).ToHaveTextAsync("3 gekozen");
        Assert.Contains($"aanbod={string.Join("%2C", chosen.Select(r => r.OfferId))}", page.Url);
        await Expect(page.Locator("[data-testid=shortlist-bar]")).ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Shortlist voor de cliënt maken", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/shortlist");
        Assert.Equal($"?aanbod={string.Join(",", chosen.Select(r => r.OfferId))}", new Uri(page.Url).Query);
        await AssertShortlistAsync(page, chosen, "the consultant's shortlist");

        // The consultant puts their organisation and phone on the list; the share link carries them.
        await page.Locator("#door-organisatie").FillAsync("Sociaal team Hoorn");
        await page.Locator("#door-telefoon").FillAsync("0229 123 456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zet op de lijst", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=made-by]")).ToContainTextAsync("Carla Consulent, Sociaal team Hoorn");
        await Expect(page.Locator("[data-testid=made-by] a[href='tel:0229123456']")).ToBeVisibleAsync();

        // The share link: the shortlist itself with the consultant's details, shown on the page.
        var share = page.Locator("a.shortlist__link");
        var link = (await share.InnerTextAsync()).Trim();
        Assert.Equal(link, await share.GetAttributeAsync("href"));
        Assert.StartsWith($"{app.BaseUrl}/shortlist?aanbod={string.Join(",", chosen.Select(r => r.OfferId))}&door=", link);

        // Print: no header tools, banner, footer or share section; the list and its stoplights are there, on little paper.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header .site-tools")).ToBeHiddenAsync();
        await Expect(page.Locator(".demo-banner")).ToBeHiddenAsync();
        await Expect(page.Locator("footer.site-footer")).ToBeHiddenAsync();
        await Expect(page.Locator("form[role=search]:visible")).ToHaveCountAsync(0);
        await Expect(page.Locator("section[aria-labelledby=delen]")).ToBeHiddenAsync();
        await Expect(page.Locator("ol.shortlist")).ToBeVisibleAsync();
        await Expect(page.Locator("ol.shortlist .shortlist__item .stoplight:visible")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=made-by]")).ToBeVisibleAsync();
        var heightAtScreenWidth = await DocumentHeightAsync(page);
        await page.SetViewportSizeAsync(A4PrintableWidthPx, 1047);
        var printHeight = await DocumentHeightAsync(page);
        var pdf = await page.PdfAsync(new() { Format = "A4", Margin = new() { Top = "1cm", Bottom = "1cm", Left = "1cm", Right = "1cm" } });
        var pdfPages = Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-zA-Z])").Count;
        output.WriteLine($"PRINT: the shortlist of 3 offers is {printHeight} px high in print media at the A4 printable width of {A4PrintableWidthPx} px " +
                         $"({heightAtScreenWidth} px at the 1280 px screen width); as an A4 PDF with 1 cm margins it has {pdfPages} page(s). Budget: {PrintHeightBudgetPx} px.");
        Assert.True(printHeight <= PrintHeightBudgetPx, $"The printed shortlist is {printHeight} px high at {A4PrintableWidthPx} px wide, more than {PrintHeightBudgetPx} px (two A4 pages).");

        // The link opened by someone else, not signed in: the same three offers.
        await using var client = await app.OpenAsync(javaScript: true);
        var response = await client.Page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        await Expect(client.Page.GetByRole(AriaRole.Link, new() { Name = "Inloggen voor aanbieders en gemeenten" })).ToBeVisibleAsync();
        await AssertShortlistAsync(client.Page, chosen, "the shared link in an anonymous browser");
        await Expect(client.Page.Locator("[data-testid=made-by]")).ToContainTextAsync("Sociaal team Hoorn");

        clock.Stop();
        var unknown = contracted.Rows.Count(r => r.Light.StartsWith("Onbekend", StringComparison.Ordinal));
        var closed = contracted.Rows.Count(r => r.Light.Contains("Geen nieuwe aanmeldingen", StringComparison.Ordinal));
        output.WriteLine($"CONSULTANT: {clock.Elapsed.TotalSeconds:0.0} s. Hoorn 1621 AB, 25 km, dagbesteding: {contracted.Total} contracted offers for {clientMunicipality} " +
                         $"({contracted.Total - unknown - closed} open by weeks, then {closed} closed for intake, then {unknown} 'Onbekend'), " +
                         $"{all.Total} with 'alle' ({marked.Count} marked 'niet gecontracteerd', e.g. {marked[0].Provider} - {marked[0].Product}); " +
                         $"client from {otherName}: {allOther.Total} with 'alle' ({markedOther.Count} marked), {contractedOther.Total} contracted. " +
                         $"Shortlist: {string.Join("; ", chosen.Select(r => $"{r.OfferId} {r.Provider} ({r.Product})"))}.");
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the consultant's browser: " + session.ScriptErrorReport);
        Assert.True(client.ScriptErrors.Count == 0, "Errors in the client's browser: " + client.ScriptErrorReport);
    }

    [Fact]
    public async Task Consultant_downloads_the_results_as_a_semicolon_separated_CSV_with_a_byte_order_mark()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        await SignInAsync(page, ConsultantEmail, "/consulent");
        await page.GotoAsync(ResultsPath);
        var total = await TotalAsync(page);
        var first = (await ReadRowsAsync(page))[0];

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download als CSV voor Excel (puntkomma-gescheiden)", Exact = true }).ClickAsync());

        Assert.Null(await download.FailureAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF,
            $"The CSV does not start with the UTF-8 byte order mark: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(8, bytes.Length)))}.");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        var records = ParseCsv(text, ';');
        var header = records[0];
        Assert.StartsWith("Aanbieder;", text, StringComparison.Ordinal);
        Assert.Equal(new[] { "Aanbieder", "Product", "Niveau", "Plaats", "Afstand (km)", "Stoplicht", "Aanmelden open", "Wachttijd (weken)", "Vrije plaatsen",
            "Laatst bevestigd", "Gecontracteerd", "Telefoon", "E-mail", "Website", "Link" }, header);
        var rows = records.Skip(1).ToList();
        // Every result, not only the first page of the table; all contracted (the default "ja").
        Assert.Equal(total, rows.Count);
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        Assert.All(rows, r => Assert.Equal("Ja", r[10]));
        Assert.Equal(first.Provider, rows[0][0]);
        Assert.Equal($"{app.BaseUrl}/aanbod/{first.OfferId}", rows[0][14]);
        Assert.Matches(@"^startpunt-westfriesland-\d{8}\.csv$", download.SuggestedFilename);
        output.WriteLine($"CSV: {download.SuggestedFilename}, {bytes.Length} bytes, {rows.Count} rows (the table says {total}); first row: {string.Join(";", rows[0])}");
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);
    }

    [Fact]
    public async Task Contract_manager_gets_not_found_for_another_region_and_the_consultant_gets_no_access_to_the_region_pages()
    {
        await using (var manager = await app.OpenAsync(javaScript: true))
        {
            var page = manager.Page;
            await SignInAsync(page, ContractManagerEmail, "/regio");
            foreach (var path in new[] { "/regio?regio=meierij", "/regio/trends?regio=meierij", "/regio/rapportage?regio=meierij&handler=csv" })
            {
                var response = await page.GotoAsync(path);
                // Another region's pages say "geen toegang" (issue 13), and show none of its data.
                Assert.True(response!.Status == 403, $"{path} answered {response.Status} for the contract manager of Westfriesland.");
                await Expect(page.Locator("table")).ToHaveCountAsync(0);
            }
        }

        await using var consultant = await app.OpenAsync(javaScript: true);
        var consultantPage = consultant.Page;
        await SignInAsync(consultantPage, ConsultantEmail, "/consulent");
        foreach (var path in new[] { "/regio", "/regio/aanbieders" })
        {
            var response = await consultantPage.GotoAsync(path);
            Assert.Equal("/account/geen-toegang", new Uri(consultantPage.Url).AbsolutePath);
            Assert.True(response!.Status == 403, $"{path} answered {response.Status} for the consultant.");
            await Expect(consultantPage.Locator("h1")).ToHaveTextAsync("Geen toegang");
            await Expect(consultantPage.Locator("main")).ToContainTextAsync("Met uw account kunt u deze pagina niet openen.");
        }
    }
}
