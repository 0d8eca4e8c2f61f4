using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Account;

/// <summary>Sets up two-step sign-in the way a person does on /account/beveiliging; returns the authenticator key.</summary>
internal static class TwoFactorSetUp
{
    public static async Task<string> StartAsync(HttpClient client)
    {
        var start = await client.PostFormAsync("/account/beveiliging?handler=Start", new(), tokenPage: "/account/beveiliging");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var page = await client.GetDocumentAsync("/account/beveiliging");
        return page.Text("[data-testid=shared-key]")!.Replace(" ", "").ToUpperInvariant();
    }

    public static async Task<(string Key, List<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var key = await StartAsync(client);
        var enabled = await client.PostFormAsync("/account/beveiliging?handler=Enable", new() { ["Code"] = Totp.Code(key) }, tokenPage: "/account/beveiliging");
        var doc = Html.Parse(await enabled.Content.ReadAsStringAsync());
        Assert.Contains("staat aan", doc.Text("[role=status]"));
        return (key, doc.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList());
    }
}

public sealed class TwoFactorTests(BareFactory app) : IClassFixture<BareFactory>
{
    private async Task<HttpClient> NewPersonAsync(string email, string role, string? region = null)
    {
        await app.CreateUserAsync(email, role, region, twoFactor: false);
        return await app.SignedInAsync(email, BareFactory.Password);
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email) =>
        await client.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = BareFactory.Password });

    [Fact]
    public async Task Opening_the_set_up_page_changes_nothing_and_the_set_up_shows_a_QR_code_and_the_typed_key()
    {
        var client = await NewPersonAsync("qr@example.org", Roles.Consultant, "westfriesland");
        await using (var db = app.CreateDb())
        {
            var before = db.UserTokens.Count();
            var page = await client.GetDocumentAsync("/account/beveiliging");
            Assert.Null(page.QuerySelector("[data-testid=shared-key]"));
            Assert.Equal(before, db.UserTokens.Count());
        }
        var key = await TwoFactorSetUp.StartAsync(client);
        var setup = await client.GetDocumentAsync("/account/beveiliging");
        var img = setup.QuerySelector("img.qr-code")!;
        var src = img.GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", src);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(src["data:image/png;base64,".Length..])[..4]);
        Assert.Contains("sleutel", img.GetAttribute("alt"));
        Assert.Equal(32, key.Length);
    }

    [Fact]
    public async Task Recovery_codes_are_accepted_as_shown_without_the_dash_and_in_any_case_and_only_once()
    {
        const string email = "herstel@example.org";
        var client = await NewPersonAsync(email, Roles.Consultant, "westfriesland");
        var (_, codes) = await TwoFactorSetUp.EnableAsync(client);
        Assert.Equal(8, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", c));

        foreach (var typed in new[] { codes[0], codes[1].Replace("-", ""), codes[2].ToLowerInvariant(), " " + codes[3].Replace("-", " ").ToLowerInvariant() + " " })
        {
            var browser = app.Browser();
            Assert.StartsWith("/account/tweestaps", (await SignInAsync(browser, email)).Headers.Location!.OriginalString);
            var second = await browser.PostFormAsync("/account/tweestaps", new() { ["Code"] = typed });
            Assert.True(second.StatusCode == HttpStatusCode.Redirect, $"recovery code typed as '{typed}' was refused");
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        }
        var again = app.Browser();
        await SignInAsync(again, email);
        var reused = await again.PostFormAsync("/account/tweestaps", new() { ["Code"] = codes[0] });
        Assert.Contains("klopt niet", Html.Parse(await reused.Content.ReadAsStringAsync()).Text("[role=alert]"));
    }

    [Fact]
    public async Task The_authenticator_key_and_recovery_codes_cannot_be_read_from_a_copy_of_the_database()
    {
        var client = await NewPersonAsync("kopie@example.org", Roles.Consultant, "westfriesland");
        var (key, codes) = await TwoFactorSetUp.EnableAsync(client);
        var copy = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"copy-{Guid.NewGuid():N}.db");
        try
        {
            await using (var source = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
            await using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
            {
                await source.OpenAsync();
                await target.OpenAsync();
                source.BackupDatabase(target);
            }
            await using var db = new SqliteConnection($"Data Source={copy};Pooling=False");
            await db.OpenAsync();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT group_concat(Value, '|') FROM AspNetUserTokens";
            var stored = (string)(await cmd.ExecuteScalarAsync())!;
            Assert.DoesNotContain(key, stored, StringComparison.OrdinalIgnoreCase);
            Assert.All(codes, c => Assert.DoesNotContain(c, stored, StringComparison.OrdinalIgnoreCase));
            Assert.StartsWith("dp1:", stored);
        }
        finally { File.Delete(copy); }

        // The app itself still reads them: signing in with a code works.
        var browser = app.Browser();
        await SignInAsync(browser, "kopie@example.org");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/account/tweestaps", new() { ["Code"] = Totp.Code(key) })).StatusCode);
    }

    [Fact]
    public async Task Turning_two_step_sign_in_off_asks_for_the_password()
    {
        const string email = "uitzetten@example.org";
        var client = await NewPersonAsync(email, Roles.Consultant, "westfriesland");
        await TwoFactorSetUp.EnableAsync(client);
        var wrong = await client.PostFormAsync("/account/beveiliging?handler=Disable", new() { ["Password"] = "niet-mijn-wachtwoord-1" }, tokenPage: "/account/beveiliging");
        Assert.Contains("klopt niet", Html.Parse(await wrong.Content.ReadAsStringAsync()).Text("#Password-error"));
        var codeOnly = await client.PostFormAsync("/account/beveiliging?handler=Disable", new() { ["Code"] = "123456" }, tokenPage: "/account/beveiliging");
        Assert.Contains("Vul uw wachtwoord in", Html.Parse(await codeOnly.Content.ReadAsStringAsync()).Text("#Password-error"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
            Assert.True((await users.FindByEmailAsync(email))!.TwoFactorEnabled);
        }
        var right = await client.PostFormAsync("/account/beveiliging?handler=Disable", new() { ["Password"] = BareFactory.Password }, tokenPage: "/account/beveiliging");
        Assert.Contains("staat uit", Html.Parse(await right.Content.ReadAsStringAsync()).Text("[role=status]"));
    }

    [Theory]
    [InlineData(Roles.Administrator, null, "/regio")]
    [InlineData(Roles.ContractManager, "westfriesland", "/regio/aanbieders")]
    [InlineData(Roles.ContractManager, "westfriesland", "/consulent")]
    public async Task Administrators_and_contract_managers_set_up_two_step_sign_in_before_they_reach_their_pages(string role, string? region, string page)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        var client = await NewPersonAsync(email, role, region);
        var blocked = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/account/beveiliging?verplicht=true", blocked.Headers.Location!.OriginalString);
        Assert.Contains("eerst aan", (await client.GetDocumentAsync("/account/beveiliging?verplicht=true")).Text("[role=alert]"));

        var (key, _) = await TwoFactorSetUp.EnableAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);

        // A later sign-in asks for the code, then the pages open.
        var later = app.Browser();
        await SignInAsync(later, email);
        await later.PostFormAsync("/account/tweestaps", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task A_consultant_is_not_made_to_set_up_two_step_sign_in()
    {
        var client = await NewPersonAsync("consulent-vrij@example.org", Roles.Consultant, "westfriesland");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/consulent")).StatusCode);
    }
}
