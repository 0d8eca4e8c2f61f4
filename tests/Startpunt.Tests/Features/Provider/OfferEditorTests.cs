using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Provider;

/// <summary>Creating, changing, pausing and removing offers: only contracted products, with history, and visible in search.</summary>
public sealed class OfferEditorTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private async Task<(HttpClient Client, int ProviderId, Product Product, int LocationId)> ProviderWithContractAsync(Delivery delivery)
    {
        var client = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        await using var db = app.CreateDb();
        var product = await db.Contracts.Where(c => c.ProviderId == providerId && c.Product!.Delivery == delivery).Select(c => c.Product!).FirstAsync();
        var location = await db.Locations.Where(l => l.ProviderId == providerId).MinAsync(l => l.Id);
        return (client, providerId, product, location);
    }

    private static List<KeyValuePair<string, string>> Form(int productId, int? locationId, int weeks = 2, params (string, string)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.ProductId", productId.ToString()), new("Input.WaitingWeeks", weeks.ToString()), new("Input.IntakeOpen", "true"),
            new("Input.TargetGroups", "lvb"), new("Input.TargetGroups", "ouderen"), new("Input.Languages", "nl"), new("Input.Languages", "tr"),
            new("Input.Description", "Wij bieden een rustige plek met **vaste begeleiders** voor kantklossen. <script>alert(1)</script>"),
            new("Input.Days", "Monday"), new("Input.Days", "Thursday"), new("Input.Transport", "WithWheelchair"), new("Input.Version", "0"),
        };
        if (locationId is not null) fields.Add(new("Input.LocationId", locationId.ToString()!));
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2)));
        return fields;
    }

    [Fact]
    public async Task A_new_offer_is_saved_with_its_history_and_found_by_the_public_search()
    {
        var (client, providerId, product, locationId) = await ProviderWithContractAsync(Delivery.Location);
        var response = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/nieuw", Form(product.Id, locationId), $"/aanbieder/{providerId}/aanbod/nieuw");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var offerId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());

        var offer = await app.OfferAsync(offerId);
        Assert.Equal((product.Id, locationId, 2, Transport.WithWheelchair), (offer.ProductId, offer.LocationId, offer.Availability.WaitingWeeks, offer.Transport));
        Assert.Equal(Weekdays.Monday | Weekdays.Thursday, offer.Days);
        Assert.Equal(["lvb", "ouderen"], offer.TargetGroups.Select(t => t.TargetGroupCode).Order());
        Assert.Equal(AuditActions.Created, (await app.HistoryAsync(offerId)).Single().Action);

        var search = await app.CreateClient().GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50&q=kantklossen");
        Assert.Contains(offerId, search.OfferIds());
        var page = await app.CreateClient().GetStringAsync($"/aanbod/{offerId}");
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
    }

    [Fact]
    public async Task Only_products_under_a_contract_can_be_offered()
    {
        var (client, providerId, _, locationId) = await ProviderWithContractAsync(Delivery.Location);
        await using var db = app.CreateDb();
        var contracted = await db.Contracts.Where(c => c.ProviderId == providerId).Select(c => c.ProductId).ToListAsync();
        var notContracted = await db.Products.Where(p => p.RegionId == "westfriesland" && !contracted.Contains(p.Id) && p.Kind != ProductKind.Vervoer).Select(p => p.Id).FirstAsync();
        var otherRegion = await db.Products.Where(p => p.RegionId == "meierij").Select(p => p.Id).FirstAsync();
        var offersBefore = await db.Offers.CountAsync(o => o.ProviderId == providerId);
        foreach (var productId in new[] { notContracted, otherRegion })
        {
            var response = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/nieuw", Form(productId, locationId), $"/aanbieder/{providerId}/aanbod/nieuw");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var doc = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("geen contract", doc.Text("#Input_ProductId-error"));
        }
        Assert.Equal(offersBefore, await db.Offers.CountAsync(o => o.ProviderId == providerId));
    }

    [Fact]
    public async Task Help_at_home_needs_municipalities_under_the_contract()
    {
        var (client, providerId, product, _) = await ProviderWithContractAsync(Delivery.Home);
        var response = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/nieuw",
            Form(product.Id, null, 2, ("Input.ServiceArea", "GM0363")), $"/aanbieder/{providerId}/aanbod/nieuw"); // Amsterdam
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("geen contract", doc.Text("#Input_ServiceArea-error"));

        await using var db = app.CreateDb();
        var covered = await db.Contracts.Where(c => c.ProviderId == providerId && c.ProductId == product.Id).SelectMany(c => c.Municipalities).Select(m => m.MunicipalityCode).FirstAsync();
        var ok = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/nieuw", Form(product.Id, null, 1, ("Input.ServiceArea", covered)), $"/aanbieder/{providerId}/aanbod/nieuw");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Fact]
    public async Task Bad_input_in_the_offer_form_gets_messages_next_to_the_fields_and_saves_nothing()
    {
        var (client, providerId, product, locationId) = await ProviderWithContractAsync(Delivery.Location);
        await using var db = app.CreateDb();
        var before = await db.Offers.CountAsync(o => o.ProviderId == providerId);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.ProductId", product.Id.ToString()), new("Input.WaitingWeeks", "999"), new("Input.FreePlaces", "-2"),
            new("Input.Description", new string('x', 2001)), new("Input.TargetGroups", "bestaat-niet"), new("Input.Languages", "nl"),
            new("Input.LocationId", "999999"), new("Input.Transport", "None"),
        };
        var response = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/nieuw", fields, $"/aanbieder/{providerId}/aanbod/nieuw");
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("0 tot en met 104", doc.Text("#Input_WaitingWeeks-error"));
        Assert.Contains("9999", doc.Text("#Input_FreePlaces-error"));
        Assert.Contains("2000", doc.Text("#Input_Description-error"));
        Assert.NotNull(doc.Text("#Input_TargetGroups-error"));
        Assert.NotNull(doc.Text("#Input_LocationId-error"));
        Assert.Equal(before, await db.Offers.CountAsync(o => o.ProviderId == providerId));
    }

    [Fact]
    public async Task Pausing_hides_an_offer_from_the_public_and_resuming_shows_it_again()
    {
        var (client, providerId, _, _) = await ProviderWithContractAsync(Delivery.Location);
        var offer = await app.FirstOfferAsync(providerId, q => q.Where(o => !o.Paused));
        // The forms carry the version the page showed, as a browser posts them.
        var version = (await app.OfferAsync(offer.Id)).Version.ToString();
        var empty = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}?handler=Pause", new() { ["PauseReason"] = "", ["Version"] = version }, $"/aanbieder/{providerId}/aanbod/{offer.Id}");
        Assert.Contains("waarom", Html.Parse(await empty.Content.ReadAsStringAsync()).Text("#PauseReason-error"));

        var paused = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}?handler=Pause", new() { ["PauseReason"] = "Tijdelijk te weinig personeel", ["Version"] = version }, $"/aanbieder/{providerId}/aanbod/{offer.Id}");
        Assert.True(paused.StatusCode == HttpStatusCode.Redirect, Html.Parse(await paused.Content.ReadAsStringAsync()).Text("[role=alert]"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/aanbod/{offer.Id}")).StatusCode);
        Assert.Equal(AuditActions.Paused, (await app.HistoryAsync(offer.Id)).Last().Action);

        var resumed = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}?handler=Resume", new() { ["Version"] = (await app.OfferAsync(offer.Id)).Version.ToString() }, $"/aanbieder/{providerId}/aanbod/{offer.Id}");
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/aanbod/{offer.Id}")).StatusCode);
        Assert.Equal(AuditActions.Resumed, (await app.HistoryAsync(offer.Id)).Last().Action);
    }

    [Fact]
    public async Task Removing_needs_a_confirmation_and_keeps_the_history_readable()
    {
        var (client, providerId, _, _) = await ProviderWithContractAsync(Delivery.Location);
        var offer = await app.FirstOfferAsync(providerId, q => q.OrderByDescending(o => o.Id));
        var unconfirmed = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}?handler=Remove", new(), $"/aanbieder/{providerId}/aanbod/{offer.Id}");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Null((await app.OfferAsync(offer.Id)).RemovedAt);

        var removed = await client.PostFormAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}?handler=Remove", new() { ["ConfirmRemove"] = "true", ["Version"] = (await app.OfferAsync(offer.Id)).Version.ToString() }, $"/aanbieder/{providerId}/aanbod/{offer.Id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotNull((await app.OfferAsync(offer.Id)).RemovedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/aanbod/{offer.Id}")).StatusCode);
        var history = await client.GetDocumentAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}/geschiedenis");
        Assert.Contains("verwijderd", history.Text(".history-list"));
    }

    [Fact]
    public async Task Editing_with_a_stale_form_shows_what_the_colleague_changed_and_keeps_their_data()
    {
        var (anna, providerId, _, _) = await ProviderWithContractAsync(Delivery.Location);
        var offer = await app.FirstOfferAsync(providerId, q => q.Where(o => o.LocationId != null && !o.Paused));
        var page = await anna.GetDocumentAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}");
        var form = page.QuerySelectorAll("form.offer-form input, form.offer-form select, form.offer-form textarea")
            .Where(e => e.GetAttribute("name") is { } n && n.StartsWith("Input.") && (e.GetAttribute("type") != "checkbox" || e.HasAttribute("checked")))
            .Where(e => !(e.GetAttribute("type") == "hidden" && e.GetAttribute("name") == "Input.IntakeOpen"))
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!,
                e.TagName == "SELECT" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : e.TagName == "TEXTAREA" ? e.TextContent : e.GetAttribute("value") ?? ""))
            .ToList();

        var colleague = await app.SignedInAsync(DemoData.ProviderEmail);
        await colleague.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            new() { ["WaitingWeeks"] = "17", ["IntakeOpen"] = "true", ["Version"] = offer.Version.ToString() }, $"/aanbieder/{providerId}/wachttijden");

        var stale = form.Select(kv => kv.Key == "Input.Description" ? new KeyValuePair<string, string>(kv.Key, "Mijn nieuwe tekst") : kv).ToList();
        var response = await anna.PostFormAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}", stale, $"/aanbieder/{providerId}/aanbod/{offer.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("intussen gewijzigd", doc.Text("[role=alert]"));
        Assert.Contains("17", doc.Text("[role=alert]"));
        var after = await app.OfferAsync(offer.Id);
        Assert.Equal(17, after.Availability.WaitingWeeks);
        Assert.NotEqual("Mijn nieuwe tekst", after.Description);
    }
}
