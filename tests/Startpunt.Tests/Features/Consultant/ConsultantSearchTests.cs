using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Consultant;

public sealed class ConsultantSearchTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private const string Query = "/consulent?postcode=1621AB&afstand=50";

    private async Task<HashSet<(int Provider, int Product)>> ContractedAsync(string municipality)
    {
        await using var db = app.CreateDb();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        return (await db.Contracts.Where(c => c.StartDate <= today && (c.EndDate == null || c.EndDate >= today) && c.Municipalities.Any(m => m.MunicipalityCode == municipality))
            .Select(c => new { c.ProviderId, c.ProductId }).ToListAsync()).Select(c => (c.ProviderId, c.ProductId)).ToHashSet();
    }

    private async Task<List<(int OfferId, bool MarkedNotContracted)>> RowsAsync(HttpClient client, string url)
    {
        var rows = new List<(int, bool)>();
        for (var page = 1; page < 50; page++)
        {
            var doc = await client.GetDocumentAsync($"{url}&pagina={page}");
            var found = doc.QuerySelectorAll(".consultant-table tbody tr").Select(tr => (
                int.Parse(tr.QuerySelector("input[name=aanbod]")!.GetAttribute("value")!),
                tr.ClassList.Contains("consultant-row--not-contracted"))).ToList();
            rows.AddRange(found);
            if (doc.QuerySelector($".utrecht-pagination [aria-label='Pagina {page + 1}']") is null) break;
        }
        return rows;
    }

    [Fact]
    public async Task Only_offers_of_providers_contracted_for_the_clients_municipality_count()
    {
        var client = await app.SignedInAsync(DemoData.ConsultantEmail);
        foreach (var municipality in new[] { "GM0405", "GM0388" }) // Hoorn, Enkhuizen
        {
            var contracted = await ContractedAsync(municipality);
            var rows = await RowsAsync(client, $"{Query}&gemeente={municipality}");
            var all = await RowsAsync(client, $"{Query}&gemeente={municipality}&contract=alle");
            await using var db = app.CreateDb();
            var offers = await db.Offers.Where(o => all.Select(r => r.OfferId).Contains(o.Id)).ToDictionaryAsync(o => o.Id);
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Contains((offers[r.OfferId].ProviderId, offers[r.OfferId].ProductId), contracted));
            Assert.All(all, r => Assert.Equal(!contracted.Contains((offers[r.OfferId].ProviderId, offers[r.OfferId].ProductId)), r.MarkedNotContracted));
            Assert.Equal(rows.Select(r => r.OfferId), all.Where(r => !r.MarkedNotContracted).Select(r => r.OfferId));
            Assert.Contains(all, r => r.MarkedNotContracted);
        }
    }

    [Fact]
    public async Task An_unknown_waiting_time_never_passes_a_maximum_and_is_marked()
    {
        var client = await app.SignedInAsync(DemoData.ConsultantEmail);
        async Task<List<AngleSharp.Dom.IElement>> AllRows(string url)
        {
            var rows = new List<AngleSharp.Dom.IElement>();
            for (var page = 1; page < 50; page++)
            {
                var doc = await client.GetDocumentAsync($"{url}&pagina={page}");
                rows.AddRange(doc.QuerySelectorAll(".consultant-table tbody tr"));
                if (doc.QuerySelector($".utrecht-pagination [aria-label='Pagina {page + 1}']") is null) break;
            }
            return rows;
        }
        var all = await AllRows($"{Query}&contract=alle");
        var unknown = all.Where(r => r.QuerySelector(".stoplight")!.ClassList.Contains("stoplight--unknown")).ToList();
        Assert.NotEmpty(unknown);
        Assert.All(unknown, r => Assert.Equal("Onbekend", r.QuerySelector("td:nth-child(5)")!.TextContent.Trim()));
        var within = await AllRows($"{Query}&contract=alle&binnen=6");
        Assert.NotEmpty(within);
        Assert.DoesNotContain(within, r => r.QuerySelector(".stoplight")!.ClassList.Contains("stoplight--unknown"));
        Assert.All(within, r => Assert.InRange(int.Parse(r.QuerySelector("td:nth-child(5)")!.TextContent), 0, 6));
    }

    [Fact]
    public async Task The_table_is_sorted_by_waiting_time_with_unknown_last()
    {
        var client = await app.SignedInAsync(DemoData.ConsultantEmail);
        var doc = await client.GetDocumentAsync($"{Query}&contract=alle");
        var keys = doc.QuerySelectorAll(".consultant-table tbody tr").Select(tr =>
        {
            var light = tr.QuerySelector(".stoplight")!;
            var unknown = light.ClassList.Contains("stoplight--unknown");
            var closed = light.TextContent.Contains("Geen nieuwe aanmeldingen");
            var weeks = unknown ? 0 : int.Parse(tr.QuerySelector("td:nth-child(5)")!.TextContent);
            return (Unknown: unknown ? 1 : 0, Closed: closed ? 1 : 0, Weeks: weeks);
        }).ToList();
        Assert.Equal(keys.OrderBy(k => k.Unknown).ThenBy(k => k.Closed).ThenBy(k => k.Weeks), keys);
    }

    [Fact]
    public async Task Intake_open_only_leaves_out_closed_intake()
    {
        var client = await app.SignedInAsync(DemoData.ConsultantEmail);
        var doc = await client.GetDocumentAsync($"{Query}&contract=alle&open=1");
        Assert.NotEmpty(doc.QuerySelectorAll(".consultant-table tbody tr"));
        Assert.DoesNotContain(doc.QuerySelectorAll(".consultant-table .stoplight"), s => s.TextContent.Contains("Geen nieuwe aanmeldingen"));
    }

    [Fact]
    public async Task The_csv_opens_in_excel_and_cannot_run_formulas()
    {
        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.Include(o => o.Provider).Where(o => o.RegionId == "westfriesland" && o.LocationId != null).OrderBy(o => o.Id).FirstAsync();
            offer.Provider!.Name = "=HYPERLINK(\"http://evil.example\";\"klik\")";
            await db.SaveChangesAsync();
        }
        var client = await app.SignedInAsync(DemoData.ConsultantEmail);
        var response = await client.GetAsync($"{Query}&contract=alle&handler=export");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Aanbieder;Product;Niveau;", lines[0]);
        Assert.DoesNotContain(lines, l => l.StartsWith("=", StringComparison.Ordinal) || l.StartsWith("\"=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("'=HYPERLINK", StringComparison.Ordinal));
        Assert.True(lines.Length > 20);
    }

    [Fact]
    public async Task A_shortlist_link_shows_exactly_the_chosen_offers_with_their_current_availability()
    {
        await using var db = app.CreateDb();
        var ids = await db.Offers.Where(o => o.RegionId == "westfriesland" && !o.Paused).OrderBy(o => o.Id).Select(o => o.Id).Take(3).ToListAsync();
        var doc = await app.CreateClient().GetDocumentAsync($"/shortlist?aanbod={ids[0]}&aanbod={ids[1]}&aanbod={ids[2]}");
        Assert.Equal(3, doc.QuerySelectorAll(".shortlist__item").Length);
        Assert.Equal(3, doc.QuerySelectorAll(".shortlist__item .stoplight").Length);
        Assert.Contains($"/shortlist?aanbod={ids[0]},{ids[1]},{ids[2]}", doc.Text(".shortlist__link"));
        var shared = await app.CreateClient().GetDocumentAsync($"/shortlist?aanbod={ids[0]},{ids[1]},{ids[2]}");
        Assert.Equal(doc.QuerySelectorAll(".shortlist__item h2").Select(h => h.TextContent), shared.QuerySelectorAll(".shortlist__item h2").Select(h => h.TextContent));
    }

    [Theory]
    [InlineData("/shortlist", "Kies eerst")]
    [InlineData("/shortlist?aanbod=abc", "klopt niet")]
    [InlineData("/shortlist?aanbod=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21", "hooguit 20")]
    [InlineData("/shortlist?aanbod=999999", "bestaat niet meer")]
    public async Task A_bad_shortlist_link_says_what_is_wrong(string url, string message)
    {
        using var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.Parse(await response.Content.ReadAsStringAsync()).Text("[role=alert]"));
    }

    [Theory]
    [InlineData("gemeente=GM0363", "gemeente", "Kies een gemeente uit regio Westfriesland")]
    [InlineData("contract=misschien", "contract", "Kies een keuze")]
    public async Task Bad_consultant_filters_get_a_message_next_to_the_field(string extra, string field, string message)
    {
        var client = await app.SignedInAsync(DemoData.ConsultantEmail);
        var doc = await client.GetDocumentAsync($"{Query}&{extra}");
        Assert.Contains(message, doc.Text($"#{field}-error"));
        Assert.Empty(doc.QuerySelectorAll(".consultant-table tbody tr"));
    }

    [Fact]
    public async Task Residents_and_providers_cannot_use_consultant_mode()
    {
        var anonymous = await app.Browser().GetAsync(Query);
        Assert.StartsWith("/account/inloggen", anonymous.Headers.Location!.PathAndQuery);
        var provider = await app.SignedInAsync(DemoData.ProviderEmail);
        var denied = await provider.GetAsync(Query);
        Assert.StartsWith("/account/geen-toegang", denied.Headers.Location!.PathAndQuery);
    }
}
