using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;

namespace Startpunt.Tests.Features.Provider;

/// <summary>The weekly update: one edit, confirm all, a colleague's concurrent edit, and bad input that changes nothing.</summary>
public sealed class WeeklyUpdateTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private async Task<(HttpClient Client, int ProviderId)> ProviderAsync()
    {
        var client = await app.SignedInAsync(DemoData.ProviderEmail);
        return (client, await app.OrganisationOfAsync(DemoData.ProviderEmail));
    }

    private static Dictionary<string, string> Row(int weeks, bool intake, int? places, int version) => new()
    {
        ["WaitingWeeks"] = weeks.ToString(), ["IntakeOpen"] = intake ? "true" : "false", ["FreePlaces"] = places?.ToString() ?? "", ["Version"] = version.ToString(),
    };

    [Fact]
    public async Task The_page_lists_all_twenty_offers_with_overdue_ones_first()
    {
        var (client, providerId) = await ProviderAsync();
        await using (var db = app.CreateDb())
        {
            // Whatever other tests confirmed: one offer last confirmed ten days ago.
            var stale = await db.Offers.Where(o => o.ProviderId == providerId).OrderByDescending(o => o.Id).FirstAsync();
            stale.Availability.ConfirmedAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-10);
            await db.SaveChangesAsync();
        }
        var doc = await client.GetDocumentAsync($"/aanbieder/{providerId}/wachttijden");
        var rows = doc.QuerySelectorAll("tr.update-row").ToList();
        Assert.Equal(20, rows.Count);
        var overdue = rows.Select(r => r.ClassList.Contains("update-row--overdue")).ToList();
        Assert.Equal(overdue.OrderByDescending(o => o), overdue);
        Assert.Contains(overdue, o => o);
    }

    [Fact]
    public async Task Saving_one_row_changes_that_offer_confirms_it_and_writes_its_history()
    {
        var (client, providerId) = await ProviderAsync();
        var offer = await app.FirstOfferAsync(providerId, q => q.Where(o => o.Availability.WaitingWeeks != 9));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await client.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            Row(9, true, 4, offer.Version), tokenPage: $"/aanbieder/{providerId}/wachttijden");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await app.OfferAsync(offer.Id);
        Assert.Equal((9, true, (int?)4), (after.Availability.WaitingWeeks, after.Availability.IntakeOpen, after.Availability.FreePlaces));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, after.Availability.ConfirmedAt);
        Assert.Equal("Anna Aanbieder", after.Availability.ConfirmedBy);
        Assert.Equal(offer.Version + 1, after.Version);

        var entry = (await app.HistoryAsync(offer.Id)).Last();
        Assert.Equal((AuditActions.Updated, "Anna Aanbieder"), (entry.Action, entry.UserName));
        var changes = Startpunt.Web.Features.History.HistoryWords.Changes(entry);
        Assert.Contains(changes, c => c.Field == "WaitingWeeks" && c.Old == offer.Availability.WaitingWeeks.ToString() && c.New == "9");
        Assert.Contains(changes, c => c.Field == "ConfirmedAt");
    }

    [Fact]
    public async Task An_htmx_row_save_returns_only_the_row()
    {
        var (client, providerId) = await ProviderAsync();
        var offer = await app.FirstOfferAsync(providerId, q => q.Skip(1));
        var response = await client.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            Row(3, true, null, offer.Version), tokenPage: $"/aanbieder/{providerId}/wachttijden", configure: r => r.Headers.Add("HX-Request", "true"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<tr", body.Trim());
        Assert.Contains("update-row--saved", body);
        Assert.DoesNotContain("<html", body);
    }

    [Fact]
    public async Task Confirm_all_confirms_every_offer_in_one_action_with_one_history_entry_each()
    {
        var (client, providerId) = await ProviderAsync();
        var doc = await client.GetDocumentAsync($"/aanbieder/{providerId}/wachttijden");
        var versions = doc.QuerySelectorAll("input[form=confirm-all]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        Assert.Equal(20, versions.Count);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await client.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=ConfirmAll", versions, tokenPage: $"/aanbieder/{providerId}/wachttijden");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = app.CreateDb();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var offers = await db.Offers.Where(o => o.ProviderId == providerId).ToListAsync();
        var skipped = offers.Count(o => o.Availability.ConfirmedAt != now);
        Assert.True(skipped == 0, $"{skipped} offers were not confirmed");
        var entries = await db.AuditEntries.Where(a => a.ProviderId == providerId && a.At == now && a.Action == AuditActions.Confirmed).CountAsync();
        Assert.Equal(20, entries);

        var page = await client.GetDocumentAsync($"/aanbieder/{providerId}/wachttijden");
        Assert.Contains("20 aanbiedingen bevestigd", page.Text("[role=status]"));
        Assert.Empty(page.QuerySelectorAll("tr.update-row--overdue"));
    }

    [Fact]
    public async Task A_colleagues_later_save_is_not_overwritten_silently()
    {
        var (anna, providerId) = await ProviderAsync();
        var offer = await app.FirstOfferAsync(providerId, q => q.Skip(2));
        var seenVersion = offer.Version;

        // A colleague saves first.
        var colleague = await app.SignedInAsync(DemoData.ProviderEmail);
        var first = await colleague.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            Row(11, true, null, seenVersion), tokenPage: $"/aanbieder/{providerId}/wachttijden");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // Anna's form still carries the old version: she is shown the conflict, and nothing of hers is saved.
        var second = await anna.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            Row(2, true, null, seenVersion), tokenPage: $"/aanbieder/{providerId}/wachttijden");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var doc = Html.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains("Een collega was u voor", doc.Text($"#offer-{offer.Id} [role=alert]"));
        Assert.Contains("wachttijd 11 weken", doc.Text($"#offer-{offer.Id} [role=alert]"));
        Assert.Equal("2", doc.QuerySelector($"#weeks-{offer.Id}")!.GetAttribute("value"));
        Assert.Equal(11, (await app.OfferAsync(offer.Id)).Availability.WaitingWeeks);

        // She decides to keep her own value: the row now carries the version she has seen.
        var newVersion = doc.QuerySelector($"#row-{offer.Id} input[name=Version]")!.GetAttribute("value")!;
        var third = await anna.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            Row(2, true, null, int.Parse(newVersion)), tokenPage: $"/aanbieder/{providerId}/wachttijden");
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Equal(2, (await app.OfferAsync(offer.Id)).Availability.WaitingWeeks);
    }

    [Fact]
    public async Task Confirm_all_leaves_an_offer_a_colleague_changed_meanwhile_for_review()
    {
        var (client, providerId) = await ProviderAsync();
        var doc = await client.GetDocumentAsync($"/aanbieder/{providerId}/wachttijden");
        var versions = doc.QuerySelectorAll("input[form=confirm-all]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        var changedId = int.Parse(versions.Keys.Last()[2..]);
        var changed = await app.OfferAsync(changedId);
        var colleague = await app.SignedInAsync(DemoData.ProviderEmail);
        await colleague.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={changedId}",
            Row(changed.Availability.WaitingWeeks + 1, true, null, changed.Version), tokenPage: $"/aanbieder/{providerId}/wachttijden");
        var colleagueConfirmed = (await app.OfferAsync(changedId)).Availability.ConfirmedAt;

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await client.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=ConfirmAll", versions, tokenPage: $"/aanbieder/{providerId}/wachttijden");
        var page = await client.GetDocumentAsync($"/aanbieder/{providerId}/wachttijden");
        Assert.Contains("1 aanbod is intussen door een collega gewijzigd", page.Text("[role=status]"));
        Assert.Equal(colleagueConfirmed, (await app.OfferAsync(changedId)).Availability.ConfirmedAt);
    }

    [Theory]
    [InlineData("-3", "", "WaitingWeeks")]
    [InlineData("105", "", "WaitingWeeks")]
    [InlineData("abc", "", "WaitingWeeks")]
    [InlineData("", "", "WaitingWeeks")]
    [InlineData("4", "-1", "FreePlaces")]
    [InlineData("4", "10000", "FreePlaces")]
    public async Task An_impossible_value_gets_a_message_next_to_its_input_and_changes_nothing(string weeks, string places, string field)
    {
        var (client, providerId) = await ProviderAsync();
        var offer = await app.FirstOfferAsync(providerId, q => q.Skip(3));
        var historyBefore = (await app.HistoryAsync(offer.Id)).Count;
        var response = await client.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            new() { ["WaitingWeeks"] = weeks, ["IntakeOpen"] = "true", ["FreePlaces"] = places, ["Version"] = offer.Version.ToString() },
            tokenPage: $"/aanbieder/{providerId}/wachttijden");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());
        var id = field == "WaitingWeeks" ? $"weeks-{offer.Id}" : $"places-{offer.Id}";
        Assert.NotEmpty(doc.Text($"#{id}-error")!);
        Assert.Equal("true", doc.QuerySelector($"#{id}")!.GetAttribute("aria-invalid"));
        var after = await app.OfferAsync(offer.Id);
        Assert.Equal((offer.Version, offer.Availability.WaitingWeeks, offer.Availability.ConfirmedAt), (after.Version, after.Availability.WaitingWeeks, after.Availability.ConfirmedAt));
        Assert.Equal(historyBefore, (await app.HistoryAsync(offer.Id)).Count);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (client, providerId) = await ProviderAsync();
        var offer = await app.FirstOfferAsync(providerId, q => q.Skip(4));
        var response = await client.PostAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            new FormUrlEncodedContent(Row(50, false, null, offer.Version)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(offer.Version, (await app.OfferAsync(offer.Id)).Version);
    }

    [Fact]
    public async Task A_forged_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (client, providerId) = await ProviderAsync();
        var offer = await app.FirstOfferAsync(providerId, q => q.Skip(4));
        var fields = Row(50, false, null, offer.Version);
        fields["__RequestVerificationToken"] = "CfDJ8forged";
        var response = await client.PostAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(offer.Version, (await app.OfferAsync(offer.Id)).Version);
    }
}
