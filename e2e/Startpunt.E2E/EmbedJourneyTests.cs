using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>
/// A municipality shows Startpunt's search on its own website in an iframe (/embed). The municipality's page is
/// served by the test itself on an origin the region lists in content/regions/westfriesland/region.yml; Chromium
/// loads the real app inside the frame and enforces its frame-ancestors.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class EmbedJourneyTests(BrowserFixture app)
{
    /// <summary>Listed under embedAllowedOrigins in content/regions/westfriesland/region.yml.</summary>
    private const string Municipality = "https://www.westfriesland.example";
    private const string Elsewhere = "https://www.elders.example";
    private static readonly Regex CountHeading = new(@"^\s*(1 aanbod gevonden|\d+ aanbiedingen gevonden)\s*$");

    [Fact]
    public async Task A_resident_searches_inside_the_iframe_on_the_municipality_website()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await ServeHostPageAsync(page, Municipality);
        await page.GotoAsync($"{Municipality}/zorg-en-welzijn");

        var frame = page.FrameLocator("iframe#startpunt");
        await Expect(frame.Locator("h1")).ToContainTextAsync("Westfriesland");
        await frame.Locator("#postcode").FillAsync("1621 AB");
        await frame.Locator("#postcode").PressAsync("Tab");
        await Expect(frame.Locator("#product option[value='dagbesteding-a']")).ToBeAttachedAsync();
        await frame.Locator("#product").SelectOptionAsync("dagbesteding");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();

        await Expect(frame.Locator("#resultaten h2")).ToHaveTextAsync(CountHeading);
        await Expect(frame.Locator(".result-card").First).ToBeVisibleAsync();
        // A refinement inside the frame: htmx swaps the results in place, under the same frame-ancestors.
        await frame.Locator("#afstand").SelectOptionAsync("25");
        await Expect(frame.Locator("#resultaten .results-context")).ToContainTextAsync("Binnen 25 km");
        await Expect(frame.Locator(".result-card__title a").First).ToHaveAttributeAsync("target", "_blank");

        // The municipality's page itself stayed where it was.
        Assert.Equal($"{Municipality}/zorg-en-welzijn", page.Url);
        var embedded = page.Frames.Single(f => f != page.MainFrame);
        Assert.StartsWith($"{app.BaseUrl}/embed?", embedded.Url);
        Assert.Contains("regio=westfriesland", embedded.Url);
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);
    }

    [Fact]
    public async Task A_website_the_region_does_not_list_cannot_show_the_search()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await ServeHostPageAsync(page, Elsewhere);

        // Chromium reports the refused frame on the console; wait for that instead of for a time.
        var refused = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("frame-ancestors", StringComparison.Ordinal) });
        await page.GotoAsync($"{Elsewhere}/");
        await refused;
        await Expect(page.FrameLocator("iframe#startpunt").Locator("#postcode")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The municipality's web page: some text of its own and the iframe snippet from /open-data. The page looks public
    /// to Chromium while the app runs on loopback, so the test grants it Local Network Access, as a person would.
    /// </summary>
    private async Task ServeHostPageAsync(IPage page, string origin)
    {
        await page.Context.GrantPermissionsAsync(["local-network-access"], new() { Origin = origin });
        await page.RouteAsync($"{origin}/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Body = $"""
                <!DOCTYPE html>
                <html lang="nl"><head><meta charset="utf-8"><title>Zorg en welzijn - Gemeente</title></head>
                <body>
                  <h1>Zorg en welzijn</h1>
                  <p>Zoek hieronder ondersteuning bij u in de buurt.</p>
                  <iframe id="startpunt" src="{app.BaseUrl}/embed?regio=westfriesland" title="Zoek Wmo-ondersteuning" style="width:100%;height:900px;border:0"></iframe>
                </body></html>
                """,
        }));
    }
}
