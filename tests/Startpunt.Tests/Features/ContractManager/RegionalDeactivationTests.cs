using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.ContractManager;

/// <summary>
/// Deactivation is per region: the provider's offers there are paused with the region's reason and out of its people's
/// hands (signed in or not, in one organisation or two, invited before or after), until that region undoes it.
/// </summary>
public sealed class RegionalDeactivationTests(BareFactory app) : IClassFixture<BareFactory>
{
    private const string Reason = "Geen geldige vergunning";

    /// <summary>A provider with an offer in Westfriesland and one in Meierij, a signed-in member, and the two regions' managers.</summary>
    private async Task<(int ProviderId, Offer West, Offer Meierij, HttpClient Staff)> ProviderInTwoRegionsAsync(string name)
    {
        var west = await app.CreateOfferAsync(name, "dagbesteding-a", 1621, 2, app.Clock.GetUtcNow().UtcDateTime);
        var meierij = await app.CreateOfferAsync(name, "dagbesteding", 5211, 3, app.Clock.GetUtcNow().UtcDateTime, regionId: "meierij");
        var email = $"{Guid.NewGuid():N}@aanbieder.example";
        await app.CreateUserAsync(email, Roles.Provider, providerId: west.ProviderId);
        return (west.ProviderId, west, meierij, await app.SignedInAsync(email, BareFactory.Password));
    }

    private async Task<HttpClient> ManagerAsync(string region)
    {
        var email = $"cm-{region}-{Guid.NewGuid():N}@regio.example";
        await app.CreateUserAsync(email, Roles.ContractManager, regionId: region);
        return await app.SignedInAsync(email, BareFactory.Password);
    }

    private static Task<HttpResponseMessage> DeactivateAsync(HttpClient manager, int providerId, string reason = Reason, string? region = null) =>
        manager.PostFormAsync($"/regio/aanbieders?handler=Deactivate&providerId={providerId}{(region is null ? "" : $"&regio={region}")}",
            new() { ["Reason"] = reason }, tokenPage: "/account");

    private static Task<HttpResponseMessage> ActivateAsync(HttpClient manager, int providerId, string? region = null) =>
        manager.PostFormAsync($"/regio/aanbieders?handler=Activate&providerId={providerId}{(region is null ? "" : $"&regio={region}")}", new(), tokenPage: "/account");

    private static async Task<string> TextAsync(HttpResponseMessage response) => Html.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent;

    [Fact]
    public async Task Deactivation_pauses_the_offers_of_that_region_only_with_the_reason_in_one_save_with_history()
    {
        var (providerId, west, meierij, _) = await ProviderInTwoRegionsAsync("Twee Regio's BV");
        var manager = await ManagerAsync("westfriesland");
        var confirm = await manager.GetDocumentAsync($"/regio/aanbieders?handler=ConfirmDeactivate&providerId={providerId}");
        Assert.NotNull(confirm.QuerySelector("#bevestig input[name=Reason]"));

        var empty = await DeactivateAsync(manager, providerId, "  ");
        Assert.Contains("Schrijf kort waarom", Html.Parse(await empty.Content.ReadAsStringAsync()).Text("#Reason-error"));
        Assert.Equal(Redirect, (await DeactivateAsync(manager, providerId)).StatusCode);

        Assert.Equal((true, Reason, true), await PausedAsync(west.Id));
        Assert.Equal((false, (string?)null, false), await PausedAsync(meierij.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/aanbod/{west.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/aanbod/{meierij.Id}")).StatusCode);
        await using var db = app.CreateDb();
        var entry = await db.AuditEntries.Where(a => a.EntityType == "Provider" && a.EntityId == providerId).OrderBy(a => a.Id).LastAsync();
        Assert.Equal(AuditActions.Deactivated, entry.Action);
        Assert.Contains("westfriesland", entry.Changes);
        Assert.Contains(Reason, entry.Changes);
        Assert.Equal(AuditActions.Paused, (await app.HistoryAsync(west.Id)).Last().Action);

        var again = await DeactivateAsync(manager, providerId);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("al gedeactiveerd", await TextAsync(again));
        var list = await manager.GetDocumentAsync("/regio/aanbieders");
        Assert.Contains(Reason, list.Body!.TextContent);
    }

    [Fact]
    public async Task Signed_in_staff_cannot_resume_or_change_the_offers_of_the_deactivated_region_and_get_the_reason()
    {
        var (providerId, west, meierij, staff) = await ProviderInTwoRegionsAsync("Ingelogd BV");
        var westPage = $"/aanbieder/{providerId}/aanbod/{west.Id}";
        Assert.Equal(Redirect, (await DeactivateAsync(await ManagerAsync("westfriesland"), providerId)).StatusCode);

        var page = await staff.GetDocumentAsync(westPage);
        Assert.Contains(Reason, page.Text("#gedeactiveerd"));
        Assert.Null(page.QuerySelector("form[action*='handler=Resume']"));
        Assert.DoesNotContain("Weer laten zien", page.Body!.TextContent);

        foreach (var handler in new[] { "Resume", "Pause", "Remove" })
        {
            var refused = await staff.PostFormAsync($"{westPage}?handler={handler}", new() { ["pauseReason"] = "x", ["confirmRemove"] = "true" }, tokenPage: "/account");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("gedeactiveerd", await TextAsync(refused));
        }
        var row = await staff.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={west.Id}",
            new() { ["WaitingWeeks"] = "1", ["IntakeOpen"] = "true", ["Version"] = (await app.OfferAsync(west.Id)).Version.ToString() }, tokenPage: "/account");
        Assert.Equal(HttpStatusCode.Forbidden, row.StatusCode);
        Assert.Contains(Reason, await TextAsync(row));
        Assert.Equal((true, Reason, true), await PausedAsync(west.Id));
        Assert.Null((await app.OfferAsync(west.Id)).RemovedAt);

        // The other region's offer is still the provider's to keep current.
        var weekly = await staff.GetDocumentAsync($"/aanbieder/{providerId}/wachttijden");
        Assert.Null(weekly.QuerySelector($"#offer-{west.Id}"));
        Assert.NotNull(weekly.QuerySelector($"#offer-{meierij.Id}"));
        Assert.Contains(Reason, weekly.Text(".region-lock"));
        var paused = await staff.PostFormAsync($"/aanbieder/{providerId}/aanbod/{meierij.Id}?handler=Pause",
            new() { ["pauseReason"] = "Vol", ["version"] = (await app.OfferAsync(meierij.Id)).Version.ToString() }, tokenPage: "/account");
        Assert.Equal(Redirect, paused.StatusCode);
    }

    [Fact]
    public async Task A_member_of_two_organisations_keeps_the_other_organisation_and_an_old_invitation_gives_no_way_around()
    {
        var (providerId, west, _, staff) = await ProviderInTwoRegionsAsync("Eerste BV");
        var other = await app.CreateOfferAsync("Tweede BV", "dagbesteding-a", 1621, 4, app.Clock.GetUtcNow().UtcDateTime);
        var both = $"{Guid.NewGuid():N}@twee.example";
        var user = await app.CreateUserAsync(both, Roles.Provider, providerId: providerId);
        await using (var db = app.CreateDb())
        {
            db.OrganisationMembers.Add(new OrganisationMember { UserId = user.Id, ProviderId = other.ProviderId });
            await db.SaveChangesAsync();
        }
        // An invitation sent before the deactivation, accepted after it.
        var invited = await staff.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = "later@eerste.example", ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = providerId.ToString() });
        Assert.Contains("verstuurd", await TextAsync(invited));
        var twoOrganisations = await app.SignedInAsync(both, BareFactory.Password);
        Assert.Equal(Redirect, (await DeactivateAsync(await ManagerAsync("westfriesland"), providerId)).StatusCode);

        var refused = await twoOrganisations.PostFormAsync($"/aanbieder/{providerId}/aanbod/{west.Id}?handler=Resume", new(), tokenPage: "/account");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var allowed = await twoOrganisations.PostFormAsync($"/aanbieder/{other.ProviderId}/aanbod/{other.Id}?handler=Pause",
            new() { ["pauseReason"] = "Vol", ["version"] = (await app.OfferAsync(other.Id)).Version.ToString() }, tokenPage: "/account");
        Assert.Equal(Redirect, allowed.StatusCode);
        Assert.True((await app.OfferAsync(other.Id)).Paused);

        var link = Mailbox.LinkIn(Mailbox.Read(app.MailDirectory).Last(m => m.Contains("later@eerste.example")), "/account/uitnodiging/");
        var newcomer = app.Browser();
        var accepted = await newcomer.PostFormAsync(new Uri(link).PathAndQuery, new() { ["Input.DisplayName"] = "Later", ["Input.Password"] = "een lange zin 2026", ["Input.ConfirmPassword"] = "een lange zin 2026" });
        Assert.Equal(Redirect, accepted.StatusCode);
        var late = await newcomer.PostFormAsync($"/aanbieder/{providerId}/aanbod/{west.Id}?handler=Resume", new(), tokenPage: "/account");
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.True((await app.OfferAsync(west.Id)).Paused);
    }

    [Fact]
    public async Task Only_a_manager_of_that_region_or_an_administrator_undoes_it()
    {
        var (providerId, _, meierij, staff) = await ProviderInTwoRegionsAsync("Meierij BV");
        var meierijManager = await ManagerAsync("meierij");
        var westManager = await ManagerAsync("westfriesland");
        Assert.Equal(Redirect, (await DeactivateAsync(meierijManager, providerId)).StatusCode);

        var crossRegion = await ActivateAsync(westManager, providerId, "meierij");
        Assert.Equal(Redirect, crossRegion.StatusCode);
        Assert.StartsWith("/account/geen-toegang", crossRegion.Headers.Location!.PathAndQuery);
        var denied = await westManager.GetAsync(crossRegion.Headers.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Geen toegang", await denied.Content.ReadAsStringAsync());
        var ownRegion = await ActivateAsync(westManager, providerId);
        Assert.Equal(HttpStatusCode.Conflict, ownRegion.StatusCode);
        Assert.Contains("niet gedeactiveerd", await TextAsync(ownRegion));
        Assert.Equal((true, Reason, true), await PausedAsync(meierij.Id));

        // The provider cannot undo it either; a paused offer of its own stays paused when the region undoes it.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostFormAsync($"/aanbieder/{providerId}/aanbod/{meierij.Id}?handler=Resume", new(), tokenPage: "/account")).StatusCode);
        var admin = $"{Guid.NewGuid():N}@beheer.example";
        await app.CreateUserAsync(admin, Roles.Administrator);
        Assert.Equal(Redirect, (await ActivateAsync(await app.SignedInAsync(admin, BareFactory.Password), providerId, "meierij")).StatusCode);
        Assert.Equal((false, (string?)null, false), await PausedAsync(meierij.Id));
        await using var db = app.CreateDb();
        Assert.False(await db.ProviderDeactivations.AnyAsync(d => d.ProviderId == providerId));
        Assert.Equal(AuditActions.Activated, (await db.AuditEntries.Where(a => a.EntityType == "Provider" && a.EntityId == providerId).OrderBy(a => a.Id).LastAsync()).Action);
    }

    [Fact]
    public async Task Offers_the_provider_paused_itself_stay_paused_after_the_region_undoes_it()
    {
        var (providerId, west, _, staff) = await ProviderInTwoRegionsAsync("Eigen Pauze BV");
        Assert.Equal(Redirect, (await staff.PostFormAsync($"/aanbieder/{providerId}/aanbod/{west.Id}?handler=Pause",
            new() { ["pauseReason"] = "Verbouwing", ["version"] = (await app.OfferAsync(west.Id)).Version.ToString() }, tokenPage: "/account")).StatusCode);
        var manager = await ManagerAsync("westfriesland");
        Assert.Equal(Redirect, (await DeactivateAsync(manager, providerId)).StatusCode);
        Assert.Equal((true, "Verbouwing", false), await PausedAsync(west.Id));
        Assert.Equal(Redirect, (await ActivateAsync(manager, providerId)).StatusCode);
        Assert.Equal((true, "Verbouwing", false), await PausedAsync(west.Id));
    }

    private const HttpStatusCode Redirect = HttpStatusCode.Redirect;

    private async Task<(bool, string?, bool)> PausedAsync(int offerId)
    {
        var offer = await app.OfferAsync(offerId);
        return (offer.Paused, offer.PausedReason, offer.PausedByDeactivation);
    }
}
