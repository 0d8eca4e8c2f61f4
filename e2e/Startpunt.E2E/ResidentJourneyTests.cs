using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>A resident in Hoorn (1621 AB, region Westfriesland) looks for dagbesteding, with and without JavaScript.</summary>
[Collection(E2ECollection.Name)]
public sealed class ResidentJourneyTests(BrowserFixture app)
{
    private static readonly Regex OfferUrl = new(@"/aanbod/\d+$");
    private static readonly Regex CountHeading = new(@"^\s*(1 aanbod gevonden|\d+ aanbiedingen gevonden)\s*$");
    private static readonly Regex Kilometres = new(@"\d+,\d km");
    private static readonly Regex DutchPostcode = new(@"\d{4} ?[A-Z]{2}");

    [Fact]
    public async Task Resident_finds_dagbesteding_near_Hoorn_with_javascript()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;

        // The start page: after the postcode change htmx swaps in the catalogue of Westfriesland.
        await page.GotoAsync("/");
        await page.Locator("#postcode").FillAsync("1621 AB");
        await page.Locator("#postcode").PressAsync("Tab");
        await Expect(page.Locator("#product option[value='dagbesteding-a']")).ToBeAttachedAsync();
        await Expect(page.Locator("#product-field")).ToContainTextAsync("Westfriesland");
        await page.Locator("#product").SelectOptionAsync("dagbesteding");
        await session.SubmitSearchAsync();

        // The results.
        Assert.Contains("product=dagbesteding", page.Url, StringComparison.Ordinal);
        await AssertResultsAsync(page);

        await RefineSortGoBackAndOpenOfferWithJavaScriptAsync(page);
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);
    }

    [Fact]
    public async Task Resident_refines_the_results_for_Hoorn_in_place_with_javascript()
    {
        // The same steps as above from a results link (a bookmark, a shared URL), independent of the start page.
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        await page.GotoAsync("/zoeken?postcode=1621+AB&product=dagbesteding");
        await AssertResultsAsync(page);

        await RefineSortGoBackAndOpenOfferWithJavaScriptAsync(page);
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);
    }

    /// <summary>
    /// On /zoeken with results at 10 km: widen to 25 km and sort on waiting time (htmx swaps only #resultaten and
    /// pushes the URL), go back with the browser, then open the first offer.
    /// </summary>
    private static async Task RefineSortGoBackAndOpenOfferWithJavaScriptAsync(IPage page)
    {
        // A wider distance: htmx replaces the search block (form and results) and pushes the new URL; the page itself
        // stays, and keyboard focus stays on the field that was changed.
        await page.EvaluateAsync("() => { window.__marker = 1; }");
        await page.Locator("#afstand").FocusAsync();
        await page.Locator("#afstand").SelectOptionAsync("25");
        await page.WaitForURLAsync(url => url.Contains("afstand=25", StringComparison.Ordinal));
        await Expect(page.Locator("#resultaten .results-context")).ToContainTextAsync("Binnen 25 km");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__marker"));
        Assert.Equal("afstand", await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id"));
        await Expect(page.Locator("#resultaten")).ToHaveCountAsync(1);
        await Expect(page.Locator("#resultaten form, #resultaten h1")).ToHaveCountAsync(0);
        await Expect(page.Locator("#afstand")).ToHaveValueAsync("25");
        await AssertResultsAsync(page);
        // The live region outside the fragment announces the new count.
        await Expect(page.Locator("#result-status")).ToHaveTextAsync(CountHeading);

        // Sort on waiting time, again without a full page load.
        await page.Locator("nav.sort-links").GetByRole(AriaRole.Link, new() { Name = "Wachttijd", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sorteer=wachttijd", StringComparison.Ordinal));
        await Expect(page.Locator("nav.sort-links [aria-current]")).ToHaveTextAsync("Wachttijd");
        Assert.Contains("afstand=25", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__marker"));
        await ResultCards.AssertOrderedByWaitingTimeAsync(page);

        // The browser's back button brings back the previous order.
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains("sorteer=wachttijd", StringComparison.Ordinal));
        await Expect(page.Locator("nav.sort-links [aria-current]")).ToHaveTextAsync("Afstand");
        Assert.Contains("afstand=25", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#resultaten .results-context")).ToContainTextAsync("Binnen 25 km");
        await AssertResultsAsync(page);

        // The first offer.
        await OpenFirstOfferAsync(page);
        // With JavaScript the map is set up (its tiles stay empty here: no internet), the address is still there.
        await Expect(page.Locator("#kaart")).ToHaveAttributeAsync("data-ready", "1");
        await Expect(page.Locator("#kaart .leaflet-marker-icon")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Resident_finds_dagbesteding_near_Hoorn_without_javascript()
    {
        await using var session = await app.OpenAsync(javaScript: false);
        var page = session.Page;

        // The start page: the form is a plain GET form to /zoeken.
        await page.GotoAsync("/");
        await page.Locator("#postcode").FillAsync("1621 AB");
        await page.Locator("#product").SelectOptionAsync("dagbesteding");
        await session.SubmitSearchAsync();

        // The whole results page renders.
        Assert.Contains("postcode=1621+AB", page.Url, StringComparison.Ordinal);
        Assert.Contains("product=dagbesteding", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Aanbod zoeken");
        await Expect(page.Locator("#product option[value='dagbesteding-a']")).ToBeAttachedAsync();
        await AssertResultsAsync(page);

        // A wider distance: change the select and submit again.
        await page.Locator("#afstand").SelectOptionAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("afstand=25", StringComparison.Ordinal));
        await Expect(page.Locator("#resultaten .results-context")).ToContainTextAsync("Binnen 25 km");
        await AssertResultsAsync(page);

        // Sorting is a normal link.
        await page.Locator("nav.sort-links").GetByRole(AriaRole.Link, new() { Name = "Wachttijd", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sorteer=wachttijd", StringComparison.Ordinal));
        await Expect(page.Locator("nav.sort-links [aria-current]")).ToHaveTextAsync("Wachttijd");
        Assert.Contains("afstand=25", page.Url, StringComparison.Ordinal);
        await ResultCards.AssertOrderedByWaitingTimeAsync(page);

        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains("sorteer=wachttijd", StringComparison.Ordinal));
        await Expect(page.Locator("nav.sort-links [aria-current]")).ToHaveTextAsync("Afstand");
        await AssertResultsAsync(page);

        // The offer page: the address is text; no map script runs.
        await OpenFirstOfferAsync(page);
        await Expect(page.Locator("#kaart")).Not.ToHaveAttributeAsync("data-ready", "1");
        await Expect(page.Locator("#kaart .offer-map__fallback")).ToBeVisibleAsync();
    }

    /// <summary>The count heading and result cards, each with a distance in km and a stoplight.</summary>
    private static async Task AssertResultsAsync(IPage page)
    {
        await Expect(page.Locator("#aantal")).ToHaveTextAsync(CountHeading);
        var cards = page.Locator("#resultaten .result-card");
        await Expect(cards.First).ToBeVisibleAsync();
        var count = await cards.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var card = cards.Nth(i);
            await Expect(card.Locator(".stoplight")).ToHaveCountAsync(1);
        }
        var groups = page.Locator("#resultaten .result-group");
        for (var i = 0; i < await groups.CountAsync(); i++)
            await Expect(groups.Nth(i).Locator(".result-group__place")).ToContainTextAsync(Kilometres);
        // Confirmed offers come first, so the first card says when its waiting time was confirmed.
        await Expect(cards.First.Locator(".stoplight")).ToContainTextAsync("bevestigd op");
    }

    /// <summary>Opens the first result: the provider is the h1, with the waiting-time section and the address.</summary>
    private static async Task OpenFirstOfferAsync(IPage page)
    {
        // One card per location: the provider heads it, each offer inside links to its page.
        var provider = (await page.Locator("#resultaten .result-group__title").First.InnerTextAsync()).Trim();
        var link = page.Locator("#resultaten .result-card").First.Locator(".result-card__title a");
        await link.ClickAsync();
        await page.WaitForURLAsync(OfferUrl);
        await Expect(page.Locator("h1")).ToHaveTextAsync(provider);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wachttijd en plaats", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("section.offer__availability .stoplight")).ToBeVisibleAsync();
        await Expect(page.Locator("address.offer__address")).ToContainTextAsync(DutchPostcode);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Terug naar de zoekresultaten" })).ToBeVisibleAsync();
    }
}
