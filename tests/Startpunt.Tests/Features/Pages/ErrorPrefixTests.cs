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
}
