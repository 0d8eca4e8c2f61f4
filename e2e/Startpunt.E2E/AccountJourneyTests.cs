using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Startpunt.E2E.Infrastructure;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Startpunt.E2E;

/// <summary>
/// A provider's account without help from anyone, in Chromium: a forgotten password reset from the mail in the pickup
/// folder (read with MimeKit), and two-step sign-in switched on from the QR page and used with a recovery code. Each
/// journey has an account of its own (a colleague of the demo provider), so the demo accounts stay as they are.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class AccountJourneyTests(BrowserFixture app)
{
    private const string Password = "een-lang-wachtwoord-2026";

    [GeneratedRegex(@"/aanbieder/\d+/wachttijden$")]
    private static partial Regex WeeklyUpdatePath();

    /// <summary>A new colleague at the demo provider's organisation, with a password and no two-step sign-in.</summary>
    private async Task<string> NewColleagueAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.org";
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
        var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
        var demo = await users.FindByEmailAsync(DemoAccounts.All[0].Email);
        var providerId = await db.OrganisationMembers.Where(m => m.UserId == demo!.Id).Select(m => m.ProviderId).FirstAsync();
        var user = new StartpuntUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Provider);
        db.OrganisationMembers.Add(new OrganisationMember { UserId = user.Id, ProviderId = providerId });
        await db.SaveChangesAsync();
        return email;
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/inloggen");
        var main = page.Locator("main");
        await main.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await main.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task A_provider_resets_a_forgotten_password_from_the_mail_and_signs_in_with_the_new_one()
    {
        var email = await NewColleagueAsync("vergeten");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/account/inloggen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).ClickAsync();
        await page.Locator("main").GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een link" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToBeVisibleAsync();

        // The mail was written to the pickup folder before the answer came back.
        var mail = Assert.Single(Mailbox.Messages(app.App.MailDirectory), m => m.To.Mailboxes.Any(a => a.Address == email));
        var link = new Uri(Mailbox.LinkIn(mail.TextBody!, "/account/nieuw-wachtwoord"));
        await page.GotoAsync(link.PathAndQuery);
        const string newPassword = "mijn nieuwe zin voor 2026";
        await page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Wachtwoord nog een keer", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Uw nieuwe wachtwoord is opgeslagen.");

        await SignInAsync(page, email, Password);
        await Expect(page.Locator("main [role=alert]")).ToContainTextAsync("klopt niet");
        await SignInAsync(page, email, newPassword);
        await page.WaitForURLAsync(WeeklyUpdatePath());
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);
    }

    [Fact]
    public async Task A_provider_switches_on_two_step_sign_in_from_the_QR_page_and_signs_in_again_with_a_recovery_code_as_shown()
    {
        var email = await NewColleagueAsync("tweestaps");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await SignInAsync(page, email, Password);
        await page.WaitForURLAsync(WeeklyUpdatePath());

        await page.GotoAsync("/account/beveiliging");
        await page.GetByRole(AriaRole.Button, new() { Name = "Instellen" }).ClickAsync();
        await Expect(page.Locator("img.qr-code")).ToBeVisibleAsync();
        var key = (await page.Locator("[data-testid=shared-key]").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        // What the authenticator app shows after scanning: the RFC 6238 code of that key, now.
        await page.GetByLabel("Code uit uw app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanzetten" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Inloggen in twee stappen staat aan.");
        var recoveryCode = (await page.Locator(".recovery-codes li").First.InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", recoveryCode);

        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        await SignInAsync(page, email, Password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/tweestaps");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(recoveryCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath is not "/account/tweestaps");
        await Expect(page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true })).ToBeVisibleAsync();

        // The code is used up: the same one does not work a second time.
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await SignInAsync(page, email, Password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/tweestaps");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(recoveryCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(page.Locator("main [role=alert]")).ToContainTextAsync("klopt niet");
        Assert.True(session.ScriptErrors.Count == 0, "Errors in the browser: " + session.ScriptErrorReport);
    }
}
