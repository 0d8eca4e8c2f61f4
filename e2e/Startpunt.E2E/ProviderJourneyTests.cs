using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>
/// The demo provider of Westfriesland (one organisation, 20 offers) keeps its waiting times up to date: the weekly
/// update table, with and without JavaScript, bad input, accessibility of every workspace page, and signing out.
/// The app and its database are shared by the whole e2e collection: these tests read offer ids and current values
/// from the page, never assume them.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class ProviderJourneyTests(BrowserFixture app, ITestOutputHelper output)
{
    private const string ProviderEmail = "aanbieder@demo.startpunt.example";
    private const int OfferCount = 20;
    /// <summary>5 weeks is "Oranje" in Westfriesland (green up to 2, orange up to 9 weeks).</summary>
    private const int NewWeeks = 5;

    private static readonly Regex WeeklyUpdatePath = new(@"/aanbieder/(\d+)/wachttijden$");
    private static readonly string WeeksMessage = $"Vul een aantal weken in van 0 tot en met {Availability.MaxWaitingWeeks}.";

    [Fact]
    public async Task Provider_updates_one_waiting_time_and_confirms_all_then_search_shows_it()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        var providerId = await SignInAsync(page);

        // Landed on the weekly update page: from here on every click and key counts, and the clock runs.
        var clock = Stopwatch.StartNew();
        await Expect(page.Locator("tr.update-row")).ToHaveCountAsync(OfferCount);
        var rows = await ReadRowsAsync(page);
        // An offer residents find (not paused, at a location in the region, open for intake) whose stoplight will
        // visibly change: not already 5 weeks and not already orange.
        var target = rows.FirstOrDefault(r => !r.Paused && r.HasPlace && r.IntakeOpen && r.Weeks != NewWeeks && !r.Light.StartsWith("Oranje", StringComparison.Ordinal))
                     ?? rows.First(r => !r.Paused && r.HasPlace && r.IntakeOpen && r.Weeks != NewWeeks);
        var id = target.OfferId;
        var row = page.Locator($"#offer-{id}");
        var weeks = page.Locator($"#weeks-{id}");
        // Marks the page and the old row: after an in-place swap the page keeps its marker and the row is a new node.
        await page.EvaluateAsync("id => { window.__weeklyUpdateMarker = 'same-page'; document.getElementById('offer-' + id).__oldRow = true; }", id);

        // Change one waiting time: click the field, type the new number, press Enter.
        var rowInteractions = 0;
        await weeks.ClickAsync(); rowInteractions++;
        await weeks.FillAsync(NewWeeks.ToString(CultureInfo.InvariantCulture)); rowInteractions++;
        await weeks.PressAsync("Enter"); rowInteractions++;

        await Expect(row.Locator(".update-row__status")).ToHaveTextAsync("Opgeslagen");
        Assert.True(rowInteractions <= 3, $"Changing one waiting time took {rowInteractions} interactions.");
        Assert.Equal("same-page", await page.EvaluateAsync<string?>("() => window.__weeklyUpdateMarker ?? null"));
        Assert.False(await page.EvaluateAsync<bool>("id => !!document.getElementById('offer-' + id).__oldRow", id),
            "The row was not replaced: the old row element is still in the page.");
        await Expect(page.Locator($"[id='offer-{id}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr.update-row")).ToHaveCountAsync(OfferCount);
        await Expect(row).ToHaveClassAsync(new Regex(@"\bupdate-row--saved\b"));
        await Expect(weeks).ToHaveValueAsync(NewWeeks.ToString(CultureInfo.InvariantCulture));
        await Expect(row.Locator(".stoplight")).ToContainTextAsync($"Oranje: Wachttijd {NewWeeks} weken");
        await Expect(row.Locator(".update-row__badge--overdue")).ToHaveCountAsync(0);
        // Keyboard focus stays in the saved row (on its status), so the next Tab goes on from there.
        Assert.Equal($"offer-{id}", await page.EvaluateAsync<string?>("() => document.activeElement?.closest('tr')?.id ?? null"));

        // Confirm all: one click. The form posts and the page comes back with the status.
        var confirmInteractions = 0;
        await page.GetByRole(AriaRole.Button, new() { Name = "Alles klopt nog", Exact = true }).ClickAsync(); confirmInteractions++;
        var status = page.Locator("main .utrecht-alert--ok[role=status]");
        await Expect(status).ToHaveTextAsync($"{OfferCount} aanbiedingen bevestigd. Dank u wel!");
        clock.Stop();

        Assert.Equal(1, confirmInteractions);
        await Expect(page.Locator("tr.update-row")).ToHaveCountAsync(OfferCount);
        await Expect(page.Locator(".update-row__badge--overdue")).ToHaveCountAsync(0);
        await Expect(page.GetByText("bevestigen!", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.Locator("tr.update-row--overdue")).ToHaveCountAsync(0);
        await Expect(page.Locator("main .utrecht-alert--warning:visible")).ToHaveCountAsync(0);
        await Expect(page.Locator(".update-row .stoplight--unknown")).ToHaveCountAsync(0);
        await Expect(weeks).ToHaveValueAsync(NewWeeks.ToString(CultureInfo.InvariantCulture));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"WEEKLY-UPDATE: {clock.Elapsed.TotalSeconds:0.00} s from landing on /aanbieder/{providerId}/wachttijden to the confirm-all status; " +
            $"one waiting time changed in {rowInteractions} interactions (click the weeks field, type {NewWeeks}, Enter; offer {id} '{target.Name}' {target.Weeks} -> {NewWeeks} weeks, row saved in place); " +
            $"all {OfferCount} offers confirmed in {confirmInteractions} interaction (click 'Alles klopt nog'); {rowInteractions + confirmInteractions} interactions in total."));
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);

        // What a resident sees, without being signed in.
        await using var resident = await app.OpenAsync(javaScript: true);
        var publicPage = resident.Page;
        var response = await publicPage.GotoAsync($"/aanbod/{id}");
        Assert.Equal(200, response!.Status);
        var light = publicPage.Locator("section.offer__availability .stoplight");
        await Expect(light).ToContainTextAsync($"Oranje: Wachttijd {NewWeeks} weken");
        await Expect(light).ToHaveClassAsync(new Regex(@"\bstoplight--orange\b"));
        await Expect(light).Not.ToContainTextAsync("Onbekend");
        await Expect(publicPage.Locator("section.offer__availability")).ToContainTextAsync($"{NewWeeks} weken");

        var card = await FindInSearchAsync(publicPage, "/zoeken?postcode=1621AB&afstand=50", id);
        await Expect(card.Locator(".stoplight")).ToContainTextAsync($"Oranje: Wachttijd {NewWeeks} weken");
        await Expect(card.Locator(".stoplight")).ToHaveClassAsync(new Regex(@"\bstoplight--orange\b"));
    }

    [Fact]
    public async Task Provider_saves_one_row_without_javascript_and_the_page_comes_back_with_a_status_and_the_new_value()
    {
        await using var session = await app.OpenAsync(javaScript: false);
        var page = session.Page;
        var providerId = await SignInAsync(page);

        var rows = await ReadRowsAsync(page);
        // Another row than the journey above usually takes: the last visible offer open for intake.
        var target = rows.Last(r => !r.Paused && r.IntakeOpen);
        var id = target.OfferId;
        var newWeeks = target.Weeks == 7 ? 8 : 7;

        await page.Locator($"#weeks-{id}").FillAsync(newWeeks.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#offer-{id}").GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        // A normal POST, then the redirect back to the table at this row.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/aanbieder/{providerId}/wachttijden" && url.EndsWith($"#offer-{id}", StringComparison.Ordinal));
        await Expect(page.Locator("main .utrecht-alert--ok[role=status]")).ToContainTextAsync("Opgeslagen en bevestigd:");
        await Expect(page.Locator("main .utrecht-alert--ok[role=status]")).ToContainTextAsync(target.Product);
        await Expect(page.Locator($"#weeks-{id}")).ToHaveValueAsync(newWeeks.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator($"#offer-{id} .stoplight")).ToContainTextAsync($"Wachttijd {newWeeks} weken");
        await Expect(page.Locator($"#offer-{id} .update-row__badge--overdue")).ToHaveCountAsync(0);
        await Expect(page.Locator("tr.update-row")).ToHaveCountAsync(OfferCount);
    }

    /// <summary>Keyboard users go on from the saved row: the swap replaces the row, and focus lands in the new one.</summary>
    [Fact]
    public async Task Saving_a_row_with_its_Opslaan_button_keeps_keyboard_focus_in_that_row()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        await SignInAsync(page);
        var target = (await ReadRowsAsync(page)).First(r => !r.Paused);
        var id = target.OfferId;

        await page.Locator($"#offer-{id}").GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await Expect(page.Locator($"#offer-{id} .update-row__status")).ToHaveTextAsync("Opgeslagen");
        Assert.Equal($"offer-{id}", await page.EvaluateAsync<string?>("() => document.activeElement?.closest('tr')?.id ?? null"));
    }

    [Theory]
    [InlineData("-3", true)]
    [InlineData("200", true)]
    [InlineData("200", false)]
    public async Task A_waiting_time_out_of_range_gets_a_Dutch_message_next_to_the_field_and_changes_nothing(string typed, bool javaScript)
    {
        await using var session = await app.OpenAsync(javaScript);
        var page = session.Page;
        await SignInAsync(page);

        var target = (await ReadRowsAsync(page)).First(r => !r.Paused);
        var id = target.OfferId;
        var weeks = page.Locator($"#weeks-{id}");
        var before = await page.Locator($"#offer-{id} .stoplight").InnerTextAsync();

        await weeks.FillAsync(typed);
        if (javaScript) await weeks.PressAsync("Enter");
        else await page.Locator($"#offer-{id}").GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        var error = page.Locator($"#weeks-{id}-error");
        // "Fout:" is for screen readers (visually hidden), as next to every other field.
        await Expect(error).ToHaveTextAsync("Fout: " + WeeksMessage);
        await Expect(weeks).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(weeks).ToHaveAttributeAsync("aria-describedby", new Regex($@"\bweeks-{id}-error\b"));
        await Expect(weeks).ToHaveValueAsync(typed);
        // Next to the field: in the same table cell.
        Assert.True(await page.EvaluateAsync<bool>("id => document.getElementById('weeks-' + id + '-error').parentElement === document.getElementById('weeks-' + id).parentElement", id),
            "The message is not in the cell of the waiting-time field.");
        await Expect(page.Locator($"#offer-{id} .update-row__status")).Not.ToContainTextAsync("Opgeslagen");
        await Expect(page.Locator("main .utrecht-alert--ok")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#offer-{id} .stoplight")).ToHaveTextAsync(before);
        if (javaScript) Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);

        // Nothing was saved: the table read again, and the public offer page, still show the old waiting time.
        await page.GotoAsync(page.Url.Split('?', '#')[0]);
        await Expect(page.Locator($"#weeks-{id}")).ToHaveValueAsync(target.Weeks.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator($"#weeks-{id}-error")).ToHaveCountAsync(0);
        await page.GotoAsync($"/aanbod/{id}");
        var expected = target.Weeks == 1 ? "1 week" : $"{target.Weeks} weken";
        await Expect(page.Locator("section.offer__availability .utrecht-data-list__item").Filter(new() { HasText = "Verwachte wachttijd" }).Locator("dd"))
            .ToHaveTextAsync(expected);
    }

    [Fact]
    public async Task Signing_out_with_the_header_button_ends_the_session_and_the_workspace_asks_to_sign_in_again()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        var providerId = await SignInAsync(page);
        var header = page.Locator("header");
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Anna Aanbieder", Exact = true })).ToBeVisibleAsync();

        await header.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Inloggen voor aanbieders en gemeenten" })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true })).ToHaveCountAsync(0);
        Assert.DoesNotContain(await session.Context.CookiesAsync(), c => c.Name == "startpunt.auth");

        foreach (var path in new[] { "/aanbieder", $"/aanbieder/{providerId}/wachttijden" })
        {
            await page.GotoAsync(path);
            Assert.Equal("/account/inloggen", new Uri(page.Url).AbsolutePath);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Inloggen");
            await Expect(page.Locator("#Input_Email")).ToBeVisibleAsync();
        }
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);
    }

    /// <summary>Signs in as the demo provider through the real form; returns the organisation id of the weekly update page it lands on.</summary>
    private static async Task<int> SignInAsync(IPage page)
    {
        if (new Uri(page.Url).AbsolutePath != "/account/inloggen") await page.GotoAsync("/account/inloggen");
        var main = page.Locator("main");
        await main.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(ProviderEmail);
        await main.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(WeeklyUpdatePath);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Wachttijden bijwerken");
        return int.Parse(WeeklyUpdatePath.Match(new Uri(page.Url).AbsolutePath).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private sealed record Row(int OfferId, string Name, string Product, bool HasPlace, bool Paused, bool IntakeOpen, int Weeks, string Light);

    /// <summary>The rows of the weekly update table as the page shows them.</summary>
    private static async Task<List<Row>> ReadRowsAsync(IPage page)
    {
        var json = await page.Locator("tr.update-row").EvaluateAllAsync<JsonElement>("""
            rows => rows.map(r => ({
                id: r.id,
                name: r.querySelector('th a').textContent.trim(),
                hasPlace: !!r.querySelector('.update-row__place'),
                paused: r.classList.contains('update-row--paused'),
                intake: r.querySelector('input[type=checkbox][name=IntakeOpen]').checked,
                weeks: r.querySelector('input[name=WaitingWeeks]').value,
                light: r.querySelector('.stoplight').textContent.replace(/\s+/g, ' ').trim()
            }))
            """);
        var rows = json.EnumerateArray().Select(r =>
        {
            var name = r.GetProperty("name").GetString()!;
            return new Row(
                int.Parse(r.GetProperty("id").GetString()!["offer-".Length..], CultureInfo.InvariantCulture),
                name, name.Split(" - ")[0], r.GetProperty("hasPlace").GetBoolean(), r.GetProperty("paused").GetBoolean(),
                r.GetProperty("intake").GetBoolean(), int.Parse(r.GetProperty("weeks").GetString()!, CultureInfo.InvariantCulture),
                r.GetProperty("light").GetString()!);
        }).ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>Walks the result pages of a search (following "Volgende") until the card that links to the offer shows up.</summary>
    private static async Task<ILocator> FindInSearchAsync(IPage page, string search, int offerId)
    {
        await page.GotoAsync(search);
        await Expect(page.Locator("#aantal")).ToBeVisibleAsync();
        for (var visited = 1; visited <= 50; visited++)
        {
            var card = page.Locator("#resultaten .result-card").Filter(new() { Has = page.Locator($".result-card__title a[href='/aanbod/{offerId}']") });
            if (await card.CountAsync() == 1) return card;
            var next = page.Locator("#resultaten a[rel=next]");
            if (await next.CountAsync() == 0) break;
            await page.GotoAsync(await next.GetAttributeAsync("href") ?? throw new InvalidOperationException("A next link without href."));
        }
        Assert.Fail($"The search {search} does not list offer {offerId} on any of its result pages (last page: {page.Url}).");
        return null!;
    }
}
