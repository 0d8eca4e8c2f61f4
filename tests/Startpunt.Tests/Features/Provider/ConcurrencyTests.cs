using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Provider;

/// <summary>
/// Two colleagues open the same form; both save. The second is told who changed what and when, keeps their own input,
/// and nothing is overwritten until they save again with the version they have now seen.
/// </summary>
public sealed class ConcurrencyTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private static string Value(IHtmlDocument doc, string name) => doc.QuerySelector($"[name='{name}']")!.GetAttribute("value") ?? "";

    private static async Task<IHtmlDocument> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields, HttpStatusCode expected)
    {
        var response = await client.PostFormAsync(url, fields, url.Split('?')[0]);
        Assert.Equal(expected, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_colleagues_editing_the_profile_the_second_gets_the_conflict_and_nothing_is_lost()
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var url = $"/aanbieder/{providerId}/profiel";
        var (anna, colleague) = (await app.SignedInAsync(DemoData.ProviderEmail), await app.SignedInAsync(DemoData.ProviderEmail));
        var annasForm = (await anna.GetDocumentAsync(url)).FormFields("form.narrow-form");
        var colleaguesForm = (await colleague.GetDocumentAsync(url)).FormFields("form.narrow-form");

        await PostAsync(colleague, url, colleaguesForm.With("Input.Phone", "0229 111111"), HttpStatusCode.Redirect);
        var doc = await PostAsync(anna, url, annasForm.With("Input.Website", "https://anna.example.nl"), HttpStatusCode.OK);

        Assert.Contains("Een collega was u voor", doc.Text("[role=alert]"));
        Assert.Contains("Anna Aanbieder", doc.Text("[role=alert]"));
        Assert.Contains("0229 111111", doc.Text("[role=alert]"));
        Assert.Equal("https://anna.example.nl", Value(doc, "Input.Website"));
        await using (var db = app.CreateDb())
        {
            var provider = await db.Providers.SingleAsync(p => p.Id == providerId);
            Assert.Equal("0229 111111", provider.Phone);
            Assert.NotEqual("https://anna.example.nl", provider.Website);
        }

        // Having seen it, Anna saves again: the form now carries the new version.
        await PostAsync(anna, url, doc.FormFields("form.narrow-form").With("Input.Phone", "0229 111111"), HttpStatusCode.Redirect);
        await using var after = app.CreateDb();
        var saved = await after.Providers.SingleAsync(p => p.Id == providerId);
        Assert.Equal(("0229 111111", "https://anna.example.nl"), (saved.Phone, saved.Website));
    }

    [Fact]
    public async Task Two_colleagues_editing_a_location_the_second_gets_the_conflict_and_nothing_is_lost()
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        await using var db = app.CreateDb();
        var location = await db.Locations.AsNoTracking().Where(l => l.ProviderId == providerId).OrderBy(l => l.Id).FirstAsync();
        var url = $"/aanbieder/{providerId}/locaties/{location.Id}";
        var (anna, colleague) = (await app.SignedInAsync(DemoData.ProviderEmail), await app.SignedInAsync(DemoData.ProviderEmail));
        var annasForm = (await anna.GetDocumentAsync(url)).FormFields("form.narrow-form");
        var colleaguesForm = (await colleague.GetDocumentAsync(url)).FormFields("form.narrow-form");

        await PostAsync(colleague, url, colleaguesForm.With("Input.Street", "Collegastraat"), HttpStatusCode.Redirect);
        var doc = await PostAsync(anna, url, annasForm.With("Input.Name", "Annas naam"), HttpStatusCode.OK);

        Assert.Contains("Een collega was u voor", doc.Text("[role=alert]"));
        Assert.Contains("Collegastraat", doc.Text("[role=alert]"));
        Assert.Equal("Annas naam", Value(doc, "Input.Name"));
        await using var after = app.CreateDb();
        var saved = await after.Locations.AsNoTracking().SingleAsync(l => l.Id == location.Id);
        Assert.Equal(("Collegastraat", location.Name), (saved.Street, saved.Name));
    }

    [Fact]
    public async Task Two_colleagues_editing_an_offers_target_groups_the_second_gets_the_conflict()
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var offer = await app.FirstOfferAsync(providerId, q => q.Where(o => o.LocationId != null && !o.Paused).Skip(1));
        var url = $"/aanbieder/{providerId}/aanbod/{offer.Id}";
        var (anna, colleague) = (await app.SignedInAsync(DemoData.ProviderEmail), await app.SignedInAsync(DemoData.ProviderEmail));
        var annasForm = (await anna.GetDocumentAsync(url)).FormFields("form.offer-form");
        var colleaguesForm = (await colleague.GetDocumentAsync(url)).FormFields("form.offer-form");

        await PostAsync(colleague, url, colleaguesForm.With("Input.TargetGroups", "lvb"), HttpStatusCode.Redirect);
        var doc = await PostAsync(anna, url, annasForm.With("Input.TargetGroups", "ouderen"), HttpStatusCode.OK);

        Assert.Contains("intussen gewijzigd", doc.Text("[role=alert]"));
        Assert.Contains("Doelgroepen", doc.Text("[role=alert]"));
        Assert.Equal(["lvb"], (await app.OfferAsync(offer.Id)).TargetGroups.Select(t => t.TargetGroupCode));
        Assert.Equal(["ouderen"], doc.QuerySelectorAll("input[name='Input.TargetGroups'][checked]").Select(e => e.GetAttribute("value")));

        // Having seen it, Anna saves again and her choice stands.
        await PostAsync(anna, url, doc.FormFields("form.offer-form"), HttpStatusCode.Redirect);
        Assert.Equal(["ouderen"], (await app.OfferAsync(offer.Id)).TargetGroups.Select(t => t.TargetGroupCode));
    }

    [Theory]
    [InlineData("Pause")]
    [InlineData("Remove")]
    public async Task Pausing_or_removing_an_offer_a_colleague_just_changed_names_the_change_and_does_nothing(string handler)
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var offer = await app.FirstOfferAsync(providerId, q => q.Where(o => o.LocationId != null && !o.Paused).Skip(handler == "Pause" ? 2 : 3));
        var url = $"/aanbieder/{providerId}/aanbod/{offer.Id}";
        var (anna, colleague) = (await app.SignedInAsync(DemoData.ProviderEmail), await app.SignedInAsync(DemoData.ProviderEmail));
        var annasPage = await anna.GetDocumentAsync(url);
        var annasForm = annasPage.FormFields($"form[action$='handler={handler}']").With("PauseReason", "vakantie").With("ConfirmRemove", "true");
        var colleaguesForm = (await colleague.GetDocumentAsync(url)).FormFields("form.offer-form");

        await PostAsync(colleague, url, colleaguesForm.With("Input.WaitingWeeks", (offer.Availability.WaitingWeeks + 3).ToString()), HttpStatusCode.Redirect);
        var response = await anna.PostFormAsync($"{url}?handler={handler}", annasForm, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains("intussen gewijzigd", doc.Text("[role=alert]"));
        Assert.Contains("Niets is opgeslagen", doc.Text("[role=alert]"));
        var after = await app.OfferAsync(offer.Id);
        Assert.Equal((false, null, offer.Availability.WaitingWeeks + 3), (after.Paused, after.RemovedAt, after.Availability.WaitingWeeks));

        // The page now shows the offer as it is, and acting again (on that version) works.
        response = await anna.PostFormAsync($"{url}?handler={handler}", doc.FormFields($"form[action$='handler={handler}']").With("PauseReason", "vakantie").With("ConfirmRemove", "true"), url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        after = await app.OfferAsync(offer.Id);
        Assert.True(handler == "Pause" ? after.Paused : after.RemovedAt is not null);
    }
}
