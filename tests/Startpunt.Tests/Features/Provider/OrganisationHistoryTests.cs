using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Provider;

/// <summary>The history of a whole organisation for its people, and of a region for its contract manager: filters and CSV.</summary>
public sealed class OrganisationHistoryTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Fact]
    public async Task An_organisation_sees_its_own_changes_filtered_by_kind_person_and_period()
    {
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var fields = (await anna.GetDocumentAsync($"/aanbieder/{providerId}/profiel")).FormFields("form.narrow-form");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await anna.PostFormAsync($"/aanbieder/{providerId}/profiel", fields.With("Input.Phone", "0229 123456"), $"/aanbieder/{providerId}/profiel");
        var today = Startpunt.Web.Features.Shared.Dates.Iso(app.Clock.GetUtcNow().UtcDateTime);

        var all = await anna.GetDocumentAsync($"/aanbieder/{providerId}/geschiedenis");
        Assert.Contains("Organisatie:", all.Text(".history-list"));
        Assert.Contains("Aanbod:", all.Text(".history-list"));

        var doc = await anna.GetDocumentAsync($"/aanbieder/{providerId}/geschiedenis?soort=Provider&persoon=Anna+Aanbieder&van={today}&tot={today}");
        var items = doc.QuerySelectorAll(".history-list > li").Select(li => li.TextContent).ToList();
        Assert.All(items, i => Assert.Contains("Organisatie:", i));
        var item = Assert.Single(items, i => i.Contains("0229 123456"));
        Assert.Contains("Anna Aanbieder", item);
        Assert.Contains("Telefoon", item);
        var yesterday = Startpunt.Web.Features.Shared.Dates.Iso(app.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var before = await anna.GetDocumentAsync($"/aanbieder/{providerId}/geschiedenis?soort=Provider&tot={yesterday}");
        Assert.DoesNotContain("0229 123456", before.Text("main"));
    }

    [Fact]
    public async Task A_bad_filter_gets_a_message_next_to_its_field()
    {
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var doc = await anna.GetDocumentAsync($"/aanbieder/{providerId}/geschiedenis?van=gisteren&soort=Iets&persoon=Onbekend");
        Assert.Contains("2026-01-01", doc.Text("#van-error"));
        Assert.NotNull(doc.Text("#soort-error"));
        Assert.NotNull(doc.Text("#persoon-error"));
        Assert.Empty(doc.QuerySelectorAll(".history-list"));
    }

    [Fact]
    public async Task Another_organisations_history_is_not_found()
    {
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        var other = await app.OrganisationOfAsync(DemoData.OtherProviderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/aanbieder/{other}/geschiedenis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/aanbieder/{other}/geschiedenis?handler=csv")).StatusCode);
    }

    [Fact]
    public async Task The_csv_export_has_one_row_per_changed_field_and_defuses_formulas()
    {
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var fields = (await anna.GetDocumentAsync($"/aanbieder/{providerId}/profiel")).FormFields("form.narrow-form");
        await anna.PostFormAsync($"/aanbieder/{providerId}/profiel", fields.With("Input.Description", "=HYPERLINK(\"http://evil\")"), $"/aanbieder/{providerId}/profiel");

        var response = await anna.GetAsync($"/aanbieder/{providerId}/geschiedenis?handler=csv&soort=Provider");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Datum;Tijd;Door;Onderdeel;Wijziging;Veld;Oud;Nieuw", lines[0]);
        var row = Assert.Single(lines, l => l.Contains("HYPERLINK"));
        Assert.Contains("Anna Aanbieder", row);
        Assert.Contains("'=HYPERLINK", row);
    }

    [Fact]
    public async Task A_contract_manager_sees_the_regions_history_and_not_another_regions()
    {
        await using var db = app.CreateDb();
        var own = await db.Offers.Where(o => o.RegionId == "westfriesland").OrderBy(o => o.Id).FirstAsync();
        var foreign = await db.Offers.Where(o => o.RegionId != "westfriesland").OrderBy(o => o.Id).FirstAsync();
        app.Clock.Advance(TimeSpan.FromDays(2));
        foreach (var offer in new[] { own, foreign }) offer.Description = "Gewijzigd voor de regiogeschiedenis";
        await db.SaveChangesAsync();
        var today = Startpunt.Web.Features.Shared.Dates.Iso(app.Clock.GetUtcNow().UtcDateTime);

        var manager = await app.SignedInAsync(DemoData.ContractManagerEmail);
        var doc = await manager.GetDocumentAsync($"/regio/geschiedenis?regio=westfriesland&van={today}&soort=Offer&wijziging={AuditActions.Updated}");
        var items = doc.QuerySelectorAll(".history-list > li").Select(li => li.TextContent).ToList();
        Assert.Single(items, i => i.Contains("Gewijzigd voor de regiogeschiedenis"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/regio/geschiedenis?regio=meierij")).StatusCode);

        var csv = await manager.GetStringAsync($"/regio/geschiedenis?handler=csv&regio=westfriesland&van={today}");
        Assert.Single(csv.Split("\r\n"), l => l.Contains("Gewijzigd voor de regiogeschiedenis"));
    }
}
