using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>The language switch in the header.</summary>
[Collection(E2ECollection.Name)]
public sealed class LanguageTests(BrowserFixture app)
{
    [Fact]
    public async Task Clicking_English_in_the_header_shows_the_start_page_in_English()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        // The switch back is offered in Dutch, and the page itself is no longer Dutch.
        await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Nederlands", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Find support near you");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Find support near you - Startpunt");
    }
}
