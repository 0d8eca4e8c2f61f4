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

/// <summary>The axe scan of every page of the provider's workspace.</summary>
public sealed partial class ProviderJourneyTests
{
    [Fact]
    public async Task Every_workspace_page_has_no_WCAG_2_2_AA_violations()
    {
        await using var session = await app.OpenAsync(javaScript: true);
        var page = session.Page;
        var reports = new List<string>();
        var checkedPages = new List<string>();

        async Task CheckAsync(string what)
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            checkedPages.Add($"{what} ({new Uri(page.Url).PathAndQuery})");
            if (await Axe.ViolationsReportAsync(page) is { } report) reports.Add($"[{what}] {report}");
        }

        async Task VisitAsync(string what, string path)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{path} answered {response.Status}.");
            Assert.Equal(path.Split('?')[0], new Uri(page.Url).AbsolutePath);
            await CheckAsync(what);
        }

        // The sign-in page with its table of demo accounts.
        await page.GotoAsync("/account/inloggen");
        await Expect(page.Locator("section.demo-accounts table")).ToContainTextAsync(ProviderEmail);
        await CheckAsync("sign-in page with demo accounts");

        var providerId = await SignInAsync(page);
        var baseUrl = $"/aanbieder/{providerId}";
        await CheckAsync("weekly update");

        var rows = await ReadRowsAsync(page);
        // A row saved via htmx (its current value again: a save is also a confirmation).
        var saved = rows.First(r => !r.Paused);
        await page.Locator($"#weeks-{saved.OfferId}").PressAsync("Enter");
        await Expect(page.Locator($"#offer-{saved.OfferId} .update-row__status")).ToHaveTextAsync("Opgeslagen");
        await CheckAsync("weekly update after a row was saved in place");

        // A row with a validation error, swapped in by htmx.
        var invalid = rows.First(r => r.OfferId != saved.OfferId);
        await page.Locator($"#weeks-{invalid.OfferId}").FillAsync("abc");
        await page.Locator($"#weeks-{invalid.OfferId}").PressAsync("Enter");
        await Expect(page.Locator($"#weeks-{invalid.OfferId}-error")).ToHaveTextAsync("Fout: " + WeeksMessage);
        await CheckAsync("weekly update with a validation error in a row");

        await VisitAsync("offer list", $"{baseUrl}/aanbod");
        var offerId = saved.OfferId;
        await VisitAsync("offer edit page", $"{baseUrl}/aanbod/{offerId}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Aanbod wijzigen");
        await VisitAsync("new offer page", $"{baseUrl}/aanbod/nieuw");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nieuw aanbod");
        await VisitAsync("history page", $"{baseUrl}/aanbod/{offerId}/geschiedenis");
        await Expect(page.Locator("ol.history-list > li").First).ToBeVisibleAsync();
        await VisitAsync("locations list", $"{baseUrl}/locaties");
        await Expect(page.Locator("main ul.utrecht-unordered-list li").First).ToBeVisibleAsync();
        await VisitAsync("new location form", $"{baseUrl}/locaties/nieuw");
        await Expect(page.Locator("#Input_Name")).ToBeVisibleAsync();
        await VisitAsync("profile page", $"{baseUrl}/profiel");
        await VisitAsync("organisation history", $"{baseUrl}/geschiedenis");
        await Expect(page.Locator("ol.history-list > li").First).ToBeVisibleAsync();
        await VisitAsync("organisation history, bad filter", $"{baseUrl}/geschiedenis?van=gisteren");
        await Expect(page.Locator("#van-error")).ToBeVisibleAsync();
        await VisitAsync("account page", "/account");
        await VisitAsync("two-step sign-in page", "/account/beveiliging");
        await VisitAsync("invite page", "/account/uitnodigen");
        await VisitAsync("people of the organisation", $"{baseUrl}/mensen");
        await Expect(page.Locator("main .people-table tbody tr").First).ToBeVisibleAsync();

        output.WriteLine($"axe checked {checkedPages.Count} workspace pages: {string.Join("; ", checkedPages)}");
        Assert.True(reports.Count == 0, $"{reports.Count} of {checkedPages.Count} pages have WCAG 2.2 AA violations:{Environment.NewLine}{string.Join(Environment.NewLine, reports)}");
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);
    }
}
