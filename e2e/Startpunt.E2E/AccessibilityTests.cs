using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>axe-core finds no WCAG 2.2 A/AA violations on the pages a resident sees.</summary>
[Collection(E2ECollection.Name)]
public sealed class AccessibilityTests(BrowserFixture app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/zoeken?postcode=1621AB&afstand=25&product=dagbesteding")]
    [InlineData("/zoeken?postcode=1011AB")]
    [InlineData("/stoplicht")]
    [InlineData("/stoplicht?postcode=Atlantis")]
    [InlineData("/contact")]
    [InlineData("/contact?postcode=Hoorn")]
    [InlineData("/toegankelijkheid")]
    [InlineData("/privacy")]
    [InlineData("/over-de-demo")]
    [InlineData("/open-data")]
    [InlineData("/embed?regio=westfriesland")]
    [InlineData("/embed?regio=westfriesland&postcode=1621AB&afstand=25&product=dagbesteding")]
    public async Task Page_has_no_WCAG_2_2_AA_violations(string path)
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Offer_page_has_no_WCAG_2_2_AA_violations()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/zoeken?postcode=1621AB&afstand=25&product=dagbesteding");
        await page.Locator("#resultaten .result-card").First.Locator(".result-card__title a").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/aanbod/\d+$"));
        // Let the map script finish, so axe sees the page as a resident with JavaScript does.
        await Expect(page.Locator("#kaart")).ToHaveAttributeAsync("data-ready", "1");

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Results_after_an_htmx_swap_have_no_WCAG_2_2_AA_violations()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/zoeken?postcode=1621AB&product=dagbesteding");
        await page.Locator("#afstand").SelectOptionAsync("25");
        await Expect(page.Locator("#resultaten .results-context")).ToContainTextAsync("Binnen 25 km");

        await Axe.AssertNoViolationsAsync(page);
    }
}
