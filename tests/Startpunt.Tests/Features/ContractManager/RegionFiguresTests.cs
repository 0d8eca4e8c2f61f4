using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.ContractManager;

/// <summary>Freshness, trends, coverage and the report, computed from a known set of offers and a known history.</summary>
public sealed class RegionFiguresTests(BareFactory app) : IClassFixture<BareFactory>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private async Task<HttpClient> ManagerAsync()
    {
        const string email = "cm@westfriesland.example";
        await using (var db = app.CreateDb())
            if (!await db.Users.AnyAsync(u => u.Email == email)) await app.CreateUserAsync(email, Roles.ContractManager, "westfriesland");
        return await app.SignedInAsync(email, BareFactory.Password);
    }

    [Fact]
    public async Task Freshness_counts_offers_confirmed_within_seven_days_per_provider_and_for_the_region()
    {
        // Provider A: 3 of 4 confirmed this week; provider B: 0 of 2 (one 10 days ago, one 20 days ago: unknown).
        for (var i = 0; i < 3; i++) await app.CreateOfferAsync("Fris A", "dagbesteding-a", 1621, 2, Now.AddDays(-i));
        await app.CreateOfferAsync("Fris A", "dagbesteding-a", 1621, 2, Now.AddDays(-8));
        await app.CreateOfferAsync("Oud B", "dagbesteding-b", 1601, 5, Now.AddDays(-10));
        await app.CreateOfferAsync("Oud B", "dagbesteding-b", 1601, 5, Now.AddDays(-20));

        var client = await ManagerAsync();
        var doc = await client.GetDocumentAsync("/regio");
        string Cell(string provider, string testid) => doc.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Contains(provider)).QuerySelector($"[data-testid={testid}]")!.TextContent.Trim();
        Assert.Equal("75%", Cell("Fris A", "share"));
        Assert.Equal("1", Cell("Fris A", "overdue"));
        Assert.Equal("0%", Cell("Oud B", "share"));
        Assert.Equal("2", Cell("Oud B", "overdue"));
        await using var db = app.CreateDb();
        var offers = await db.Offers.Where(o => o.RegionId == "westfriesland").ToListAsync();
        var expected = (double)offers.Count(o => o.Availability.ConfirmedAt >= Now.AddDays(-7)) / offers.Count;
        Assert.Equal(expected.ToString("P0", new System.Globalization.CultureInfo("nl-NL")), doc.Text("[data-testid=region-share]"));
        Assert.Equal(offers.Count(o => o.Availability.ConfirmedAt < Now.AddDays(-14)).ToString(), doc.Text("[data-testid=region-unknown]"));
    }

    [Fact]
    public async Task Remind_now_sends_the_provider_a_mail_and_shows_when()
    {
        var offer = await app.CreateOfferAsync("Herinner C", "dagbesteding-a", 1621, 2, Now.AddDays(-9));
        var client = await ManagerAsync();
        var response = await client.PostFormAsync($"/regio?handler=Remind&providerId={offer.ProviderId}&regio=westfriesland", new(), tokenPage: "/regio");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(Mailbox.Read(app.MailDirectory), m => m.Contains("herinnerc@example.org") && m.Contains("/aanbieder/"));
        await using var db = app.CreateDb();
        Assert.Equal("cm", (await db.Reminders.SingleAsync(r => r.ProviderId == offer.ProviderId)).SentBy);
        var after = await client.GetDocumentAsync("/regio");
        Assert.Equal("De herinnering aan Herinner C is verstuurd naar herinnerc@example.org.", after.Text("main [role=status]"));
        // Once a day: the button gives way to "vandaag herinnerd", and pressing it anyway sends nothing.
        var row = after.QuerySelectorAll("tbody tr").Single(tr => tr.GetAttribute("data-provider") == offer.ProviderId.ToString());
        Assert.Null(row.QuerySelector("button"));
        Assert.Contains("vandaag herinnerd", row.TextContent);
        await client.PostFormAsync($"/regio?handler=Remind&providerId={offer.ProviderId}&regio=westfriesland", new(), tokenPage: "/regio");
        Assert.Contains("U kunt één keer per dag herinneren", (await client.GetDocumentAsync("/regio")).Text("main [role=status]"));
        Assert.Equal(1, await db.Reminders.CountAsync(r => r.ProviderId == offer.ProviderId));
    }

    [Fact]
    public async Task Remind_all_late_providers_sends_one_mail_each_names_them_and_skips_those_reminded_today()
    {
        var late1 = await app.CreateOfferAsync("Alle Een", "dagbesteding-a", 1621, 2, Now.AddDays(-9));
        var late2 = await app.CreateOfferAsync("Alle Twee", "dagbesteding-b", 1621, 2, Now.AddDays(-12));
        await app.CreateOfferAsync("Alle Twee", "dagbesteding-a", 1621, 2, Now.AddDays(-30));
        var client = await ManagerAsync();
        var response = await client.PostFormAsync("/regio?handler=RemindAll&regio=westfriesland", new(), tokenPage: "/regio");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var status = (await client.GetDocumentAsync("/regio")).Text("main [role=status]")!;
        Assert.Contains("Alle Een (alleeen@example.org)", status);
        Assert.Contains("Alle Twee (alletwee@example.org)", status);
        await using var db = app.CreateDb();
        Assert.Equal(1, await db.Reminders.CountAsync(r => r.ProviderId == late1.ProviderId));
        Assert.Equal(1, await db.Reminders.CountAsync(r => r.ProviderId == late2.ProviderId));

        await client.PostFormAsync("/regio?handler=RemindAll&regio=westfriesland", new(), tokenPage: "/regio");
        Assert.Equal(1, await db.Reminders.CountAsync(r => r.ProviderId == late2.ProviderId));

        // The provider's name leads to its late offers and to whom a reminder goes.
        var late = await client.GetDocumentAsync($"/regio/aanbieders/{late2.ProviderId}/te-laat?regio=westfriesland");
        Assert.Equal(2, late.QuerySelectorAll(".late-offers li").Length);
        Assert.Contains("alletwee@example.org", late.Body!.TextContent);
    }

    [Fact]
    public async Task Trends_give_the_median_and_middle_half_of_waiting_weeks_from_the_history()
    {
        // Three Kortdurend verblijf offers whose waiting weeks changed at known moments.
        var offers = new List<Offer>();
        foreach (var weeks in new[] { 2, 4, 6 }) offers.Add(await app.CreateOfferAsync($"Trend {weeks}", "kortdurend-verblijf", 1621, weeks, Now.AddHours(-1)));
        await using (var db = app.CreateDb())
        {
            foreach (var (offer, before) in offers.Zip(new[] { 10, 12, 14 }))
            {
                db.AuditEntries.Add(Entry(offer, Now.AddDays(-30), null, before));
                db.AuditEntries.Add(Entry(offer, Now.AddDays(-3), before, offer.Availability.WaitingWeeks));
            }
            await db.SaveChangesAsync();
            var productId = await db.Products.Where(p => p.RegionId == "westfriesland" && p.Code == "kortdurend-verblijf").Select(p => p.Id).SingleAsync();
            var client = await ManagerAsync();
            var doc = await client.GetDocumentAsync($"/regio/trends?product={productId}&weken=4");
            var rows = doc.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
            Assert.Equal(4, rows.Count);
            Assert.Equal(["3", "11", "12", "13"], rows[^2]); // a week ago: 10, 12, 14
            Assert.Equal(["3", "3", "4", "5"], rows[^1]);   // now: 2, 4, 6
            Assert.Contains("Mediaan nu 4 weken", doc.QuerySelector("svg title")!.TextContent);
        }
    }

    private static AuditEntry Entry(Offer offer, DateTime at, int? from, int to) => new()
    {
        EntityType = "Offer", EntityId = offer.Id, ProviderId = offer.ProviderId, Action = from is null ? AuditActions.Created : AuditActions.Updated,
        At = at, UserName = "test", Changes = JsonSerializer.Serialize(new[] { new FieldChange("WaitingWeeks", from?.ToString(), to.ToString()) }),
    };

    [Fact]
    public async Task Coverage_lists_the_postcode_areas_with_nothing_open_nearby()
    {
        await app.CreateOfferAsync("Dekking D", "hht", 1621, 1, Now.AddDays(-1)); // help at home covering Hoorn only
        var client = await ManagerAsync();
        await using var db = app.CreateDb();
        var productId = await db.Products.Where(p => p.RegionId == "westfriesland" && p.Code == "hht").Select(p => p.Id).SingleAsync();
        var doc = await client.GetDocumentAsync($"/regio/dekking?product={productId}");
        var gaps = doc.QuerySelectorAll(".coverage-table tbody th").Select(th => int.Parse(th.TextContent)).ToList();
        var hoorn = await db.PostcodeAreas.Where(p => p.MunicipalityCode == "GM0405").Select(p => p.Pc4).ToListAsync();
        var region = await db.PostcodeAreas.Where(p => db.Municipalities.Any(m => m.Code == p.MunicipalityCode && m.RegionId == "westfriesland")).Select(p => p.Pc4).ToListAsync();
        Assert.Equal(region.Except(hoorn).Order(), gaps.Order());
        var areas = JsonDocument.Parse(doc.QuerySelector("#dekking-kaart")!.GetAttribute("data-areas")!).RootElement.EnumerateArray().ToList();
        Assert.Equal(region.Count, areas.Count);
    }

    [Fact]
    public async Task Coverage_by_distance_counts_only_open_and_confirmed_offers()
    {
        // Dagbesteding B: open and confirmed in Enkhuizen (1601); in Hoorn (1621, 16.6 km away) only with intake closed.
        await app.CreateOfferAsync("Dekking E", "dagbesteding-b", 1601, 1, Now.AddDays(-2));
        await app.CreateOfferAsync("Dekking F", "dagbesteding-b", 1621, 1, Now.AddDays(-2), intakeOpen: false);
        var client = await ManagerAsync();
        await using var db = app.CreateDb();
        var productId = await db.Products.Where(p => p.RegionId == "westfriesland" && p.Code == "dagbesteding-b").Select(p => p.Id).SingleAsync();
        var doc = await client.GetDocumentAsync($"/regio/dekking?product={productId}&km=5");
        var gaps = doc.QuerySelectorAll(".coverage-table tbody th").Select(th => int.Parse(th.TextContent)).ToList();
        Assert.DoesNotContain(1601, gaps);
        Assert.Contains(1621, gaps);
        var wide = await client.GetDocumentAsync($"/regio/dekking?product={productId}&km=20");
        Assert.DoesNotContain(1621, wide.QuerySelectorAll(".coverage-table tbody th").Select(th => int.Parse(th.TextContent)));
    }

    [Theory]
    [InlineData("van=2026-11-01&tot=2026-10-01", "van", "na de einddatum")]
    [InlineData("van=2026-01-01&tot=2031-01-01", "tot", "toekomst")]
    [InlineData("van=2020-01-01&tot=2026-11-01", "van", "twee jaar")]
    [InlineData("van=gisteren", "van", "datum in zoals")]
    public async Task A_reversed_or_absurd_period_gets_a_clear_message(string query, string field, string message)
    {
        var client = await ManagerAsync();
        var doc = await client.GetDocumentAsync($"/regio/rapportage?{query}");
        Assert.Contains(message, doc.Text($"#{field}-error"));
        Assert.Null(doc.QuerySelector(".figures"));
    }

    [Fact]
    public async Task The_report_downloads_as_csv_with_the_same_figures()
    {
        var client = await ManagerAsync();
        var page = await client.GetDocumentAsync("/regio/rapportage?van=2026-06-01&tot=2026-11-15");
        var offers = page.QuerySelectorAll(".figures__item").Single(d => d.QuerySelector("dt")!.TextContent == "Aanbiedingen").QuerySelector("dd")!.TextContent;
        var csv = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/regio/rapportage?handler=csv&van=2026-06-01&tot=2026-11-15"))[3..]);
        Assert.Contains($"Aanbiedingen;{offers}", csv);
        Assert.Contains("Periode;2026-06-01;2026-11-15", csv);
    }
}
