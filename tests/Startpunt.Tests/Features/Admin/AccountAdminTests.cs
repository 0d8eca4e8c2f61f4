using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Admin;

/// <summary>Administrators see every account (filtered), switch a person off, mail a reset link and reset two-step sign-in.</summary>
public sealed class AccountAdminTests(BareFactory app) : IClassFixture<BareFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var email = $"beheer-{Guid.NewGuid():N}@beheer.example";
        await app.CreateUserAsync(email, Roles.Administrator);
        return await app.SignedInAsync(email, BareFactory.Password);
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = app.CreateDb();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task The_list_filters_by_role_region_and_organisation_and_shows_sign_in_two_step_and_invitations()
    {
        var offer = await app.CreateOfferAsync("Lijst BV", "dagbesteding-a", 1621, 2, app.Clock.GetUtcNow().UtcDateTime);
        await app.CreateUserAsync("medewerker@lijst.example", Roles.Provider, providerId: offer.ProviderId);
        await app.CreateUserAsync("consulent@meierij.example", Roles.Consultant, regionId: "meierij");
        await app.CreateUserAsync("cm@lijst.example", Roles.ContractManager, regionId: "westfriesland");
        await app.SignedInAsync("medewerker@lijst.example", BareFactory.Password);
        var admin = await AdminAsync();
        await admin.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = "open@lijst.example", ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = offer.ProviderId.ToString() });

        var all = await admin.GetDocumentAsync("/beheer/accounts");
        Assert.Contains("16 november 2026 09:00", all.QuerySelector($"#account-{await IdOfAsync("medewerker@lijst.example")}")!.TextContent);
        Assert.Equal("aan", all.QuerySelector($"#account-{await IdOfAsync("cm@lijst.example")} td:nth-of-type(4)")!.TextContent.Trim());
        Assert.Contains("open@lijst.example", all.Text(".invitation-list"));

        var consultants = (await admin.GetDocumentAsync($"/beheer/accounts?rol={Roles.Consultant}")).Text(".account-table")!;
        Assert.Contains("consulent@meierij.example", consultants);
        Assert.DoesNotContain("medewerker@lijst.example", consultants);
        var west = (await admin.GetDocumentAsync("/beheer/accounts?regio=westfriesland")).Text(".account-table")!;
        Assert.Contains("medewerker@lijst.example", west);
        Assert.Contains("cm@lijst.example", west);
        Assert.DoesNotContain("consulent@meierij.example", west);
        var organisation = await admin.GetDocumentAsync($"/beheer/accounts?organisatie={offer.ProviderId}");
        Assert.Contains("medewerker@lijst.example", organisation.Text(".account-table"));
        Assert.DoesNotContain("cm@lijst.example", organisation.Text(".account-table"));

        foreach (var bad in new[] { "rol=koning", "regio=atlantis", "organisatie=99999", "organisatie=%3Cx%3E" })
        {
            var response = await admin.GetAsync($"/beheer/accounts?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Kies een", Html.Parse(await response.Content.ReadAsStringAsync()).Text(".utrecht-form-field-error-message"));
        }
    }

    [Fact]
    public async Task An_administrator_switches_a_person_off_mails_a_reset_link_and_resets_two_step_sign_in()
    {
        await app.CreateUserAsync("kwijt@telefoon.example", Roles.ContractManager, regionId: "westfriesland");
        var id = await IdOfAsync("kwijt@telefoon.example");
        var admin = await AdminAsync();
        var page = $"/beheer/accounts/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{page}?handler=ResetTwoFactor", new(), tokenPage: "/account")).StatusCode);
        Assert.Equal("uit", (await admin.GetDocumentAsync(page)).Text("#tweestaps"));
        // Signing in now asks for a new set-up instead of a code from the lost phone.
        var signIn = await app.Browser().PostFormAsync("/account/inloggen", new() { ["Input.Email"] = "kwijt@telefoon.example", ["Input.Password"] = BareFactory.Password });
        Assert.DoesNotContain("/account/tweestaps", signIn.Headers.Location?.OriginalString ?? "");

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{page}?handler=SendReset", new(), tokenPage: "/account")).StatusCode);
        var mail = Mailbox.Read(app.MailDirectory).Last(m => m.Contains("kwijt@telefoon.example"));
        Assert.Contains("/account/nieuw-wachtwoord?gebruiker=", mail);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{page}?handler=SwitchOff", new(), tokenPage: "/account")).StatusCode);
        Assert.Equal("uitgeschakeld", (await admin.GetDocumentAsync(page)).Text("#status"));
        var refused = await app.Browser().PostFormAsync("/account/inloggen", new() { ["Input.Email"] = "kwijt@telefoon.example", ["Input.Password"] = BareFactory.Password });
        Assert.Contains("uitgeschakeld", Html.Parse(await refused.Content.ReadAsStringAsync()).Text("[role=alert]"));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
        Assert.False(await users.GetTwoFactorEnabledAsync((await users.FindByIdAsync(id))!));
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_the_own_account_is_refused_with_a_message()
    {
        await app.CreateUserAsync("zelf@beheer.example", Roles.Administrator);
        var admin = await app.SignedInAsync("zelf@beheer.example", BareFactory.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/beheer/accounts/bestaat-niet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/beheer/accounts/bestaat-niet?handler=SwitchOff", new(), tokenPage: "/account")).StatusCode);
        var own = await admin.PostFormAsync($"/beheer/accounts/{await IdOfAsync("zelf@beheer.example")}?handler=SwitchOff", new(), tokenPage: "/account");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("eigen account", Html.Parse(await own.Content.ReadAsStringAsync()).Text("[role=alert]"));
        await using var db = app.CreateDb();
        Assert.False(await db.Users.Where(u => u.Email == "zelf@beheer.example").Select(u => u.Deactivated).SingleAsync());
    }
}
