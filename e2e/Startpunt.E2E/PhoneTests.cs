using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using Startpunt.Web.Data.Content;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>On a 390 px phone: the resident reaches help, and no page of any role scrolls sideways.</summary>
[Collection(E2ECollection.Name)]
public sealed class PhoneTests(BrowserFixture app, ITestOutputHelper output)
{
    private const int PhoneWidth = 390;

    private static async Task<IPage> PhoneAsync(BrowserSession session)
    {
        await session.Page.SetViewportSizeAsync(PhoneWidth, 844);
        return session.Page;
    }

    [Fact]
    public async Task A_resident_types_Hoorn_picks_day_activities_within_4_weeks_and_reaches_the_Wmo_desk_and_the_provider()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = await PhoneAsync(session);
        await page.GotoAsync("/");
        await page.GetByLabel("Postcode of woonplaats", new() { Exact = true }).FillAsync("Hoorn");
        await page.Locator("#product").SelectOptionAsync("dagbesteding");
        await page.GetByLabel("Kan starten binnen (weken)", new() { Exact = true }).FillAsync("4");
        await session.SubmitSearchAsync();

        // The results come first: the first card is on the first screen, above the form.
        var first = page.Locator("#resultaten .result-card").First;
        await Expect(first).ToBeVisibleAsync();
        var cardTop = await first.EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY");
        var formTop = await page.Locator("form.search-form").EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY");
        output.WriteLine($"PHONE: first result card at {cardTop:0} px, the form at {formTop:0} px (viewport 844 px high).");
        Assert.True(cardTop < 844, $"The first result starts at {cardTop:0} px, below the first screen.");
        Assert.True(cardTop < formTop, "The form comes before the results on a phone.");
        await Expect(page.Locator(".results-context")).ToContainTextAsync("van Hoorn");
        await Expect(page.Locator(".active-filters")).ToContainTextAsync("Kan starten binnen 4 weken");
        await Expect(page.Locator(".filters-jump a")).ToHaveTextAsync("Filters (2)");

        await first.Locator(".result-card__title a").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/aanbod/\d+$"));
        var desk = page.Locator("[data-testid=wmo-loket]");
        await Expect(desk).ToContainTextAsync("Wmo-loket gemeente Hoorn");
        await Expect(desk.Locator("a[href^='tel:']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=aanbieder-contact] a[href^='tel:']")).ToBeVisibleAsync();
        Assert.Equal(PhoneWidth, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await Axe.AssertNoViolationsAsync(page);
        Assert.True(session.ScriptErrors.Count == 0, "Browser errors: " + session.ScriptErrorReport);
    }

    [Fact]
    public async Task The_pages_made_for_phones_are_not_wider_than_a_390_px_phone()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = await PhoneAsync(session);
        var tooWide = new List<string>();
        var checkedPages = new List<string>();

        async Task CheckAsync(string path)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status is 200, $"{path} answered {response.Status}.");
            await page.EvaluateAsync("document.fonts.ready.then(() => true)"); // measure the page in its own font, every run alike
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            checkedPages.Add($"{path}: {width}");
            if (width > PhoneWidth) tooWide.Add($"{path} is {width} px wide");
        }

        foreach (var path in new[] { "/", "/zoeken?postcode=1621AB&afstand=25&product=dagbesteding", "/zoeken?postcode=Hoorn&binnen=1&product=logeren",
                     "/stoplicht?postcode=1621", "/contact", "/privacy", "/over-de-demo", "/toegankelijkheid", "/open-data", "/account/inloggen",
                     "/account/wachtwoord-vergeten" })
            await CheckAsync(path);
        await page.GotoAsync("/zoeken?postcode=1621AB&afstand=25");
        var offer = await page.Locator("#resultaten .result-card__title a").First.GetAttributeAsync("href");
        await CheckAsync(offer!);

        async Task SignInAsync(string email)
        {
            await session.Context.ClearCookiesAsync();
            await page.GotoAsync("/account/inloggen");
            var main = page.Locator("main");
            await main.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
            await main.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoAccounts.Password);
            await main.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal));
        }

        await SignInAsync(DemoAccounts.All[2].Email);
        await CheckAsync("/consulent?postcode=1621AB&afstand=25&product=dagbesteding");
        var ids = await page.Locator(".consultant-table input[name=aanbod]").EvaluateAllAsync<string[]>("es => es.slice(0, 3).map(e => e.value)");
        await CheckAsync("/shortlist?aanbod=" + string.Join(",", ids));

        await SignInAsync(DemoAccounts.All[0].Email);
        var workspace = new Uri(page.Url).AbsolutePath.TrimEnd('/');
        var providerId = Regex.Match(workspace, @"/aanbieder/(\d+)").Groups[1].Value;
        foreach (var sub in new[] { "wachttijden", "aanbod", "locaties", "profiel", "geschiedenis", "mensen" })
            await CheckAsync($"/aanbieder/{providerId}/{sub}");
        await CheckAsync("/account");

        await SignInAsync(DemoAccounts.All[3].Email);
        foreach (var path in new[] { "/regio", "/regio/aanbieders", "/regio/rapportage", "/regio/catalogus", "/regio/geschiedenis", "/regio/accountgeschiedenis", "/regio/trends", "/regio/dekking", "/regio/aanbieders/nieuw" })
            await CheckAsync(path);

        await SignInAsync(DemoAccounts.All[4].Email);
        await CheckAsync("/beheer/accounts");

        output.WriteLine("SCROLL WIDTH at 390 px: " + string.Join("; ", checkedPages));
        Assert.True(tooWide.Count == 0, "Pages wider than the phone: " + string.Join("; ", tooWide));
    }
}
