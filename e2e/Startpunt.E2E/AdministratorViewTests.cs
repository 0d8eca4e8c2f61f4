using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using Startpunt.Web.Data.Content;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>An administrator helping a provider: from the region's provider list into its workspace, read-only.</summary>
[Collection(E2ECollection.Name)]
public sealed class AdministratorViewTests(BrowserFixture app)
{
    [Fact]
    public async Task An_administrator_opens_a_providers_workspace_from_the_region_list_and_can_change_nothing()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/account/inloggen");
        var main = page.Locator("main");
        await main.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(DemoAccounts.All[4].Email);
        await main.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal));

        await page.GotoAsync("/regio/aanbieders?regio=westfriesland");
        var view = page.Locator("main a", new() { HasText = "Bekijk als aanbieder" }).First;
        await view.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/wachttijden", StringComparison.Ordinal));

        await Expect(page.Locator(".read-only-banner")).ToContainTextAsync("als beheerder");
        await Expect(page.Locator("main input[name$='WaitingWeeks'], main input[id^='weeks-']").First).ToBeDisabledAsync();
        await Expect(page.Locator("main button", new() { HasText = "Alles klopt nog" }).First).ToBeDisabledAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.Locator("nav.workspace-nav a", new() { HasText = "Aanbod" }).ClickAsync();
        await page.Locator("main table a[href*='/aanbod/']").First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Aanbod wijzigen");
        await Expect(page.Locator("main fieldset.read-only-view button[type=submit]").First).ToBeDisabledAsync();
        await Axe.AssertNoViolationsAsync(page);
        Assert.True(session.ScriptErrors.Count == 0, session.ScriptErrorReport);
    }
}
