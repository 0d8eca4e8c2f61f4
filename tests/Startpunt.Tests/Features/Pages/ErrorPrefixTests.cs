using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Pages;

/// <summary>A screen reader hears "Fout:" before a message next to a field; on an English page it hears "Error:".</summary>
public sealed class ErrorPrefixTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Theory]
    [InlineData("nl-NL", "Fout:")]
    [InlineData("en-GB", "Error:")]
    public async Task The_search_form_says_its_error_prefix_in_the_pages_language(string language, string prefix)
    {
        var doc = await app.CreateClient().GetDocumentAsync($"/zoeken?postcode=12&lang={language}");
        var error = doc.QuerySelector("#postcode-error")!;
        Assert.Equal(prefix, error.QuerySelector(".visually-hidden")!.TextContent.Trim());
        Assert.Contains("postcode-error", doc.QuerySelector("#postcode")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("true", doc.QuerySelector("#postcode")!.GetAttribute("aria-invalid"));
    }

    [Theory]
    [InlineData("nl-NL", "Fout:")]
    [InlineData("en-GB", "Error:")]
    public async Task A_region_page_says_its_error_prefix_in_the_pages_language(string language, string prefix)
    {
        var client = await app.SignedInAsync(DemoData.ContractManagerEmail);
        var doc = await client.GetDocumentAsync($"/regio/rapportage?van=gisteren&lang={language}");
        Assert.Equal(prefix, doc.QuerySelector("#van-error .visually-hidden")!.TextContent.Trim());
        // The summary at the top links to the field.
        Assert.NotNull(doc.QuerySelector(".utrecht-alert--error a[href='#van']"));
    }

    [Fact]
    public async Task A_field_without_a_message_names_only_its_hint()
    {
        var doc = await app.CreateClient().GetDocumentAsync("/zoeken?postcode=1621AB");
        var postcode = doc.QuerySelector("#postcode")!;
        Assert.Equal("postcode-hint", postcode.GetAttribute("aria-describedby"));
        Assert.Null(postcode.GetAttribute("aria-invalid"));
        Assert.Null(doc.QuerySelector("#postcode-error"));
    }

    /// <summary>
    /// Errors that are not in a plain text field: a group of checkboxes, one checkbox, a weekly-update row, the shortlist's
    /// fields and the Wmo-loket's postcode. Each comes from the one place that writes an error, so each speaks the page's
    /// language, and its control names it.
    /// </summary>
    [Theory]
    [InlineData("nl-NL", "Fout:")]
    [InlineData("en-GB", "Error:")]
    public async Task Every_kind_of_field_says_its_error_prefix_in_the_pages_language(string language, string prefix)
    {
        await using var db = app.CreateDb();
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var offer = await app.FirstOfferAsync(providerId);
        var provider = await app.SignedInAsync(DemoData.ProviderEmail);
        var edit = $"/aanbieder/{providerId}/aanbod/{offer.Id}";

        // Removing without ticking "yes": the checkbox says why.
        using (var removed = await provider.PostFormAsync($"{edit}?handler=Remove&lang={language}", new() { ["Version"] = offer.Version.ToString() }, edit))
        {
            var doc = Html.Parse(await removed.Content.ReadAsStringAsync());
            AssertPrefix(doc, "ConfirmRemove", prefix);
        }

        // Saving an offer without anyone it is for: the group of checkboxes says why.
        var form = (await provider.GetDocumentAsync(edit)).FormFields("form.offer-form").Where(f => f.Key != "Input.TargetGroups");
        using (var saved = await provider.PostFormAsync($"{edit}?lang={language}", form, edit))
        {
            var doc = Html.Parse(await saved.Content.ReadAsStringAsync());
            var fieldset = doc.QuerySelector("fieldset#Input_TargetGroups")!;
            Assert.Equal("Input_TargetGroups-error", fieldset.GetAttribute("aria-describedby"));
            Assert.Equal(prefix, fieldset.QuerySelector("#Input_TargetGroups-error .visually-hidden")!.TextContent.Trim());
        }

        // An impossible waiting time in the weekly update: the row's field says why.
        using (var row = await provider.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}&lang={language}",
                   new() { ["WaitingWeeks"] = "999", ["IntakeOpen"] = "true", ["Version"] = offer.Version.ToString() }, $"/aanbieder/{providerId}/wachttijden"))
        {
            var doc = Html.Parse(await row.Content.ReadAsStringAsync());
            AssertPrefix(doc, $"weeks-{offer.Id}", prefix);
        }

        // The consultant's details on the shortlist, without a name.
        var consultant = await app.SignedInAsync(DemoData.ConsultantEmail);
        var shortlist = await consultant.GetDocumentAsync($"/shortlist?handler=madeby&aanbod={offer.Id}&naam=&lang={language}");
        AssertPrefix(shortlist, "door-naam", prefix);
        Assert.NotNull(shortlist.QuerySelector(".utrecht-alert--error a[href='#door-naam']"));

        // "Zo krijgt u deze hulp" with a postcode that does not exist.
        var help = await app.CreateClient().GetDocumentAsync($"/aanbod/{offer.Id}?postcode=Atlantis&lang={language}");
        AssertPrefix(help, "hulp-postcode", prefix);
    }

    private static void AssertPrefix(AngleSharp.Html.Dom.IHtmlDocument doc, string id, string prefix)
    {
        var error = doc.QuerySelector($"#{id}-error");
        Assert.True(error is not null, $"No message next to #{id}:\n{doc.QuerySelector("main")?.TextContent}");
        Assert.Equal(prefix, error.QuerySelector(".visually-hidden")!.TextContent.Trim());
        var control = doc.QuerySelector($"#{id}")!;
        Assert.Contains($"{id}-error", control.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Equal("true", control.GetAttribute("aria-invalid"));
    }
}
