using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Account;

public sealed class InvitationTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private string LinkTo(string email) =>
        Mailbox.LinkIn(Mailbox.Read(app.MailDirectory).Last(m => m.Contains(email)), "/account/uitnodiging/");

    [Fact]
    public async Task A_contract_manager_invites_a_providers_first_user_who_then_keeps_that_organisation_current()
    {
        var manager = await app.SignedInAsync(DemoData.ContractManagerEmail);
        await using var db = app.CreateDb();
        var provider = await db.Providers.Where(p => p.Offers.Any(o => o.RegionId == "westfriesland") && !db.OrganisationMembers.Any(m => m.ProviderId == p.Id))
            .OrderBy(p => p.Id).FirstAsync();
        var sent = await manager.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = "nieuw@aanbieder.example", ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = provider.Id.ToString() });
        Assert.Contains("verstuurd", Html.Parse(await sent.Content.ReadAsStringAsync()).Text("[role=status]"));

        var link = LinkTo("nieuw@aanbieder.example");
        var path = new Uri(link).PathAndQuery;
        var newcomer = app.Browser();
        var accept = await newcomer.PostFormAsync(path, new() { ["Input.DisplayName"] = "Nina Nieuw", ["Input.Password"] = "een lange zin 2026", ["Input.ConfirmPassword"] = "een lange zin 2026" });
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync($"/aanbieder/{provider.Id}/wachttijden")).StatusCode);

        // The link works once.
        var again = await app.Browser().GetDocumentAsync(path);
        Assert.Contains("werkt niet meer", again.Text("[role=alert]"));
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        await anna.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = "laat@aanbieder.example", ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = providerId.ToString() });
        var path = new Uri(LinkTo("laat@aanbieder.example")).PathAndQuery;
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var page = await app.Browser().GetDocumentAsync(path);
        Assert.Contains("werkt niet meer", page.Text("[role=alert]"));
        app.Clock.Advance(-(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_provider_can_only_invite_colleagues_to_their_own_organisation()
    {
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        var other = await app.OrganisationOfAsync(DemoData.OtherProviderEmail);
        var response = await anna.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = "spion@example.org", ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = other.ToString() });
        Assert.Contains("Kies een organisatie", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#Input_ProviderId-error"));
        var escalate = await anna.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = "baas@example.org", ["Input.Role"] = Roles.Administrator });
        Assert.Contains("Kies een rol", Html.Parse(await escalate.Content.ReadAsStringAsync()).Body!.TextContent);
        await using var db = app.CreateDb();
        Assert.False(await db.Invitations.AnyAsync(i => i.Email == "spion@example.org" || i.Email == "baas@example.org"));
    }

    [Fact]
    public async Task A_weak_password_gets_a_clear_message_and_the_invitation_stays_usable()
    {
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        await anna.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = "zwak@aanbieder.example", ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = providerId.ToString() });
        var path = new Uri(LinkTo("zwak@aanbieder.example")).PathAndQuery;
        var response = await app.Browser().PostFormAsync(path, new() { ["Input.DisplayName"] = "Zwak", ["Input.Password"] = "kort1", ["Input.ConfirmPassword"] = "kort1" });
        Assert.Contains("minstens 12 tekens", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#Input_Password-error"));
        Assert.DoesNotContain("werkt niet meer", await app.Browser().GetStringAsync(path));
    }

}
