using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.GettingHelp;

public sealed class HowToGetHelpTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task An_offer_opened_from_a_search_in_Hoorn_names_the_Wmo_desk_of_Hoorn_and_the_providers_phone_as_links()
    {
        await using var db = app.CreateDb();
        var offer = await db.Offers.Include(o => o.Provider).FirstAsync(o => o.RegionId == "westfriesland" && !o.Paused && o.Provider!.Phone != null);
        var doc = await _client.GetDocumentAsync($"/aanbod/{offer.Id}", r => r.Headers.Referrer = new Uri("http://localhost/zoeken?postcode=1621AB&afstand=25"));

        var desk = doc.QuerySelector("[data-testid=wmo-loket]")!;
        Assert.Contains("Wmo-loket gemeente Hoorn", desk.TextContent);
        Assert.NotNull(desk.QuerySelector("a[href='tel:0229000405']"));
        Assert.NotNull(desk.QuerySelector("a[href^='mailto:']"));
        Assert.Contains("verzonnen", desk.TextContent);
        var phone = offer.Provider!.Phone!.Replace(" ", "");
        Assert.NotNull(doc.QuerySelector($"[data-testid=aanbieder-contact] a[href='tel:{phone}']"));
        Assert.Equal("Zo krijgt u deze hulp", doc.Text("#hulp-kop"));
    }

    [Theory]
    [InlineData("2801", "Wmo-loket gemeente Gouda")]
    [InlineData("Gouda", "Wmo-loket gemeente Gouda")]
    [InlineData("'s-Hertogenbosch", "Wmo-loket gemeente 's-Hertogenbosch")]
    [InlineData("zaandam", "Wmo-loket gemeente Zaanstad")]
    public async Task A_postcode_or_a_place_name_finds_the_municipalitys_desk(string typed, string desk)
    {
        await using var db = app.CreateDb();
        var offerId = await db.Offers.Where(o => !o.Paused).Select(o => o.Id).FirstAsync();
        var doc = await _client.GetDocumentAsync($"/aanbod/{offerId}?postcode={Uri.EscapeDataString(typed)}");
        Assert.Contains(desk, doc.Text("[data-testid=wmo-loket]"));
    }

    [Fact]
    public async Task Without_a_postcode_the_offer_page_asks_for_one_and_a_wrong_one_gets_a_message_next_to_the_field()
    {
        await using var db = app.CreateDb();
        var offerId = await db.Offers.Where(o => !o.Paused).Select(o => o.Id).FirstAsync();
        var empty = await _client.GetDocumentAsync($"/aanbod/{offerId}");
        Assert.Null(empty.QuerySelector("[data-testid=wmo-loket]"));
        Assert.Equal($"/aanbod/{offerId}#hulp", empty.QuerySelector("form.get-help__form")!.GetAttribute("action"));

        var wrong = await _client.GetDocumentAsync($"/aanbod/{offerId}?postcode=Atlantis");
        Assert.Contains("We kennen deze postcode of plaats niet", wrong.Text("#hulp-postcode-error"));
        Assert.Equal("true", wrong.QuerySelector("#hulp-postcode")!.GetAttribute("aria-invalid"));
        var control = await _client.GetDocumentAsync($"/aanbod/{offerId}?postcode=%01");
        Assert.NotNull(control.QuerySelector("#hulp-postcode-error"));
    }

    [Fact]
    public async Task A_municipality_outside_the_regions_is_named_without_invented_details()
    {
        var doc = await _client.GetDocumentAsync("/contact?postcode=1011AB");
        Assert.Null(doc.QuerySelector("[data-testid=wmo-loket]"));
        Assert.Contains("Bel of mail de gemeente Amsterdam", doc.Text("#hulp"));
    }

    [Theory]
    [InlineData("/stoplicht")]
    [InlineData("/contact")]
    public async Task The_stoplight_and_contact_pages_explain_how_to_get_help_and_find_the_desk(string page)
    {
        var doc = await _client.GetDocumentAsync($"{page}?postcode=1621");
        Assert.Equal("Zo krijgt u hulp", doc.Text("#hulp-kop"));
        Assert.Contains("Wmo-loket gemeente Hoorn", doc.Text("[data-testid=wmo-loket]"));
        Assert.Null(doc.QuerySelector("[data-testid=aanbieder-contact]"));
    }

    [Fact]
    public async Task Every_page_links_to_the_contact_page()
    {
        var doc = await _client.GetDocumentAsync("/");
        Assert.NotNull(doc.QuerySelector("footer a[href='/contact']"));
        var contact = await _client.GetDocumentAsync("/contact");
        Assert.Equal("Contact", doc.Text("footer a[href='/contact']"));
        Assert.Contains("startpunt@startpunt.example", contact.Body!.TextContent);
    }
}

/// <summary>An installation that is not a demo shows no invented desk details.</summary>
public sealed class HowToGetHelpWithoutDemoTests(BareFactory app) : IClassFixture<BareFactory>
{
    [Fact]
    public async Task Invented_desk_details_stay_out_of_an_installation_that_is_not_a_demo()
    {
        var doc = await app.CreateClient().GetDocumentAsync("/stoplicht?postcode=1621");
        Assert.Null(doc.QuerySelector("[data-testid=wmo-loket]"));
        Assert.Contains("Bel of mail de gemeente Hoorn", doc.Text("#hulp"));
    }
}
