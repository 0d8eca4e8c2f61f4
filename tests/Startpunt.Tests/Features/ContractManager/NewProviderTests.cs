using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.ContractManager;

/// <summary>A contract manager or administrator adds a provider organisation and invites its first person in one flow.</summary>
public sealed class NewProviderTests(BareFactory app) : IClassFixture<BareFactory>
{
    private async Task<HttpClient> SignedInAsync(string role, string? region)
    {
        var email = $"{role}-{Guid.NewGuid():N}@regio.example";
        await app.CreateUserAsync(email, role, regionId: region);
        return await app.SignedInAsync(email, BareFactory.Password);
    }

    private async Task<int> ProductAsync(string region)
    {
        await using var db = app.CreateDb();
        return await db.Products.Where(p => p.RegionId == region).OrderBy(p => p.SortOrder).Select(p => p.Id).FirstAsync();
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string name, string kvk, int productId, string email, string? region = null) =>
        client.PostFormAsync($"/regio/aanbieders/nieuw{(region is null ? "" : $"?regio={region}")}",
            new() { ["Input.Name"] = name, ["Input.KvkNumber"] = kvk, ["Input.ProductId"] = productId.ToString(), ["Input.Email"] = email }, tokenPage: "/account");

    [Fact]
    public async Task A_contract_manager_adds_a_provider_with_a_first_contract_whose_invited_first_person_manages_its_people()
    {
        var manager = await SignedInAsync(Roles.ContractManager, "westfriesland");
        var product = await ProductAsync("westfriesland");
        var response = await AddAsync(manager, "Nieuwe Zorg BV", "1234 5678", product, "eerste@nieuwezorg.example");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = app.CreateDb();
        var provider = await db.Providers.Include(p => p.Contracts).ThenInclude(c => c.Municipalities).SingleAsync(p => p.Name == "Nieuwe Zorg BV");
        Assert.Equal("12345678", provider.KvkNumber);
        Assert.Equal(product, Assert.Single(provider.Contracts).ProductId);
        Assert.Equal(await db.Municipalities.CountAsync(m => m.RegionId == "westfriesland"), provider.Contracts[0].Municipalities.Count);
        Assert.StartsWith($"/regio/aanbieders/{provider.Id}", response.Headers.Location!.OriginalString);
        Assert.Contains("uitnodiging is verstuurd", (await manager.GetDocumentAsync($"/regio/aanbieders/{provider.Id}")).Text("[role=status]"));
        Assert.Contains("Nieuwe Zorg BV", (await manager.GetDocumentAsync("/regio/aanbieders")).Body!.TextContent);

        var link = Mailbox.LinkIn(Mailbox.Read(app.MailDirectory).Last(m => m.Contains("eerste@nieuwezorg.example")), "/account/uitnodiging/");
        var first = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(new Uri(link).PathAndQuery,
            new() { ["Input.DisplayName"] = "Eerste", ["Input.Password"] = "een lange zin 2026", ["Input.ConfirmPassword"] = "een lange zin 2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/aanbieder/{provider.Id}/mensen")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_nothing_is_stored()
    {
        var manager = await SignedInAsync(Roles.ContractManager, "westfriesland");
        var product = await ProductAsync("westfriesland");
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(manager, "Bestaand BV", "87654321", product, "bestaand@bv.example")).StatusCode);
        await app.CreateUserAsync("heeft-account@bv.example", Roles.Consultant, regionId: "westfriesland");
        await using var db = app.CreateDb();
        var before = (await db.Providers.CountAsync(), await db.Invitations.CountAsync(), await db.Contracts.CountAsync());

        var cases = new (string Name, string Kvk, int Product, string Email, string Field, string Message)[]
        {
            ("", "11112222", product, "a@b.example", "Input_Name", "Vul de naam"),
            ("Kort BV", "1234", product, "a@b.example", "Input_KvkNumber", "8 cijfers"),
            ("Letters BV", "1234abcd", product, "a@b.example", "Input_KvkNumber", "8 cijfers"),
            ("Dubbel BV", "87654321", product, "a@b.example", "Input_KvkNumber", "al een aanbieder"),
            ("Ander Product BV", "11113333", await ProductAsync("meierij"), "a@b.example", "Input_ProductId", "Kies een product"),
            ("Post BV", "11114444", product, "a,b@example.org", "Input_Email", "klopt niet"),
            ("Bekend BV", "11115555", product, "heeft-account@bv.example", "Input_Email", "Er is al een account"),
        };
        foreach (var c in cases)
        {
            var response = await AddAsync(manager, c.Name, c.Kvk, c.Product, c.Email);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(c.Message, Html.Parse(await response.Content.ReadAsStringAsync()).Text($"#{c.Field}-error"));
        }
        Assert.Equal(before, (await db.Providers.CountAsync(), await db.Invitations.CountAsync(), await db.Contracts.CountAsync()));
    }

    [Fact]
    public async Task An_administrator_adds_one_in_any_region_and_a_contract_manager_only_in_their_own()
    {
        var manager = await SignedInAsync(Roles.ContractManager, "westfriesland");
        var meierij = await ProductAsync("meierij");
        var denied = await AddAsync(manager, "Elders BV", "22223333", meierij, "elders@bv.example", "meierij");
        Assert.StartsWith("/account/geen-toegang", denied.Headers.Location!.PathAndQuery);
        var admin = await SignedInAsync(Roles.Administrator, null);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(admin, "Elders BV", "22223333", meierij, "elders@bv.example", "meierij")).StatusCode);
        await using var db = app.CreateDb();
        Assert.True(await db.Contracts.AnyAsync(c => c.Provider!.Name == "Elders BV" && c.Product!.RegionId == "meierij"));
        Assert.Equal(1, await db.Providers.CountAsync(p => p.Name == "Elders BV"));
    }
}
