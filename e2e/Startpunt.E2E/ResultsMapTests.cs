using System.Text.Json;
using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>
/// The results map in Chromium. The fixture configures tiles on a host the browser never reaches, so these tests see
/// what a resident sees when the tiles fail: the pins, the message that the map could not load, and the whole list.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ResultsMapTests(BrowserFixture app)
{
    private const string Search = "/zoeken?postcode=1621AB&afstand=25&product=dagbesteding";

    private static async Task<int> PinCountAsync(IPage page)
    {
        var json = await page.Locator("#kaartblok").GetAttributeAsync("data-pins");
        return JsonDocument.Parse(json!).RootElement.GetArrayLength();
    }

    /// <summary>The places the pins on the map stand for: a pin for places too close together counts each of them.</summary>
    private static Task<int> PlacesOnTheMapAsync(IPage page) => page.EvaluateAsync<int>(
        "[...document.querySelectorAll('#resultatenkaart .leaflet-marker-icon.map-pin')].reduce((n, e) => n + Number(e.dataset.count), 0)");

    [Fact]
    public async Task On_a_wide_screen_the_map_beside_the_list_has_a_pin_per_location_and_says_the_tiles_did_not_load()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(Search);

        await Expect(page.Locator("#kaartblok")).ToHaveAttributeAsync("data-ready", "1");
        var pins = await PinCountAsync(page);
        Assert.True(pins > 0);
        await Expect(page.Locator("#resultatenkaart .leaflet-marker-icon.map-pin").First).ToBeVisibleAsync();
        Assert.Equal(pins, await PlacesOnTheMapAsync(page));
        await Expect(page.Locator("#kaart-melding")).ToBeVisibleAsync();
        await Expect(page.Locator("#kaart-melding")).ToHaveTextAsync("De kaart kon niet laden. Alle aanbiedingen staan in de lijst.");
        await Expect(page.Locator(".results-map__toggle")).ToBeHiddenAsync();
        // Side by side: the map's left edge is right of the list's.
        var list = await page.Locator("#resultaten").BoundingBoxAsync();
        var map = await page.Locator("#resultatenkaart").BoundingBoxAsync();
        Assert.True(map!.X >= list!.X + list.Width - 1, $"map at x={map.X}, list ends at {list.X + list.Width}");
        await Expect(page.Locator("#resultaten .result-card").First).ToBeVisibleAsync();

        // A pin, by keyboard, names its place and opens the list of its offers with links to them.
        var first = page.Locator("#resultatenkaart .leaflet-marker-icon.map-pin").First;
        Assert.Contains("Beste stoplicht", await first.GetAttributeAsync("aria-label"));
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".map-popup a[href^='/aanbod/']").First).ToBeVisibleAsync();

        // Places too close to tell apart share one pin with their number; its popup names every one of them.
        var group = page.Locator("#resultatenkaart .map-pin--group").First;
        var count = int.Parse((await group.GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 1);
        await group.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".leaflet-popup .map-popup")).ToHaveCountAsync(count);

        await Axe.AssertNoViolationsAsync(page);
        Assert.True(session.ScriptErrors.Count == 0, session.ScriptErrorReport);
    }

    [Fact]
    public async Task On_a_phone_the_map_is_behind_a_button_and_the_page_does_not_scroll_sideways()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(Search);

        var toggle = page.Locator(".results-map__toggle");
        await Expect(toggle).ToHaveTextAsync("Toon de kaart");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#resultatenkaart")).ToBeHiddenAsync();
        await Expect(page.Locator("#resultaten .result-card").First).ToBeInViewportAsync();

        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#resultatenkaart")).ToBeVisibleAsync();
        await Expect(page.Locator("#resultatenkaart .leaflet-marker-icon.map-pin").First).ToBeVisibleAsync();
        Assert.Equal(await PinCountAsync(page), await PlacesOnTheMapAsync(page));
        Assert.Equal(390, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_new_search_through_htmx_brings_the_pins_of_the_new_results()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(Search);
        await Expect(page.Locator("#kaartblok")).ToHaveAttributeAsync("data-ready", "1");

        // The second page's answer (htmx's fragment, or the whole page should the click come before htmx is ready), with
        // room for a busy machine; then the pushed URL. Not the page's "load": that waits on tiles from a host that does
        // not exist.
        var second = await page.RunAndWaitForResponseAsync(
            () => page.Locator("nav.utrecht-pagination").GetByRole(AriaRole.Link, new() { Name = "Volgende" }).ClickAsync(),
            r => r.Url.Contains("pagina=2", StringComparison.Ordinal), new() { Timeout = 45_000 });
        Assert.True(second.Ok, $"The second page answered {second.Status}.");
        await page.WaitForURLAsync(url => url.Contains("pagina=2", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 45_000 });

        await Expect(page.Locator("#kaartblok")).ToHaveAttributeAsync("data-ready", "1");
        await Expect(page.Locator("#resultatenkaart .leaflet-marker-icon.map-pin").First).ToBeVisibleAsync();
        Assert.Equal(await PinCountAsync(page), await PlacesOnTheMapAsync(page));
        Assert.True(session.ScriptErrors.Count == 0, session.ScriptErrorReport);
    }

    [Fact]
    public async Task Without_javascript_the_list_stays_and_the_message_says_the_map_could_not_load()
    {
        await using var session = await app.OpenAsync(javaScript: false);
        var page = session.Page;
        await page.GotoAsync(Search);

        await Expect(page.Locator("#kaart-melding")).ToBeVisibleAsync();
        await Expect(page.Locator("#resultaten .result-card").First).ToBeVisibleAsync();
        await Expect(page.Locator("#resultatenkaart")).ToBeHiddenAsync();
        // No axe here: axe is a script, and a page without JavaScript runs none (Playwright waits for it for ever).
    }
}
