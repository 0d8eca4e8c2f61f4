using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Provider;

/// <summary>
/// Every role against every handler that changes provider data, on the own and on another organisation: only a
/// member of the organisation gets through; everyone else is turned away and nothing changes.
/// </summary>
public sealed class AuthorizationMatrixTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    public static readonly TheoryData<string> Handlers =
    [
        "wachttijden?handler=Row&offerId={oid}",
        "wachttijden?handler=ConfirmAll",
        "aanbod/nieuw",
        "aanbod/{oid}",
        "aanbod/{oid}?handler=Pause",
        "aanbod/{oid}?handler=Resume",
        "aanbod/{oid}?handler=Remove",
        "locaties/nieuw",
        "locaties/{lid}",
        "profiel",
    ];

    public static readonly TheoryData<string> HandlersWithAnId =
    [
        "wachttijden?handler=Row&offerId={oid}",
        "aanbod/{oid}",
        "aanbod/{oid}?handler=Pause",
        "aanbod/{oid}?handler=Resume",
        "aanbod/{oid}?handler=Remove",
        "locaties/{lid}",
    ];

    private static Dictionary<string, string> Fields(int offerId) => new()
    {
        ["WaitingWeeks"] = "1", ["IntakeOpen"] = "true", ["Version"] = "0", [$"v-{offerId}"] = "0",
        ["Input.ProductId"] = "1", ["Input.WaitingWeeks"] = "1", ["Input.TargetGroups"] = "lvb", ["Input.Languages"] = "nl",
        ["PauseReason"] = "test", ["ConfirmRemove"] = "true",
        ["Input.Name"] = "Overgenomen", ["Input.Street"] = "Straat", ["Input.HouseNumber"] = "1", ["Input.Postcode"] = "1621 AB", ["Input.Town"] = "Hoorn",
    };

    private async Task<(int Own, int OwnOffer, int OwnLocation, int Other, int OtherOffer, int OtherLocation)> IdsAsync()
    {
        var own = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var other = await app.OrganisationOfAsync(DemoData.OtherProviderEmail);
        await using var db = app.CreateDb();
        return (own, await db.Offers.Where(o => o.ProviderId == own).MinAsync(o => o.Id), await db.Locations.Where(l => l.ProviderId == own).MinAsync(l => l.Id),
            other, await db.Offers.Where(o => o.ProviderId == other).MinAsync(o => o.Id), await db.Locations.Where(l => l.ProviderId == other).MinAsync(l => l.Id));
    }

    private async Task<string> FingerprintAsync()
    {
        await using var db = app.CreateDb();
        return $"{await db.AuditEntries.CountAsync()}/{await db.Offers.IgnoreQueryFilters().CountAsync()}/{await db.Locations.CountAsync()}/" +
               $"{await db.Offers.IgnoreQueryFilters().SumAsync(o => o.Version)}/{string.Join(",", await db.Providers.OrderBy(p => p.Id).Select(p => p.Name).Take(400).ToListAsync())}";
    }

    private static string Url(string handler, int providerId, int offerId, int locationId) =>
        $"/aanbieder/{providerId}/" + handler.Replace("{oid}", offerId.ToString()).Replace("{lid}", locationId.ToString());

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_change_nothing(string handler)
    {
        var ids = await IdsAsync();
        var before = await FingerprintAsync();
        var client = app.Browser();
        var response = await client.PostFormAsync(Url(handler, ids.Own, ids.OwnOffer, ids.OwnLocation), Fields(ids.OwnOffer), tokenPage: "/account/inloggen");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/inloggen", response.Headers.Location!.PathAndQuery);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Municipal_staff_and_administrators_cannot_change_provider_data(string handler)
    {
        var ids = await IdsAsync();
        foreach (var email in new[] { DemoData.ConsultantEmail, DemoData.ContractManagerEmail, DemoData.AdministratorEmail })
        {
            var before = await FingerprintAsync();
            var client = await app.SignedInAsync(email);
            var response = await client.PostFormAsync(Url(handler, ids.Own, ids.OwnOffer, ids.OwnLocation), Fields(ids.OwnOffer), tokenPage: "/account");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/geen-toegang", response.Headers.Location!.PathAndQuery);
            Assert.Equal(before, await FingerprintAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task A_provider_gets_not_found_for_another_organisation_and_changes_nothing(string handler)
    {
        var ids = await IdsAsync();
        var before = await FingerprintAsync();
        var client = await app.SignedInAsync(DemoData.ProviderEmail);
        var response = await client.PostFormAsync(Url(handler, ids.Other, ids.OtherOffer, ids.OtherLocation), Fields(ids.OtherOffer), tokenPage: "/account");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Overgenomen", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(HandlersWithAnId))]
    public async Task Another_organisations_offer_or_location_id_under_the_own_organisation_is_not_found(string handler)
    {
        var ids = await IdsAsync();
        var before = await FingerprintAsync();
        var client = await app.SignedInAsync(DemoData.ProviderEmail);
        var response = await client.PostFormAsync(Url(handler, ids.Own, ids.OtherOffer, ids.OtherLocation), Fields(ids.OtherOffer), tokenPage: "/account");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [InlineData("wachttijden")]
    [InlineData("aanbod")]
    [InlineData("aanbod/{oid}")]
    [InlineData("aanbod/{oid}/geschiedenis")]
    [InlineData("locaties")]
    [InlineData("locaties/{lid}")]
    [InlineData("profiel")]
    public async Task A_provider_cannot_read_another_organisations_pages(string page)
    {
        var ids = await IdsAsync();
        var client = await app.SignedInAsync(DemoData.ProviderEmail);
        var other = await client.GetAsync(Url(page, ids.Other, ids.OtherOffer, ids.OtherLocation));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var own = await client.GetAsync(Url(page, ids.Own, ids.OwnOffer, ids.OwnLocation));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
