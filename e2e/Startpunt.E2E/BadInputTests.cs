using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>What a resident sees after typing a postcode Startpunt cannot use: a Dutch message right next to the field.</summary>
[Collection(E2ECollection.Name)]
public sealed class BadInputTests(BrowserFixture app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_postcode_outside_the_Startpunt_regions_gets_a_message_next_to_the_postcode_field(bool javaScript)
    {
        await using var session = await app.OpenAsync(javaScript);
        var page = session.Page;

        await SearchFromStartPageAsync(session, "1011 AB");

        await AssertPostcodeErrorAsync(page, "doet nog niet mee met Startpunt");
        await Expect(page.Locator("#postcode-error")).ToContainTextAsync("1011 AB");
        await Expect(page.Locator("#postcode-error")).ToContainTextAsync("Westfriesland");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_malformed_postcode_gets_a_message_about_the_postcode_format(bool javaScript)
    {
        await using var session = await app.OpenAsync(javaScript);
        var page = session.Page;

        await SearchFromStartPageAsync(session, "12AB");

        await AssertPostcodeErrorAsync(page, "Een postcode heeft 4 cijfers en daarna 2 letters");
    }

    [Fact]
    public async Task A_postcode_outside_the_regions_typed_on_the_results_page_gets_a_message_next_to_the_field_with_javascript()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        await page.GotoAsync("/zoeken?postcode=1621AB&product=dagbesteding");
        await Expect(page.Locator("#resultaten .result-card").First).ToBeVisibleAsync();

        await page.Locator("#postcode").FillAsync("1011 AB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();

        // htmx swaps #resultaten; the message must still end up next to the field, not only in the summary.
        await Expect(page.Locator("#resultaten [role=alert]")).ToContainTextAsync("doet nog niet mee met Startpunt");
        await AssertPostcodeErrorAsync(page, "doet nog niet mee met Startpunt");
    }

    [Fact]
    public async Task Correcting_the_postcode_on_the_results_page_removes_the_message_next_to_the_field_with_javascript()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        await page.GotoAsync("/zoeken?postcode=1011AB");
        await Expect(page.Locator("#postcode-error")).ToContainTextAsync("doet nog niet mee met Startpunt");

        await page.Locator("#postcode").FillAsync("1621 AB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();

        await Expect(page.Locator("#resultaten .result-card").First).ToBeVisibleAsync();
        await Expect(page.Locator("#postcode-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#postcode")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).Not.ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fout in zoekopdracht"));
    }

    private static async Task SearchFromStartPageAsync(BrowserSession session, string postcode)
    {
        await session.Page.GotoAsync("/");
        await session.Page.Locator("#postcode").FillAsync(postcode);
        await session.SubmitSearchAsync();
    }

    /// <summary>The message is next to the field and named by it, the summary links to it, and no results show.</summary>
    private static async Task AssertPostcodeErrorAsync(IPage page, string message)
    {
        await Expect(page.Locator("#postcode-error")).ToContainTextAsync(message);
        await Expect(page.Locator("#postcode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#postcode")).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex(@"\bpostcode-error\b"));
        await Expect(page.Locator("#resultaten [role=alert] a[href='#postcode']")).ToContainTextAsync(message);
        await Expect(page.Locator(".result-card")).ToHaveCountAsync(0);
        await Expect(page.Locator("#aantal")).ToHaveCountAsync(0);
        Assert.Equal("/zoeken", new Uri(page.Url).AbsolutePath);
    }
}
