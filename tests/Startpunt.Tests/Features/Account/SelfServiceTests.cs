using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Account;

/// <summary>Forgotten password, a new password or e-mail address, and signing out everywhere, without help from anyone.</summary>
public sealed class SelfServiceTests(BareFactory app) : IClassFixture<BareFactory>
{
    private List<MimeKit.MimeMessage> MailsTo(string email) =>
        Mailbox.Messages(app.MailDirectory).Where(m => m.To.Mailboxes.Any(a => a.Address == email)).ToList();

    private async Task<HttpResponseMessage> ForgotAsync(string email) =>
        await app.Browser().PostFormAsync("/account/wachtwoord-vergeten", new() { ["Email"] = email });

    [Fact]
    public async Task A_forgotten_password_is_reset_with_a_single_use_link_from_the_mail()
    {
        const string email = "vergeten@example.org";
        await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        Assert.Contains("/account/wachtwoord-vergeten", (await app.Browser().GetDocumentAsync("/account/inloggen")).DocumentElement.OuterHtml);

        var asked = await ForgotAsync(email);
        var answer = Html.Parse(await asked.Content.ReadAsStringAsync()).Text("[role=status]");
        var mail = Assert.Single(MailsTo(email));
        Assert.Equal("Nieuw wachtwoord voor Startpunt", mail.Subject);
        var path = new Uri(Mailbox.LinkIn(mail.TextBody!, "/account/nieuw-wachtwoord")).PathAndQuery;

        var browser = app.Browser();
        var saved = await browser.PostFormAsync(path, new() { ["Input.Password"] = "mijn nieuwe zin 2026", ["Input.ConfirmPassword"] = "mijn nieuwe zin 2026" }, tokenPage: path);
        Assert.Contains("opgeslagen", Html.Parse(await saved.Content.ReadAsStringAsync()).Text("[role=status]"));
        await app.SignedInAsync(email, "mijn nieuwe zin 2026");
        Assert.Contains("werkt niet meer", (await app.Browser().GetDocumentAsync(path)).Text("[role=alert]"));
        var reuse = await app.Browser().PostFormAsync(path, new() { ["Input.Password"] = "nog een andere zin 2026", ["Input.ConfirmPassword"] = "nog een andere zin 2026" }, tokenPage: "/account/wachtwoord-vergeten");
        Assert.Contains("werkt niet meer", Html.Parse(await reuse.Content.ReadAsStringAsync()).Text("[role=alert]"));

        // The same answer for an address without an account, and no mail.
        var unknown = await ForgotAsync("niemand@example.org");
        Assert.Equal(answer, Html.Parse(await unknown.Content.ReadAsStringAsync()).Text("[role=status]"));
        Assert.Empty(MailsTo("niemand@example.org"));
    }

    [Fact]
    public async Task Asking_again_within_two_minutes_sends_no_second_mail()
    {
        const string email = "twee-keer@example.org";
        await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        await ForgotAsync(email);
        await ForgotAsync(email);
        Assert.Single(MailsTo(email));
    }

    [Fact]
    public async Task A_bad_address_gets_a_message_next_to_the_field()
    {
        var response = await ForgotAsync("a,b@example.org");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("klopt niet", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#Email-error"));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_other_sessions()
    {
        const string email = "wijzig@example.org";
        await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        var here = await app.SignedInAsync(email, BareFactory.Password);
        var elsewhere = await app.SignedInAsync(email, BareFactory.Password);

        var wrong = await here.PostFormAsync("/account?handler=Password", new()
        {
            ["PasswordInput.CurrentPassword"] = "fout-wachtwoord-1", ["PasswordInput.NewPassword"] = "een nieuwe zin 2026", ["PasswordInput.ConfirmPassword"] = "een nieuwe zin 2026",
        }, tokenPage: "/account");
        Assert.Contains("klopt niet", Html.Parse(await wrong.Content.ReadAsStringAsync()).Text("#PasswordInput_CurrentPassword-error"));

        var right = await here.PostFormAsync("/account?handler=Password", new()
        {
            ["PasswordInput.CurrentPassword"] = BareFactory.Password, ["PasswordInput.NewPassword"] = "een nieuwe zin 2026", ["PasswordInput.ConfirmPassword"] = "een nieuwe zin 2026",
        }, tokenPage: "/account");
        Assert.Contains("opgeslagen", Html.Parse(await right.Content.ReadAsStringAsync()).Text("[role=status]"));
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account")).StatusCode);
            Assert.StartsWith("/account/inloggen", (await elsewhere.GetAsync("/account")).Headers.Location!.PathAndQuery);
        }
        finally { app.Clock.Advance(-TimeSpan.FromSeconds(61)); }
    }

    [Fact]
    public async Task A_new_email_address_counts_after_the_link_sent_to_it_is_confirmed()
    {
        const string email = "oud-adres@example.org";
        await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        var client = await app.SignedInAsync(email, BareFactory.Password);
        var asked = await client.PostFormAsync("/account?handler=Email", new() { ["EmailInput.NewEmail"] = "nieuw-adres@example.org", ["EmailInput.Password"] = BareFactory.Password }, tokenPage: "/account");
        Assert.Contains("nieuw-adres@example.org", Html.Parse(await asked.Content.ReadAsStringAsync()).Text("[role=status]"));
        var path = new Uri(Mailbox.LinkIn(Assert.Single(MailsTo("nieuw-adres@example.org")).TextBody!, "/account/e-mailadres-bevestigen")).PathAndQuery;

        // Opening the link changes nothing; the button does.
        await app.Browser().GetDocumentAsync(path);
        await app.SignedInAsync(email, BareFactory.Password);
        var confirmed = await app.Browser().PostFormAsync(path, new(), tokenPage: path);
        Assert.Contains("nieuw-adres@example.org", Html.Parse(await confirmed.Content.ReadAsStringAsync()).Text("[role=status]"));
        await app.SignedInAsync("nieuw-adres@example.org", BareFactory.Password);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session()
    {
        const string email = "overal@example.org";
        await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        var laptop = await app.SignedInAsync(email, BareFactory.Password);
        var phone = await app.SignedInAsync(email, BareFactory.Password);
        var response = await phone.PostFormAsync("/account?handler=SignOutEverywhere", new(), tokenPage: "/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/inloggen", (await phone.GetAsync("/account")).Headers.Location!.PathAndQuery);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        try { Assert.StartsWith("/account/inloggen", (await laptop.GetAsync("/account")).Headers.Location!.PathAndQuery); }
        finally { app.Clock.Advance(-TimeSpan.FromSeconds(61)); }
    }
}
