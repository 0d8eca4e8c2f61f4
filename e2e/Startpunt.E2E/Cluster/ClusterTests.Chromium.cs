using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E.Cluster;

/// <summary>
/// A representative part of the Chromium journeys, through nginx: every request may land on either node. The full
/// journeys run on one SQLite process with the fixed clock their expectations rest on. Every response the browser gets
/// from the cluster (pages, htmx fragments, scripts, styles, fonts) must succeed: a node that serves no wwwroot still
/// passes a journey whose forms work without JavaScript.
/// </summary>
public sealed partial class ClusterTests
{
    [Fact]
    public async Task A_resident_and_a_provider_in_chromium_through_nginx()
    {
        await using var browser = await ProxyBrowserAsync();
        var page = browser.Page;

        await page.GotoAsync("/");
        await page.Locator("#postcode").FillAsync("1621 AB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/zoeken");
        await Expect(page.Locator(".result-card").First).ToBeVisibleAsync();

        await SignInAsync(page, Provider);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/wachttijden", StringComparison.Ordinal));
        var id = Visitor.Versions(await page.ContentAsync()).Keys.First();
        await page.Locator($"#weeks-{id}").FillAsync("11");
        // With htmx the row is replaced in place: the page itself is not loaded again.
        var request = page.WaitForRequestAsync(r => r.Method == "POST" && r.Headers.ContainsKey("hx-request"));
        await page.Locator($"#offer-{id}").GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await request;
        await Expect(page.Locator($"#offer-{id} .stoplight")).ToContainTextAsync("Wachttijd 11 weken");
        // Reloaded a few times (round robin: both nodes), the saved value stays.
        for (var i = 0; i < 3; i++)
        {
            await page.ReloadAsync();
            await Expect(page.Locator($"#weeks-{id}")).ToHaveValueAsync("11");
        }
        Assert.Equal(11, await WaitingWeeksAsync(id));
        browser.AssertNothingFailed();
    }

    /// <summary>
    /// The consultant ticks offers on two result pages (the second page arrives by htmx, perhaps from the other node),
    /// the sticky bar counts them and the shortlist holds them in order.
    /// </summary>
    [Fact]
    public async Task A_consultant_in_chromium_through_nginx_makes_a_shortlist_across_pages()
    {
        await using var browser = await ProxyBrowserAsync();
        var page = browser.Page;
        await SignInAsync(page, "consulent@demo.startpunt.example");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/consulent");

        await page.GotoAsync("/consulent?postcode=1621AB&afstand=25&product=dagbesteding");
        var boxes = page.Locator("table.consultant-table input[id^='kies-']");
        Assert.True(await boxes.CountAsync() >= 2, "the first result page has fewer than two offers");
        var chosen = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await boxes.Nth(i).CheckAsync();
            chosen.Add((await boxes.Nth(i).GetAttributeAsync("value"))!);
        }
        await Expect(page.Locator("#shortlist-count")).ToHaveTextAsync("2 gekozen");

        await page.Locator("nav.utrecht-pagination [aria-label='Pagina 2']").ClickAsync();
        await Expect(page.Locator("nav.utrecht-pagination [aria-current=page]")).ToHaveTextAsync("2");
        await Expect(page.Locator("#shortlist-count")).ToHaveTextAsync("2 gekozen");
        var third = page.Locator("table.consultant-table input[id^='kies-']").First;
        await third.CheckAsync();
        chosen.Add((await third.GetAttributeAsync("value"))!);
        await Expect(page.Locator("#shortlist-count")).ToHaveTextAsync("3 gekozen");
        Assert.Contains($"aanbod={string.Join("%2C", chosen)}", page.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Shortlist voor de cliënt maken", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/shortlist");
        Assert.Equal($"?aanbod={string.Join(",", chosen)}", new Uri(page.Url).Query);
        var links = page.Locator("ol.shortlist > li.shortlist__item").GetByRole(AriaRole.Link, new() { Name = "Meer over dit aanbod" });
        await Expect(links).ToHaveCountAsync(3);
        Assert.Equal(chosen.Select(id => $"/aanbod/{id}"), await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        browser.AssertNothingFailed();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/inloggen");
        var main = page.Locator("main");
        await main.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await main.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(Startpunt.Web.Data.Content.DemoAccounts.Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
    }

    private async Task<ProxyBrowser> ProxyBrowserAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = cluster.ProxyUrl });
        // Only the cluster is reachable (no map tiles from outside).
        await context.RouteAsync(url => !url.StartsWith(cluster.ProxyUrl, StringComparison.Ordinal), route => route.AbortAsync());
        var result = new ProxyBrowser(playwright, browser, await context.NewPageAsync());
        context.Response += (_, response) =>
        {
            if (response.Status >= 400) lock (result.Failures) result.Failures.Add($"{response.Status} {response.Request.Method} {response.Url}");
        };
        context.RequestFailed += (_, request) =>
        {
            if (request.Url.StartsWith(cluster.ProxyUrl, StringComparison.Ordinal)) lock (result.Failures) result.Failures.Add($"failed {request.Method} {request.Url}: {request.Failure}");
        };
        return result;
    }

    private sealed record ProxyBrowser(IPlaywright Playwright, IBrowser Browser, IPage Page) : IAsyncDisposable
    {
        public List<string> Failures { get; } = [];

        public void AssertNothingFailed()
        {
            lock (Failures) Assert.True(Failures.Count == 0, $"Responses through nginx that failed:\n{string.Join("\n", Failures)}");
        }

        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
        }
    }
}
