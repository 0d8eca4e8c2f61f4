using System.Net;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Provider;

/// <summary>
/// An administrator helps a provider by seeing its workspace as the provider sees it: every page opens, every form on
/// it is disabled and the page says why; a change is refused (the matrix in AuthorizationMatrixTests posts each one).
/// </summary>
public sealed class ReadOnlyViewTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Fact]
    public async Task An_administrator_sees_every_workspace_page_of_a_provider_with_its_forms_disabled()
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var offer = await app.FirstOfferAsync(providerId);
        var admin = await app.SignedInAsync(DemoData.AdministratorEmail);

        foreach (var page in new[] { "wachttijden", "aanbod", $"aanbod/{offer.Id}", "locaties", "profiel", "geschiedenis", $"aanbod/{offer.Id}/geschiedenis" })
        {
            var response = await admin.GetAsync($"/aanbieder/{providerId}/{page}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            var doc = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("als beheerder", doc.Text(".read-only-banner"));
            var view = doc.QuerySelector("main fieldset.read-only-view[disabled]");
            Assert.NotNull(view);
            // Whatever the page can change sits inside the disabled fieldset.
            Assert.All(doc.QuerySelectorAll("main form[method=post], main form[method=POST]"), f => Assert.True(view.Contains(f), $"{page}: a form outside the read-only view"));
        }
        var weekly = await admin.GetDocumentAsync($"/aanbieder/{providerId}/wachttijden");
        Assert.NotEmpty(weekly.QuerySelectorAll("main fieldset.read-only-view input, main fieldset.read-only-view button"));
    }

    [Fact]
    public async Task The_providers_own_people_see_no_banner_and_other_roles_cannot_look()
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var own = await (await app.SignedInAsync(DemoData.ProviderEmail)).GetDocumentAsync($"/aanbieder/{providerId}/wachttijden");
        Assert.Null(own.QuerySelector(".read-only-banner"));
        Assert.Null(own.QuerySelector("fieldset.read-only-view"));

        var manager = await app.SignedInAsync(DemoData.ContractManagerEmail);
        var refused = await manager.GetAsync($"/aanbieder/{providerId}/wachttijden");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/geen-toegang", refused.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Only_administrators_find_the_link_in_the_region_s_provider_list()
    {
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var link = $"a[href='/aanbieder/{providerId}/wachttijden']";
        var admin = await (await app.SignedInAsync(DemoData.AdministratorEmail)).GetDocumentAsync("/regio/aanbieders?regio=westfriesland");
        Assert.NotNull(admin.QuerySelector(link));
        var manager = await (await app.SignedInAsync(DemoData.ContractManagerEmail)).GetDocumentAsync("/regio/aanbieders");
        Assert.Null(manager.QuerySelector(link));
    }
}
