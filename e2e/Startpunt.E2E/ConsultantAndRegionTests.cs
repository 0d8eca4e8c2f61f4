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

    private static async Task SignInAsync(IPage page, string email, string landsOn)
    {
        await page.GotoAsync("/account/inloggen");
        var main = page.Locator("main");
        await main.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await main.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landsOn);
    }

    /// <summary>
    /// Runs an action that makes htmx replace the element (the whole form and table, or the product field), and waits
    /// until the new element is in the page and htmx has settled. htmx pushes the new URL before it swaps, so the URL
    /// alone does not say the table is new.
    /// </summary>
    private static async Task SwapAsync(IPage page, string selector, Func<Task> action)
    {
        await page.EvaluateAsync("s => { const el = document.querySelector(s); if (el) el.__stale = true; }", selector);
        await action();
        try
        {
            await page.WaitForFunctionAsync(
                "s => { const el = document.querySelector(s); return !!el && !el.__stale && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling'); }",
                selector, new() { Timeout = 8_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"htmx did not replace {selector} within 8 s (at {page.Url}).");
        }
    }

    private sealed record ResultRow(int OfferId, string Provider, string Product, bool Badge, bool Marked, string Weeks, string Light);

    private sealed record Results(int Total, List<ResultRow> Rows);

    /// <summary>The rows of the consultant's table on the current result page.</summary>
    private static async Task<List<ResultRow>> ReadRowsAsync(IPage page)
    {
        var json = await page.Locator("table.consultant-table tbody tr").EvaluateAllAsync<JsonElement>("""
            rows => rows.map(r => ({
                id: r.querySelector('input[type=checkbox][name=aanbod]').value,
                provider: r.querySelector('th a').textContent.trim(),
                product: r.querySelector('.consultant-row__product').textContent.trim(),
                badge: Array.from(r.querySelectorAll('th .update-row__badge')).some(b => b.textContent.trim() === 'niet gecontracteerd'),
                marked: r.classList.contains('consultant-row--not-contracted'),
                weeks: r.querySelectorAll('td')[3].textContent.trim(),
                light: r.querySelector('.stoplight').textContent.replace(/\s+/g, ' ').trim()
            }))
            """);
        return json.EnumerateArray().Select(r => new ResultRow(
            int.Parse(r.GetProperty("id").GetString()!, CultureInfo.InvariantCulture), r.GetProperty("provider").GetString()!,
            r.GetProperty("product").GetString()!, r.GetProperty("badge").GetBoolean(), r.GetProperty("marked").GetBoolean(),
            r.GetProperty("weeks").GetString()!, r.GetProperty("light").GetString()!)).ToList();
    }

    private static async Task<int> TotalAsync(IPage page)
    {
        var heading = await page.Locator("#aantal").InnerTextAsync();
        var match = Regex.Match(heading, @"^(\d+) aanbieding");
        Assert.True(match.Success, $"Cannot read the number of results from '{heading}'.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Every row of the current search over all its result pages (htmx pagination), back on page 1 at the end.</summary>
    private static async Task<Results> ReadAllResultPagesAsync(IPage page)
    {
        var total = await TotalAsync(page);
        var rows = await ReadRowsAsync(page);
        var pageCount = await page.Locator("nav.utrecht-pagination .utrecht-pagination__page-link").CountAsync();
        for (var p = 2; p <= pageCount; p++)
        {
            var number = p;
            await SwapAsync(page, "#zoeken", () => page.Locator($"nav.utrecht-pagination [aria-label='Pagina {number}']").ClickAsync());
            await Expect(page.Locator("nav.utrecht-pagination [aria-current=page]")).ToHaveTextAsync(number.ToString(CultureInfo.InvariantCulture));
            rows.AddRange(await ReadRowsAsync(page));
        }
        if (pageCount > 1)
            await SwapAsync(page, "#zoeken", () => page.Locator("nav.utrecht-pagination [aria-label='Pagina 1']").ClickAsync());
        Assert.True(rows.Count == total, $"The result pages hold {rows.Count} rows, the heading says {total}.");
        Assert.Equal(rows.Count, rows.Select(r => r.OfferId).Distinct().Count());
        return new Results(total, rows);
    }

    private static async Task<List<(string Code, string Name)>> MunicipalityOptionsAsync(IPage page)
    {
        var json = await page.Locator("#gemeente option").EvaluateAllAsync<JsonElement>("os => os.map(o => ({ value: o.value, label: o.textContent.trim() }))");
        return json.EnumerateArray().Select(o => (o.GetProperty("value").GetString()!, o.GetProperty("label").GetString()!)).Where(o => o.Item1 != "").ToList();
    }

    /// <summary>Known and open by weeks, then known but closed, then "Onbekend"; the weeks column says the same as the stoplight.</summary>
    private static void AssertWaitingTimeOrder(List<ResultRow> rows)
    {
        var ranks = rows.Select(r => ResultCards.WaitingRank(r.Light)).ToList();
        for (var i = 1; i < rows.Count; i++)
            Assert.True(ranks[i - 1] <= ranks[i], $"Row {i} ('{rows[i - 1].Provider}': {rows[i - 1].Light}) comes before row {i + 1} ('{rows[i].Provider}': {rows[i].Light}) in the waiting-time order.");
        foreach (var r in rows)
        {
            if (r.Light.StartsWith("Onbekend", StringComparison.Ordinal)) Assert.Equal("onbekend", r.Weeks, ignoreCase: true);
            else
            {
                Assert.Matches(@"^\d+$", r.Weeks);
                var rank = ResultCards.WaitingRank(r.Light);
                if (rank < 1000) Assert.Equal(rank.ToString(CultureInfo.InvariantCulture), r.Weeks);
            }
        }
    }

    private static void AssertBadgeAndRowMarkAgree(List<ResultRow> rows)
    {
        foreach (var r in rows)
            Assert.True(r.Badge == r.Marked, $"Offer {r.OfferId} ({r.Provider}): the badge 'niet gecontracteerd' is {(r.Badge ? "" : "not ")}shown, the row is {(r.Marked ? "" : "not ")}marked.");
    }

    /// <summary>The shortlist page shows exactly the chosen offers, in order, each with its stoplight and confirmation date.</summary>
    private static async Task AssertShortlistAsync(IPage page, List<ResultRow> chosen, string what)
    {
        await Expect(page.Locator("h1")).ToHaveTextAsync("Aanbod dat bij u kan passen");
        await Expect(page.Locator("main .utrecht-alert--warning")).ToHaveCountAsync(0);
        var items = page.Locator("ol.shortlist > li.shortlist__item");
        await Expect(items).ToHaveCountAsync(chosen.Count);
        Assert.Equal(chosen.Select(r => r.Provider), (await items.Locator("h2").AllInnerTextsAsync()).Select(t => t.Trim()));
        for (var i = 0; i < chosen.Count; i++)
        {
            var item = items.Nth(i);
            await Expect(item.Locator("p").First).ToHaveTextAsync(chosen[i].Product);
            await Expect(item.Locator(".stoplight")).ToHaveCountAsync(1);
            await Expect(item.Locator(".stoplight")).ToContainTextAsync("bevestigd op");
            var light = Regex.Replace(await item.Locator(".stoplight").InnerTextAsync(), @"\s+", " ").Trim();
            Assert.True(light == chosen[i].Light, $"In {what}, offer {chosen[i].OfferId} shows '{light}', the consultant's table showed '{chosen[i].Light}'.");
            await Expect(item.GetByRole(AriaRole.Link, new() { Name = "Meer over dit aanbod" })).ToHaveAttributeAsync("href", $"/aanbod/{chosen[i].OfferId}");
        }
    }

    /// <summary>The height of the rendered document itself (not the viewport), in CSS pixels.</summary>
    private static Task<int> DocumentHeightAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.ceil(Math.max(document.documentElement.getBoundingClientRect().height, document.body.getBoundingClientRect().height))");

    /// <summary>RFC 4180 records: quoted fields may hold the separator, quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text, char separator)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { record.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
