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

/// <summary>The contract manager's journey: dashboard, remind now, trends, coverage and the report.</summary>
public sealed partial class ConsultantAndRegionTests
{
    [Fact]
    public async Task Contract_manager_reminds_a_provider_and_reads_trends_coverage_and_the_report()
    {
        var clock = Stopwatch.StartNew();
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        await SignInAsync(page, ContractManagerEmail, "/regio");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Houden aanbieders hun gegevens actueel?");
        await Expect(page.Locator("nav.workspace-nav")).ToContainTextAsync("Westfriesland");

        // The region's figure and the table per provider.
        var share = (await page.Locator("[data-testid=region-share]").InnerTextAsync()).Trim();
        var percent = Regex.Match(share, @"^(\d{1,3})[\s\u00A0\u202F]?%$");
        Assert.True(percent.Success, $"The region's share '{share}' is not a percentage.");
        Assert.InRange(int.Parse(percent.Groups[1].Value, CultureInfo.InvariantCulture), 0, 100);
        var providerRows = page.Locator("table.freshness-table tbody tr");
        Assert.True(await providerRows.CountAsync() > 0, "The provider table has no rows.");

        // Most overdue first.
        await page.Locator("nav.sort-links").GetByRole(AriaRole.Link, new() { Name = "Meeste achterstand", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sorteer=achterstand", StringComparison.Ordinal));
        var overdue = (await page.Locator("table.freshness-table tbody tr [data-testid=overdue]").AllInnerTextsAsync())
            .Select(t => int.Parse(t.Trim(), CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(overdue);
        for (var i = 1; i < overdue.Count; i++)
            Assert.True(overdue[i - 1] >= overdue[i], $"'Meeste achterstand': row {i} has {overdue[i - 1]} overdue, row {i + 1} has {overdue[i]}.");
        Assert.Equal(int.Parse(await page.Locator("[data-testid=region-overdue]").InnerTextAsync(), CultureInfo.InvariantCulture), overdue.Sum());

        // Remind the first provider that has the button.
        var remindable = providerRows.Filter(new() { Has = page.Locator("button", new() { HasText = "Herinner nu" }) }).First;
        var providerId = await remindable.GetAttributeAsync("data-provider");
        // The name is the link's visible text; a hidden ": aanbod dat te laat is" follows it for screen readers.
        var providerName = (await remindable.Locator("th").InnerTextAsync()).Split('\n')[0].Trim();
        await remindable.Locator("button", new() { HasText = "Herinner nu" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/regio");
        var status = page.Locator("main .utrecht-alert--ok[role=status]");
        // The message names the provider and, when sent, the address it went to.
        var name = Regex.Escape(providerName);
        await Expect(status).ToHaveTextAsync(new Regex($"De herinnering aan {name} is verstuurd naar \\S+@\\S+\\.|Er is geen herinnering verstuurd: {name} heeft"));
        var statusText = (await status.InnerTextAsync()).Trim();
        if (statusText.StartsWith("De herinnering aan", StringComparison.Ordinal))
            // The "Laatste herinnering" column of that provider now has today's date.
            await Expect(page.Locator($"table.freshness-table tr[data-provider='{providerId}'] td").Nth(4)).ToHaveTextAsync("16 november 2026");

        // Waiting times over time for one product.
        await page.Locator("nav.workspace-nav").GetByRole(AriaRole.Link, new() { Name = "Wachttijden", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/regio/trends");
        var products = await page.Locator("#product option").EvaluateAllAsync<JsonElement>("os => os.map(o => ({ value: o.value, label: o.textContent.trim() }))");
        var product = products.EnumerateArray().Select(o => (Value: o.GetProperty("value").GetString()!, Label: o.GetProperty("label").GetString()!))
            .Where(o => o.Value != "").OrderBy(o => o.Label.StartsWith("Dagbesteding", StringComparison.Ordinal) ? 0 : 1).First();
        await page.Locator("#product").SelectOptionAsync(product.Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"product={product.Value}", StringComparison.Ordinal));
        await Expect(page.Locator("#product")).ToHaveValueAsync(product.Value);
        var chart = page.Locator("figure.trend__chart svg[role=img]");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveAttributeAsync("aria-labelledby", "trend-title");
        var title = (await chart.Locator("title#trend-title").TextContentAsync() ?? "").Trim();
        var trendRows = await page.Locator(".trend__table tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => Array.from(r.children).map(c => c.textContent.trim()))");
        Assert.Equal(12, trendRows.Length);
        foreach (var cells in trendRows)
        {
            Assert.Equal(5, cells.Length);
            Assert.Matches(@"^\d{1,2} \p{L}+ \d{4}$", cells[0]);
            Assert.Matches(@"^\d+$", cells[1]);
            Assert.All(cells[2..], c => Assert.True(c == "-" || Number.IsMatch(c), $"'{c}' in the trend table is not a number."));
        }
        var withMedian = trendRows.Where(c => c[3] != "-").ToList();
        Assert.True(withMedian.Count > 0, $"The trend table for '{product.Label}' has no week with a median.");
        // The chart's summary says the same as the last week with figures in the table; the line has a point per such week.
        var last = withMedian[^1];
        Assert.Equal($"Mediaan nu {last[3]} weken, middelste helft {last[2]} tot {last[4]} weken. De tabel ernaast heeft alle getallen.", title);
        var linePoints = ((await chart.Locator("polyline.trend__line").GetAttributeAsync("points")) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(withMedian.Count, linePoints);

        // Coverage: the map and the list of gaps (or the message that there are none).
        await page.Locator("nav.workspace-nav").GetByRole(AriaRole.Link, new() { Name = "Dekking", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/regio/dekking");
        var map = page.Locator("#dekking-kaart");
        await Expect(map).ToBeVisibleAsync();
        await Expect(map).ToHaveAttributeAsync("data-ready", "1");
        var summary = Regex.Match(await page.Locator("[data-testid=coverage-summary]").InnerTextAsync(), @"^(\d+) van de (\d+) postcodegebieden");
        Assert.True(summary.Success, "The coverage summary does not say how many postcode areas have no offer nearby.");
        var gaps = int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture);
        var areas = int.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(areas > 0, "The region has no postcode areas.");
        if (gaps == 0) await Expect(page.GetByText("Overal is aanbod dichtbij.", new() { Exact = true })).ToBeVisibleAsync();
        else await Expect(page.Locator("table.coverage-table tbody tr")).ToHaveCountAsync(gaps);
        // One dot on the map per postcode area (the tiles cannot load here; the dots are drawn without them).
        await Expect(map.Locator(".leaflet-overlay-pane path")).ToHaveCountAsync(areas);

        // The report: a start after the end gets a Dutch message and no figures.
        var response = await page.GotoAsync("/regio/rapportage?van=2026-11-01&tot=2026-10-01");
        Assert.Equal(200, response!.Status);
        const string OrderMessage = "De begindatum ligt na de einddatum. Draai ze om.";
        await Expect(page.Locator("main [role=alert]")).ToContainTextAsync(OrderMessage);
        await Expect(page.Locator("#van-error")).ToContainTextAsync(OrderMessage);
        await Expect(page.Locator("#van")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("main dl.figures")).ToHaveCountAsync(0);
        await Expect(page.Locator("main table")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download als CSV" })).ToHaveCountAsync(0);

        // A valid period: the figures and the CSV link for that period.
        await page.Locator("#van").FillAsync(ValidFrom);
        await page.Locator("#tot").FillAsync(ValidTo);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"van={ValidFrom}", StringComparison.Ordinal) && url.Contains($"tot={ValidTo}", StringComparison.Ordinal));
        await Expect(page.Locator("main [role=alert]")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).ToContainTextAsync("Periode 1 mei 2026 tot en met 1 november 2026.");
        var figures = await page.Locator("main dl.figures .figures__item dd").AllInnerTextsAsync();
        Assert.Equal(6, figures.Count);
        Assert.All(figures, f => Assert.Matches(@"^\d+([\s\u00A0\u202F]?%)?$", f.Trim()));
        Assert.True(await page.Locator("main table tbody tr").CountAsync() > 0, "The report has no figures per product.");
        var csvLink = page.GetByRole(AriaRole.Link, new() { Name = "Download als CSV", Exact = true });
        await Expect(csvLink).ToHaveAttributeAsync("href", $"/regio/rapportage?handler=csv&regio=westfriesland&van={ValidFrom}&tot={ValidTo}");
        var csv = await session.Context.APIRequest.GetAsync(await csvLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("\uFEFFRegio;Westfriesland", Encoding.UTF8.GetString(await csv.BodyAsync()), StringComparison.Ordinal);

        clock.Stop();
        output.WriteLine($"CONTRACT MANAGER: {clock.Elapsed.TotalSeconds:0.0} s. Region share {share}; reminded '{providerName}' ({providerId}): '{statusText}'; " +
                         $"trend for '{product.Label}': {withMedian.Count} of 12 weeks with a median, '{title}'; coverage: {gaps} of {areas} areas without an offer nearby; " +
                         $"report {ValidFrom}..{ValidTo}: {string.Join(" / ", figures)}.");
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);
    }
}
