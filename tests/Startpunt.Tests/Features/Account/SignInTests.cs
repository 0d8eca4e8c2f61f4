using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Account;

public sealed class SignInTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Fact]
    public async Task The_sign_in_page_shows_the_demo_accounts()
    {
        var doc = await app.Browser().GetDocumentAsync("/account/inloggen");
        Assert.All(DemoAccounts.All, a => Assert.Contains(a.Email, doc.Text(".demo-accounts")));
    }

    [Fact]
    public async Task A_wrong_password_gets_a_message_and_five_lock_the_account()
    {
        var client = app.Browser();
        var email = DemoData.ConsultantEmail;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = "fout-wachtwoord-1" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = Html.Parse(await response.Content.ReadAsStringAsync()).Text("[role=alert]");
            Assert.Contains(i < 4 ? "klopt niet" : "geblokkeerd", text);
        }
        var locked = await client.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = DemoAccounts.Password });
        Assert.Contains("geblokkeerd", Html.Parse(await locked.Content.ReadAsStringAsync()).Text("[role=alert]"));

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(await users.IsLockedOutAsync(user));

        // An administrator can lift the lock; then the right password works again.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = DemoAccounts.Password })).StatusCode);
    }

    [Fact]
    public async Task Empty_fields_get_messages_next_to_them()
    {
        var response = await app.Browser().PostFormAsync("/account/inloggen", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vul uw e-mailadres in", doc.Text("#Input_Email-error"));
        Assert.Contains("Vul uw wachtwoord in", doc.Text("#Input_Password-error"));
    }

    [Fact]
    public async Task A_return_address_elsewhere_is_ignored()
    {
        var client = app.Browser();
        var response = await client.PostFormAsync("/account/inloggen?terug=https%3A%2F%2Fevil.example%2F",
            new() { ["Input.Email"] = DemoData.ProviderEmail, ["Input.Password"] = DemoAccounts.Password, ["terug"] = "https://evil.example/" });
        Assert.Equal("/aanbieder", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Two_step_sign_in_with_an_authenticator_code()
    {
        var email = DemoData.AdministratorEmail;
        var client = await app.SignedInAsync(email);
        var key = await TwoFactorSetUp.StartAsync(client);
        var enabled = await client.PostFormAsync("/account/beveiliging?handler=Enable", new() { ["Code"] = Totp.Code(key) }, tokenPage: "/account/beveiliging");
        var enabledDoc = Html.Parse(await enabled.Content.ReadAsStringAsync());
        Assert.Contains("staat aan", enabledDoc.Text("[role=status]"));
        Assert.Equal(8, enabledDoc.QuerySelectorAll(".recovery-codes li").Length);

        // Signing in now asks for the code.
        var fresh = app.Browser();
        var first = await fresh.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = DemoAccounts.Password });
        Assert.StartsWith("/account/tweestaps", first.Headers.Location!.OriginalString);
        var wrong = await fresh.PostFormAsync("/account/tweestaps", new() { ["Code"] = "000000" });
        Assert.Contains("klopt niet", Html.Parse(await wrong.Content.ReadAsStringAsync()).Text("[role=alert]"));
        var right = await fresh.PostFormAsync("/account/tweestaps", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/account")).StatusCode);

        // Leave the shared demo administrator as it was.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
        await users.SetTwoFactorEnabledAsync((await users.FindByEmailAsync(email))!, false);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.SignedInAsync(DemoData.OtherProviderEmail);
        var response = await client.PostFormAsync("/account/uitloggen", new(), tokenPage: "/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/account");
        Assert.StartsWith("/account/inloggen", after.Headers.Location!.PathAndQuery);
    }
}

