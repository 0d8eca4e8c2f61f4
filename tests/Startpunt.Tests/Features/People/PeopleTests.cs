using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.People;

/// <summary>
/// The people of an organisation: its own administrators, the region's contract managers and administrators see them
/// (role, last sign-in, two-step sign-in) and remove, switch off and revoke; anyone else, or a forged id, gets a 4xx.
/// </summary>
public sealed class PeopleTests(BareFactory app) : IClassFixture<BareFactory>
{
    private sealed record Organisation(int Id, Offer Offer, string Admin, string Colleague);

    private async Task<Organisation> OrganisationAsync(string name, bool contract = true)
    {
        var offer = await app.CreateOfferAsync(name, "dagbesteding-a", 1621, 2, app.Clock.GetUtcNow().UtcDateTime);
        if (contract)
        {
            await using var db = app.CreateDb();
            db.Contracts.Add(new Contract { ProviderId = offer.ProviderId, ProductId = offer.ProductId, StartDate = new DateOnly(2025, 1, 1) });
            await db.SaveChangesAsync();
        }
        var admin = $"beheer-{Guid.NewGuid():N}@org.example";
        var colleague = $"collega-{Guid.NewGuid():N}@org.example";
        await app.CreateUserAsync(admin, Roles.Provider, providerId: offer.ProviderId);
        await app.CreateUserAsync(colleague, Roles.Provider, providerId: offer.ProviderId, organisationAdministrator: false);
        return new Organisation(offer.ProviderId, offer, admin, colleague);
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = app.CreateDb();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private Task<HttpClient> SignInAsync(string email) => app.SignedInAsync(email, BareFactory.Password);

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string page, string handler, string field, string value) =>
        client.PostFormAsync($"{page}?handler={handler}", new() { [field] = value }, tokenPage: "/account");

    private static async Task<string> TextAsync(HttpResponseMessage response) => Html.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent;

    [Fact]
    public async Task The_organisations_administrator_sees_its_people_with_role_last_sign_in_and_two_step_status_and_a_colleague_does_not()
    {
        var org = await OrganisationAsync("Mensen Zien BV");
        var admin = await SignInAsync(org.Admin);
        var page = await admin.GetDocumentAsync($"/aanbieder/{org.Id}/mensen");
        var adminRow = page.QuerySelector($"#persoon-{await IdOfAsync(org.Admin)}")!.TextContent;
        var colleagueRow = page.QuerySelector($"#persoon-{await IdOfAsync(org.Colleague)}")!.TextContent;
        Assert.Contains("Beheerder van de organisatie", adminRow);
        Assert.Contains("16 november 2026 09:00", adminRow);
        Assert.Contains("Medewerker", colleagueRow);
        Assert.Contains("nog nooit", colleagueRow);
        Assert.Equal("uit", page.QuerySelector($"#persoon-{await IdOfAsync(org.Colleague)} td:nth-of-type(3)")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"nav a[href='/aanbieder/{org.Id}/mensen']"));

        var colleague = await SignInAsync(org.Colleague);
        var refused = await colleague.GetAsync($"/aanbieder/{org.Id}/mensen");
        Assert.StartsWith("/account/geen-toegang", refused.Headers.Location!.PathAndQuery);
        Assert.Null((await colleague.GetDocumentAsync($"/aanbieder/{org.Id}/wachttijden")).QuerySelector($"nav a[href='/aanbieder/{org.Id}/mensen']"));
        var other = await OrganisationAsync("Andere BV");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/aanbieder/{other.Id}/mensen")).StatusCode);
    }

    [Fact]
    public async Task A_switched_off_person_cannot_write_or_sign_in_and_is_signed_out_within_a_minute()
    {
        var org = await OrganisationAsync("Uitschakelen BV");
        var colleague = await SignInAsync(org.Colleague);
        var admin = await SignInAsync(org.Admin);
        var page = $"/aanbieder/{org.Id}/mensen";
        var off = await ActAsync(admin, page, "SwitchOff", "userId", await IdOfAsync(org.Colleague));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("uitgeschakeld", (await admin.GetDocumentAsync(page)).Text("[role=status]"));

        // The next write is refused at once, before the minute is over.
        var write = await colleague.PostFormAsync($"/aanbieder/{org.Id}/aanbod/{org.Offer.Id}?handler=Pause", new() { ["pauseReason"] = "Vol", ["version"] = org.Offer.Version.ToString() }, tokenPage: "/account");
        Assert.StartsWith("/account/inloggen", write.Headers.Location!.OriginalString);
        Assert.False((await app.OfferAsync(org.Offer.Id)).Paused);
        var signIn = await app.Browser().PostFormAsync("/account/inloggen", new() { ["Input.Email"] = org.Colleague, ["Input.Password"] = BareFactory.Password });
        Assert.Contains("uitgeschakeld", Html.Parse(await signIn.Content.ReadAsStringAsync()).Text("[role=alert]"));

        var on = await ActAsync(admin, page, "SwitchOn", "userId", await IdOfAsync(org.Colleague));
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.NotNull(await SignInAsync(org.Colleague));
    }

    [Fact]
    public async Task A_stale_session_of_a_switched_off_person_ends_at_the_next_stamp_check()
    {
        var org = await OrganisationAsync("Sessie BV");
        var colleague = await SignInAsync(org.Colleague);
        var admin = await SignInAsync(org.Admin);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/aanbieder/{org.Id}/wachttijden")).StatusCode);
        await ActAsync(admin, $"/aanbieder/{org.Id}/mensen", "SwitchOff", "userId", await IdOfAsync(org.Colleague));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        try
        {
            var read = await colleague.GetAsync($"/aanbieder/{org.Id}/wachttijden");
            Assert.StartsWith("/account/inloggen", read.Headers.Location!.PathAndQuery);
        }
        finally { app.Clock.Advance(-TimeSpan.FromMinutes(2)); }
    }

    [Fact]
    public async Task Removing_a_member_takes_away_the_organisation_and_forged_or_own_ids_get_a_message()
    {
        var org = await OrganisationAsync("Verwijderen BV");
        var other = await OrganisationAsync("Ander Team BV");
        var admin = await SignInAsync(org.Admin);
        var page = $"/aanbieder/{org.Id}/mensen";

        var forged = await ActAsync(admin, page, "Remove", "userId", await IdOfAsync(other.Colleague));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("hoort niet bij deze organisatie", await TextAsync(forged));
        var self = await ActAsync(admin, page, "Remove", "userId", await IdOfAsync(org.Admin));
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("uzelf", await TextAsync(self));
        var garbage = await ActAsync(admin, page, "SwitchOff", "userId", "<script>");
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);

        var colleague = await SignInAsync(org.Colleague);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, page, "Remove", "userId", await IdOfAsync(org.Colleague))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/aanbieder/{org.Id}/wachttijden")).StatusCode);
        await using var db = app.CreateDb();
        Assert.Equal(1, await db.OrganisationMembers.CountAsync(m => m.ProviderId == org.Id));
        Assert.Equal(1, await db.OrganisationMembers.CountAsync(m => m.ProviderId == other.Id && !m.IsAdministrator));
    }

    [Fact]
    public async Task Open_invitations_are_listed_and_revoked_and_a_revoked_link_no_longer_works()
    {
        var org = await OrganisationAsync("Uitnodigen BV");
        var other = await OrganisationAsync("Vreemde BV");
        var admin = await SignInAsync(org.Admin);
        await admin.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = "nieuw@uitnodigen.example", ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = org.Id.ToString() });
        await (await SignInAsync(other.Admin)).PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = "nieuw@vreemd.example", ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = other.Id.ToString() });
        var page = $"/aanbieder/{org.Id}/mensen";
        Assert.Contains("nieuw@uitnodigen.example", (await admin.GetDocumentAsync(page)).Text(".invitation-list"));

        await using var db = app.CreateDb();
        var mine = await db.Invitations.SingleAsync(i => i.Email == "nieuw@uitnodigen.example");
        var theirs = await db.Invitations.SingleAsync(i => i.Email == "nieuw@vreemd.example");
        Assert.False(mine.OrganisationAdministrator);
        var forged = await ActAsync(admin, page, "Revoke", "invitationId", theirs.Id.ToString());
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("bestaat niet", await TextAsync(forged));
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(admin, page, "Revoke", "invitationId", "abc")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, page, "Revoke", "invitationId", mine.Id.ToString())).StatusCode);
        var link = Mailbox.LinkIn(Mailbox.Read(app.MailDirectory).Last(m => m.Contains("nieuw@uitnodigen.example")), "/account/uitnodiging/");
        Assert.Contains("werkt niet meer", (await app.Browser().GetDocumentAsync(new Uri(link).PathAndQuery)).Text("[role=alert]"));
        Assert.True(await db.Invitations.AnyAsync(i => i.Id == theirs.Id));
    }

    [Fact]
    public async Task A_person_of_two_organisations_is_switched_off_only_by_who_manages_both()
    {
        var first = await OrganisationAsync("Eerste Team BV");
        var second = await OrganisationAsync("Tweede Team BV");
        await using (var db = app.CreateDb())
        {
            db.OrganisationMembers.Add(new OrganisationMember { UserId = await IdOfAsync(first.Colleague), ProviderId = second.Id });
            await db.SaveChangesAsync();
        }
        var refused = await ActAsync(await SignInAsync(first.Admin), $"/aanbieder/{first.Id}/mensen", "SwitchOff", "userId", await IdOfAsync(first.Colleague));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("andere organisatie", await TextAsync(refused));

        // The region's contract manager manages both (each has a contract in the region).
        var manager = $"cm-{Guid.NewGuid():N}@regio.example";
        await app.CreateUserAsync(manager, Roles.ContractManager, regionId: "westfriesland");
        var done = await ActAsync(await SignInAsync(manager), $"/regio/aanbieders/{first.Id}/mensen", "SwitchOff", "userId", await IdOfAsync(first.Colleague));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var after = app.CreateDb();
        Assert.True(await after.Users.Where(u => u.Email == first.Colleague).Select(u => u.Deactivated).SingleAsync());
    }

    [Fact]
    public async Task A_contract_manager_sees_the_people_of_providers_with_a_contract_in_the_region_only()
    {
        var contracted = await OrganisationAsync("Contract BV");
        var without = await OrganisationAsync("Zonder Contract BV", contract: false);
        var manager = $"cm-{Guid.NewGuid():N}@regio.example";
        await app.CreateUserAsync(manager, Roles.ContractManager, regionId: "westfriesland");
        var client = await SignInAsync(manager);
        Assert.Contains(contracted.Admin, (await client.GetDocumentAsync($"/regio/aanbieders/{contracted.Id}/mensen")).Text(".people-table"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/regio/aanbieders/{without.Id}/mensen")).StatusCode);
        var otherRegion = await client.GetAsync($"/regio/aanbieders/{contracted.Id}/mensen?regio=meierij");
        Assert.StartsWith("/account/geen-toegang", otherRegion.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_contract_manager_invites_only_the_first_person_of_a_provider_with_a_contract_in_the_region()
    {
        var staffed = await OrganisationAsync("Al Bemand BV");
        var empty = await app.CreateOfferAsync("Nog Leeg BV", "dagbesteding-a", 1621, 2, app.Clock.GetUtcNow().UtcDateTime);
        var uncontracted = await app.CreateOfferAsync("Geen Contract BV", "dagbesteding-a", 1621, 2, app.Clock.GetUtcNow().UtcDateTime);
        await using (var db = app.CreateDb())
        {
            db.Contracts.Add(new Contract { ProviderId = empty.ProviderId, ProductId = empty.ProductId, StartDate = new DateOnly(2025, 1, 1) });
            await db.SaveChangesAsync();
        }
        var manager = $"cm-{Guid.NewGuid():N}@regio.example";
        await app.CreateUserAsync(manager, Roles.ContractManager, regionId: "westfriesland");
        var client = await SignInAsync(manager);
        Task<HttpResponseMessage> InviteAsync(int providerId, string email) => client.PostFormAsync("/account/uitnodigen",
            new() { ["Input.Email"] = email, ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = providerId.ToString() });

        Assert.Contains("heeft al mensen", Html.Parse(await (await InviteAsync(staffed.Id, "tweede@bemand.example")).Content.ReadAsStringAsync()).Text("#Input_ProviderId-error"));
        Assert.Contains("Kies een organisatie", Html.Parse(await (await InviteAsync(uncontracted.ProviderId, "eerste@geen.example")).Content.ReadAsStringAsync()).Text("#Input_ProviderId-error"));
        Assert.Contains("verstuurd", Html.Parse(await (await InviteAsync(empty.ProviderId, "eerste@leeg.example")).Content.ReadAsStringAsync()).Text("[role=status]"));
        await using var after = app.CreateDb();
        Assert.Equal(["eerste@leeg.example"], await after.Invitations.Where(i => i.Email.EndsWith(".example") && (i.Email.Contains("bemand") || i.Email.Contains("geen") || i.Email.Contains("leeg"))).Select(i => i.Email).ToListAsync());
        Assert.True(await after.Invitations.Where(i => i.Email == "eerste@leeg.example").Select(i => i.OrganisationAdministrator).SingleAsync());
    }
}
