using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.ContractManager;

/// <summary>A contract manager sees and changes only their own region; contracts keep a history; deactivation hides a provider.</summary>
public sealed class RegionAccessTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    public static readonly TheoryData<string> Pages = ["/regio", "/regio/aanbieders", "/regio/trends", "/regio/dekking", "/regio/rapportage", "/regio/catalogus"];

    private async Task<int> ProviderInAsync(string region)
    {
        await using var db = app.CreateDb();
        return await db.Offers.Where(o => o.RegionId == region).OrderBy(o => o.ProviderId).Select(o => o.ProviderId).FirstAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_contract_manager_gets_no_access_for_another_region(string page)
    {
        var client = await app.SignedInAsync(DemoData.ContractManagerEmail);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        using var other = await client.GetAsync($"{page}?regio=meierij");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/account/geen-toegang", other.Headers.Location!.PathAndQuery);
        using var denied = await client.GetAsync(other.Headers.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Geen toegang", await denied.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Consultants_and_providers_have_no_access_and_administrators_see_any_region(string page)
    {
        foreach (var email in new[] { DemoData.ConsultantEmail, DemoData.ProviderEmail })
        {
            var client = await app.SignedInAsync(email);
            Assert.StartsWith("/account/geen-toegang", (await client.GetAsync(page)).Headers.Location!.PathAndQuery);
        }
        var admin = await app.SignedInAsync(DemoData.AdministratorEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{page}?regio=meierij")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_switches_region_with_a_plain_form_and_a_contract_manager_has_no_switch()
    {
        var admin = await app.SignedInAsync(DemoData.AdministratorEmail);
        var doc = await admin.GetDocumentAsync("/regio/trends?regio=meierij");
        var form = doc.QuerySelector("form.region-switch")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/regio/trends", form.GetAttribute("action"));
        Assert.Equal("meierij", form.QuerySelector("select[name=regio] option[selected]")!.GetAttribute("value"));
        Assert.Equal(5, form.QuerySelectorAll("option").Length);
        var switched = await admin.GetDocumentAsync("/regio/trends?regio=westfriesland");
        Assert.Contains("Westfriesland", switched.Text(".workspace-nav__org"));

        var manager = await app.SignedInAsync(DemoData.ContractManagerEmail);
        Assert.Null((await manager.GetDocumentAsync("/regio/trends")).QuerySelector("form.region-switch"));
    }

    [Fact]
    public async Task Nothing_changes_in_another_region()
    {
        var meierij = await ProviderInAsync("meierij");
        var client = await app.SignedInAsync(DemoData.ContractManagerEmail);
        await using var db = app.CreateDb();
        var before = (await db.Reminders.CountAsync(), await db.Offers.CountAsync(o => o.Paused), await db.AuditEntries.CountAsync());
        foreach (var url in new[] { $"/regio?handler=Remind&providerId={meierij}", $"/regio/aanbieders?handler=Deactivate&providerId={meierij}", $"/regio/aanbieders/{meierij}" })
        {
            var response = await client.PostFormAsync(url, new() { ["Input.Start"] = "2026-01-01", ["Input.Municipalities"] = "GM0796", ["Input.ProductId"] = "1" }, tokenPage: "/regio");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/regio/aanbieders/{meierij}")).StatusCode);
        Assert.Equal(before, (await db.Reminders.CountAsync(), await db.Offers.CountAsync(o => o.Paused), await db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Contracts_are_edited_with_history_and_bad_dates_get_a_message()
    {
        var providerId = await ProviderInAsync("westfriesland");
        var client = await app.SignedInAsync(DemoData.ContractManagerEmail);
        await using var db = app.CreateDb();
        var contract = await db.Contracts.Include(c => c.Municipalities).FirstAsync(c => c.ProviderId == providerId && c.Product!.RegionId == "westfriesland");
        var fields = new List<KeyValuePair<string, string>> { new("Input.Start", "2025-07-01"), new("Input.End", "2025-01-01"), new("Input.Municipalities", "GM0405") };
        var bad = await client.PostFormAsync($"/regio/aanbieders/{providerId}?contractId={contract.Id}", fields, $"/regio/aanbieders/{providerId}");
        Assert.Contains("voor de begindatum", Html.Parse(await bad.Content.ReadAsStringAsync()).Body!.TextContent);

        fields = [new("Input.Start", "2025-07-01"), new("Input.End", "2029-06-30"), new("Input.Municipalities", "GM0405"), new("Input.Municipalities", "GM0388")];
        var ok = await client.PostFormAsync($"/regio/aanbieders/{providerId}?contractId={contract.Id}", fields, $"/regio/aanbieders/{providerId}");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using var after = app.CreateDb();
        var saved = await after.Contracts.Include(c => c.Municipalities).SingleAsync(c => c.Id == contract.Id);
        Assert.Equal(["GM0388", "GM0405"], saved.Municipalities.Select(m => m.MunicipalityCode).Order());
        Assert.Equal(new DateOnly(2029, 6, 30), saved.EndDate);
        var history = await client.GetDocumentAsync($"/regio/aanbieders/{providerId}");
        Assert.Contains("Einddatum", history.Text(".history-list"));
        Assert.Contains("Enkhuizen, Hoorn", history.Text(".history-list"));
    }

    [Fact]
    public async Task Deactivating_a_provider_hides_its_offers_and_stops_its_people_until_activated_again()
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var manager = await app.SignedInAsync(DemoData.ContractManagerEmail);
        var offer = await app.FirstOfferAsync(providerId, q => q.Where(o => !o.Paused));
        // "Deactiveren" first asks, naming what happens; only the button on that question deactivates.
        var list = await manager.GetDocumentAsync("/regio/aanbieders");
        Assert.Null(list.QuerySelector("form[action*='handler=Deactivate']"));
        var ask = await manager.GetDocumentAsync($"/regio/aanbieders?handler=ConfirmDeactivate&providerId={providerId}");
        Assert.Contains("deactiveren?", ask.Text("#bevestig h2"));
        Assert.NotNull(ask.QuerySelector($"#bevestig form[action*='handler=Deactivate'][action*='providerId={providerId}']"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/aanbod/{offer.Id}")).StatusCode);
        await manager.PostFormAsync($"/regio/aanbieders?handler=Deactivate&providerId={providerId}", new(), tokenPage: "/regio/aanbieders");
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/aanbod/{offer.Id}")).StatusCode);
        var signIn = await app.Browser().PostFormAsync("/account/inloggen", new() { ["Input.Email"] = DemoData.ProviderEmail, ["Input.Password"] = Startpunt.Web.Data.Content.DemoAccounts.Password });
        Assert.Contains("uitgeschakeld", Html.Parse(await signIn.Content.ReadAsStringAsync()).Text("[role=alert]"));

        await manager.PostFormAsync($"/regio/aanbieders?handler=Activate&providerId={providerId}", new(), tokenPage: "/regio/aanbieders");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/aanbod/{offer.Id}")).StatusCode);
        Assert.NotNull(await app.SignedInAsync(DemoData.ProviderEmail));
    }

    [Fact]
    public async Task The_catalogue_shows_the_thresholds_from_content()
    {
        var client = await app.SignedInAsync(DemoData.ContractManagerEmail);
        var doc = await client.GetDocumentAsync("/regio/catalogus");
        Assert.Contains("2 weken", doc.Text("[data-testid=green]"));
        Assert.Contains("6 weken", doc.Text("[data-testid=orange]"));
        Assert.Contains("14 dagen", doc.Text("[data-testid=freshness]"));
        Assert.Contains("Dagbesteding A", doc.Body!.TextContent);
    }
}
