using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Features.OpenData;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;

namespace Startpunt.Tests.Features.Provider;

/// <summary>
/// A location's phone, opening hours and accessibility: edited on the location form (checked, versioned, in the
/// history), shown to residents on the offer page and published in the HSDS API.
/// </summary>
public sealed class LocationDetailsTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private async Task<(HttpClient Client, int ProviderId, Location Location)> FormAsync()
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        await using var db = app.CreateDb();
        // The location of an offer that residents can open.
        var location = await db.Offers.AsNoTracking().Where(o => o.ProviderId == providerId && o.LocationId != null && !o.Paused)
            .OrderBy(o => o.Id).Select(o => o.Location!).FirstAsync();
        return (await app.SignedInAsync(DemoData.ProviderEmail), providerId, location);
    }

    private static List<KeyValuePair<string, string>> Hours(List<KeyValuePair<string, string>> fields, int day, string kind, string opens, string closes) =>
        fields.With($"Input.Hours[{day}].Kind", kind).With($"Input.Hours[{day}].Opens", opens).With($"Input.Hours[{day}].Closes", closes);

    private static List<KeyValuePair<string, string>> AllClosed(List<KeyValuePair<string, string>> fields)
    {
        for (var day = 0; day < 7; day++) fields = Hours(fields, day, "", "", "");
        return fields;
    }

    [Fact]
    public async Task Saving_phone_hours_and_accessibility_stores_them_writes_one_history_entry_and_shows_them_to_residents()
    {
        var (anna, providerId, location) = await FormAsync();
        var url = $"/aanbieder/{providerId}/locaties/{location.Id}";
        var fields = AllClosed((await anna.GetDocumentAsync(url)).FormFields("form.narrow-form"))
            .With("Input.Phone", "0229 123 456")
            .With("Input.Accessibility", "hearing-loop", "wheelchair");
        fields = Hours(fields, 0, "open", "09:00", "17:00");
        fields = Hours(fields, 2, "afspraak", "", "");

        var response = await anna.PostFormAsync(url, fields, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDb();
        var saved = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == location.Id);
        Assert.Equal(("0229 123 456", "wheelchair,hearing-loop", "MO 09:00-17:00;WE afspraak"), (saved.Phone, saved.Accessibility, saved.OpeningHours));
        Assert.Equal(location.Version + 1, saved.Version);
        var entry = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Location" && a.EntityId == location.Id).OrderBy(a => a.Id).LastAsync();
        var changes = Startpunt.Web.Features.History.HistoryWords.Changes(entry).Select(c => c.Field).ToList();
        Assert.Contains("Phone", changes);
        Assert.Contains("Accessibility", changes);
        Assert.Contains("OpeningHours", changes);

        var history = await anna.GetDocumentAsync($"/aanbieder/{providerId}/geschiedenis");
        Assert.Contains("maandag 09:00 tot 17:00 uur, woensdag alleen op afspraak", history.Body!.TextContent);
        Assert.Contains("Toegankelijk met een rolstoel", history.Body!.TextContent);

        var offerId = await db.Offers.Where(o => o.LocationId == location.Id && !o.Paused).Select(o => o.Id).FirstAsync();
        var page = await app.CreateClient().GetDocumentAsync($"/aanbod/{offerId}");
        Assert.Equal("0229 123 456", page.QuerySelector(".location-details a[href='tel:0229123456']")?.TextContent);
        var hours = page.QuerySelectorAll(".location-details__hours li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["maandag 09:00 tot 17:00 uur", "woensdag alleen op afspraak"], hours);
        Assert.Equal(["Toegankelijk met een rolstoel", "Ringleiding voor mensen met een hoortoestel"],
            page.QuerySelectorAll(".location-details__access li").Select(li => li.TextContent.Trim()).ToList());
    }

    [Theory]
    [InlineData(1, "open", "17:00", "09:00", "Input.Hours[1].Closes", "na de openingstijd")]
    [InlineData(1, "open", "17:00", "17:00", "Input.Hours[1].Closes", "na de openingstijd")]
    [InlineData(3, "open", "9 uur", "17:00", "Input.Hours[3].Opens", "uu:mm")]
    [InlineData(3, "open", "09:00", "", "Input.Hours[3].Closes", "uu:mm")]
    [InlineData(4, "open", "25:00", "26:00", "Input.Hours[4].Opens", "uu:mm")]
    [InlineData(5, "", "09:00", "12:00", "Input.Hours[5].Kind", "Kies dan 'Open op vaste tijden'")]
    [InlineData(6, "afspraak", "10:00", "", "Input.Hours[6].Kind", "Kies dan 'Open op vaste tijden'")]
    [InlineData(0, "altijd", "", "", "Input.Hours[0].Kind", "Kies gesloten, open of op afspraak")]
    public async Task Wrong_opening_hours_get_a_message_next_to_the_field_and_change_nothing(int day, string kind, string opens, string closes, string field, string message)
    {
        var (anna, providerId, location) = await FormAsync();
        var url = $"/aanbieder/{providerId}/locaties/{location.Id}";
        var fields = Hours(AllClosed((await anna.GetDocumentAsync(url)).FormFields("form.narrow-form")), day, kind, opens, closes);

        var response = await anna.PostFormAsync(url, fields, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());
        var id = field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
        Assert.Contains(message, doc.Text($"#{id}-error"));
        Assert.Equal("true", doc.QuerySelector($"#{id}")?.GetAttribute("aria-invalid"));
        await using var db = app.CreateDb();
        var saved = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == location.Id);
        Assert.Equal(location.Version, saved.Version);
    }

    [Theory]
    [InlineData("Input.Accessibility", "trampoline", "Kies alleen uit de lijst")]
    [InlineData("Input.Phone", "bel mij", "telefoonnummer")]
    public async Task A_forged_accessibility_code_or_a_wrong_phone_is_refused_with_a_message(string name, string value, string message)
    {
        var (anna, providerId, location) = await FormAsync();
        var url = $"/aanbieder/{providerId}/locaties/{location.Id}";
        var fields = (await anna.GetDocumentAsync(url)).FormFields("form.narrow-form").With(name, value);

        var response = await anna.PostFormAsync(url, fields, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, doc.Text($"#{name.Replace('.', '_')}-error"));
        await using var db = app.CreateDb();
        Assert.Equal(location.Version, (await db.Locations.AsNoTracking().SingleAsync(l => l.Id == location.Id)).Version);
    }

    [Fact]
    public async Task The_form_shows_what_is_stored()
    {
        var (anna, providerId, location) = await FormAsync();
        await using (var db = app.CreateDb())
        {
            var l = await db.Locations.SingleAsync(x => x.Id == location.Id);
            (l.Phone, l.Accessibility, l.OpeningHours) = ("020 555 0000", "lift", "TU 08:30-12:00;SA afspraak");
            await db.SaveChangesAsync();
        }
        IHtmlDocument doc = await anna.GetDocumentAsync($"/aanbieder/{providerId}/locaties/{location.Id}");
        var fields = doc.FormFields("form.narrow-form");
        string Field(string name) => fields.Single(f => f.Key == name).Value;
        Assert.Equal("020 555 0000", Field("Input.Phone"));
        Assert.Equal("lift", Field("Input.Accessibility"));
        Assert.Equal(("open", "08:30", "12:00"), (Field("Input.Hours[1].Kind"), Field("Input.Hours[1].Opens"), Field("Input.Hours[1].Closes")));
        Assert.Equal("afspraak", Field("Input.Hours[5].Kind"));
        Assert.Equal("", Field("Input.Hours[0].Kind"));
    }

    [Fact]
    public async Task The_HSDS_location_carries_its_phone_schedules_and_accessibility()
    {
        var (_, _, location) = await FormAsync();
        await using (var db = app.CreateDb())
        {
            var l = await db.Locations.SingleAsync(x => x.Id == location.Id);
            (l.Phone, l.Accessibility, l.OpeningHours) = ("0229 700 700", "wheelchair,public-transport", "MO 09:00-17:00;TU 09:00-17:00;FR 10:00-12:00;SA afspraak");
            await db.SaveChangesAsync();
        }

        var json = await app.CreateClient().GetJsonAsync($"/api/hsds/locations/{location.PublicId}");

        Assert.Equal("0229 700 700", (string)json["phones"]![0]!["number"]!);
        Assert.Equal(location.PublicId.ToString(), (string)json["phones"]![0]!["location_id"]!);
        var schedules = json["schedules"]!.AsArray().Select(s => ((string?)s!["byday"], (string?)s["opens_at"], (string?)s["closes_at"])).ToList();
        Assert.Equal([("MO,TU", "09:00", "17:00"), ("FR", "10:00", "12:00"), ("SA", null, null)], schedules);
        Assert.Equal("Alleen op afspraak.", (string)json["schedules"]![2]!["description"]!);
        Assert.Equal(["Toegankelijk met een rolstoel", "Bereikbaar met bus, tram of trein"],
            json["accessibility"]!.AsArray().Select(a => (string)a!["description"]!).ToList());
        Assert.Equal("Bereikbaar met bus, tram of trein.", (string)json["transportation"]!);
    }
}
