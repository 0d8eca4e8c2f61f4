using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Shortlist;

/// <summary>The consultant's handover: a selection over several pages in the URL, one shortlist, its link, CSV and printout.</summary>
public sealed class HandoverTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private const string Search = "/consulent?postcode=1621AB&afstand=50";

    private static List<int> RowIds(IHtmlDocument doc) =>
        doc.QuerySelectorAll(".consultant-table tbody input[type=checkbox][name=aanbod]").Select(i => int.Parse(i.GetAttribute("value")!)).ToList();

    private static List<int> Chosen(IHtmlDocument doc) =>
        doc.QuerySelectorAll("#shortlist-form input[name=aanbod]")
            .SelectMany(i => i.GetAttribute("type") == "hidden" ? i.GetAttribute("value")!.Split(',').Select(int.Parse)
                : i.HasAttribute("checked") ? [int.Parse(i.GetAttribute("value")!)] : [])
            .ToList();

    [Fact]
    public async Task Offers_ticked_on_two_pages_stay_chosen_and_make_one_shortlist()
    {
        var consultant = await app.SignedInAsync(DemoData.ConsultantEmail);
        var first = await consultant.GetDocumentAsync(Search);
        var pageOne = RowIds(first);
        Assert.NotNull(first.QuerySelector("#shortlist-form button[name=pagina][value='2'][formaction='/consulent']"));

        // Tick two offers on page 1 and press "2": the form carries the ticks to page 2 (what a browser without JavaScript sends).
        var second = await consultant.GetDocumentAsync($"{Search}&aanbod={pageOne[0]}&aanbod={pageOne[3]}&pagina=2");
        var pageTwo = RowIds(second);
        Assert.DoesNotContain(pageOne[0], pageTwo);
        Assert.Equal([pageOne[0], pageOne[3]], Chosen(second));
        Assert.Equal("2 gekozen", second.Text("#shortlist-count"));

        // Tick one on page 2 and go back to page 1: all three are still chosen, those of page 1 ticked.
        var back = await consultant.GetDocumentAsync($"{Search}&aanbod={pageOne[0]},{pageOne[3]}&aanbod={pageTwo[1]}&pagina=1");
        Assert.Equal("3 gekozen", back.Text("#shortlist-count"));
        Assert.NotNull(back.QuerySelector($"#kies-{pageOne[0]}[checked]"));
        Assert.Null(back.QuerySelector($"#kies-{pageOne[1]}[checked]"));
        Assert.Equal($"{pageTwo[1]}", back.QuerySelector("#shortlist-form input[type=hidden][name=aanbod]")!.GetAttribute("value"));
        // The filter form keeps the selection when a filter changes.
        Assert.Equal($"{pageOne[0]},{pageOne[3]},{pageTwo[1]}", back.QuerySelector(".search-form input[type=hidden][name=aanbod]")!.GetAttribute("value"));

        // "Shortlist voor de cliënt maken" sends the search along; the shortlist answers with its own clean link.
        using var response = await consultant.GetAsync($"/shortlist?postcode=1621AB&afstand=50&aanbod={pageTwo[1]}&aanbod={pageOne[0]}&aanbod={pageOne[3]}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/shortlist?aanbod={pageTwo[1]},{pageOne[0]},{pageOne[3]}", response.Headers.Location!.OriginalString);
        var shortlist = await consultant.GetDocumentAsync(response.Headers.Location.OriginalString);
        Assert.Equal(3, shortlist.QuerySelectorAll("ol.shortlist > li").Length);
    }

    [Fact]
    public async Task The_shortlist_separates_address_parts_links_phone_and_email_and_offers_copy_mail_and_csv()
    {
        await using var db = app.CreateDb();
        var offers = await db.Offers.Include(o => o.Provider).Include(o => o.Location)
            .Where(o => !o.Paused && o.LocationId != null && o.Provider!.Phone != null && o.Provider.Email != null).OrderBy(o => o.Id).Take(2).ToListAsync();
        var url = $"/shortlist?aanbod={offers[0].Id},{offers[1].Id}";
        var doc = await app.CreateClient().GetDocumentAsync(url);
        var item = doc.QuerySelector("ol.shortlist > li")!;
        var loc = offers[0].Location!;
        Assert.Equal($"{loc.Street} {loc.HouseNumber}", item.QuerySelector(".shortlist__street")!.TextContent);
        Assert.Equal($"{loc.Postcode} {loc.Town}", item.QuerySelector(".shortlist__town")!.TextContent);
        Assert.NotNull(item.QuerySelector($"a[href='tel:{offers[0].Provider!.Phone!.Replace(" ", "")}']"));
        Assert.NotNull(item.QuerySelector($"a[href='mailto:{offers[0].Provider!.Email}']"));
        Assert.EndsWith(url, doc.QuerySelector("#copy-link")!.GetAttribute("data-link"));
        Assert.Contains(Uri.EscapeDataString(url), doc.QuerySelector("a[href^='mailto:?subject=']")!.GetAttribute("href"));
        Assert.Null(doc.QuerySelector("[data-testid=made-by]"));

        using var csv = await app.CreateClient().GetAsync($"/shortlist?handler=csv&aanbod={offers[0].Id},{offers[1].Id}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split("\r\n");
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Aanbieder;Product;Niveau;Straat en huisnummer;Postcode;Plaats;", lines[0]);
        Assert.Contains($"/aanbod/{offers[1].Id}", lines[2]);
    }

    [Fact]
    public async Task The_consultants_name_organisation_phone_and_date_travel_in_the_link_and_cannot_be_forged()
    {
        await using var db = app.CreateDb();
        var id = await db.Offers.Where(o => !o.Paused).Select(o => o.Id).FirstAsync();
        var consultant = await app.SignedInAsync(DemoData.ConsultantEmail);
        var own = await consultant.GetDocumentAsync($"/shortlist?aanbod={id}");
        Assert.Contains("Carla Consulent", own.Text("[data-testid=made-by]"));

        using var wrong = await consultant.GetAsync($"/shortlist?handler=madeby&aanbod={id}&naam=Carla+Consulent&organisatie=Sociaal+team+Hoorn&telefoon=bel+mij");
        var wrongDoc = Html.Parse(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("alleen cijfers", wrongDoc.Text("#door-telefoon-error"));

        using var set = await consultant.GetAsync($"/shortlist?handler=madeby&aanbod={id}&naam=Carla+Consulent&organisatie=Sociaal+team+Hoorn&telefoon=0229+123+456");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var link = set.Headers.Location!.OriginalString;
        Assert.StartsWith($"/shortlist?aanbod={id}&door=", link);

        var client = await app.CreateClient().GetDocumentAsync(link);
        var by = client.QuerySelector("[data-testid=made-by]")!;
        Assert.Contains("Carla Consulent, Sociaal team Hoorn", by.TextContent);
        Assert.NotNull(by.QuerySelector("a[href='tel:0229123456']"));
        Assert.Contains("Gemaakt op", by.TextContent);
        Assert.Null(client.QuerySelector("#door-naam"));

        using var forged = await app.Browser().GetAsync($"/shortlist?aanbod={id}&door=CfDJ8nepwaarde");
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal($"/shortlist?aanbod={id}", forged.Headers.Location!.OriginalString);
        using var anonymous = await app.Browser().GetAsync($"/shortlist?handler=madeby&aanbod={id}&naam=Nep");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.False(anonymous.Headers.Location?.OriginalString.Contains("door=") ?? false);
    }
}
