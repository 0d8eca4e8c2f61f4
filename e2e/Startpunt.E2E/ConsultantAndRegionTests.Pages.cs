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

/// <summary>Reading the consultant's and the contract manager's pages: sign-in, htmx swaps, result rows, the shortlist, CSV.</summary>
public sealed partial class ConsultantAndRegionTests
{
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
