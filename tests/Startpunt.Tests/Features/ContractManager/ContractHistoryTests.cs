using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;

namespace Startpunt.Tests.Features.ContractManager;

/// <summary>A contract's creation, changes, municipalities and end are each one history entry, written in the save itself.</summary>
public sealed class ContractHistoryTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private const string Manager = "Daan Contractmanager";

    private async Task<(HttpClient Client, int ProviderId, List<string> Municipalities, int ProductId)> ArrangeAsync()
    {
        var client = await app.SignedInAsync(DemoData.ContractManagerEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        await using var db = app.CreateDb();
        var codes = await db.Municipalities.Where(m => m.RegionId == "westfriesland").OrderBy(m => m.Code).Select(m => m.Code).ToListAsync();
        var product = await db.Products.Where(p => p.RegionId == "westfriesland").OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
        return (client, providerId, codes, product);
    }

    private async Task<List<AuditEntry>> EntriesAsync(int contractId)
    {
        await using var db = app.CreateDb();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Contract" && a.EntityId == contractId).OrderBy(a => a.Id).ToListAsync();
    }

    private static FieldChange Change(AuditEntry entry, string field) => Startpunt.Web.Features.History.HistoryWords.Changes(entry).Single(c => c.Field == field);

    private static List<KeyValuePair<string, string>> Form(int? productId, string start, string? end, IEnumerable<string> municipalities, int version = 0) =>
        new List<KeyValuePair<string, string>> { new("Input.Start", start), new("Input.End", end ?? ""), new("Input.Version", version.ToString()) }
            .Concat(productId is { } p ? [new("Input.ProductId", p.ToString())] : [])
            .Concat(municipalities.Select(m => new KeyValuePair<string, string>("Input.Municipalities", m))).ToList();

    [Fact]
    public async Task Creating_changing_and_ending_a_contract_each_write_one_entry_with_old_and_new()
    {
        var (client, providerId, codes, productId) = await ArrangeAsync();
        var url = $"/regio/aanbieders/{providerId}";
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var created = await client.PostFormAsync($"{url}?regio=westfriesland", Form(productId, "2026-01-01", null, codes.Take(2)), url);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = app.CreateDb();
        var contract = await db.Contracts.AsNoTracking().Where(c => c.ProviderId == providerId && c.ProductId == productId).OrderBy(c => c.Id).LastAsync();

        var first = (await EntriesAsync(contract.Id)).Single();
        Assert.Equal((AuditActions.Created, Manager, app.Clock.GetUtcNow().UtcDateTime, providerId), (first.Action, first.UserName, first.At, first.ProviderId));
        Assert.Equal(string.Join(",", codes.Take(2)), Change(first, "Municipalities").New);
        Assert.Equal("2026-01-01", Change(first, "StartDate").New);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.PostFormAsync($"{url}?regio=westfriesland&contractId={contract.Id}", Form(null, "2026-01-01", null, codes.Skip(1).Take(2)), url);
        var second = (await EntriesAsync(contract.Id)).Last();
        Assert.Equal(AuditActions.Updated, second.Action);
        Assert.Equal((string.Join(",", codes.Take(2)), string.Join(",", codes.Skip(1).Take(2))), (Change(second, "Municipalities").Old, Change(second, "Municipalities").New));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.PostFormAsync($"{url}?regio=westfriesland&contractId={contract.Id}", Form(null, "2026-01-01", "2026-12-31", codes.Skip(1).Take(2), version: 1), url);
        var third = (await EntriesAsync(contract.Id)).Last();
        Assert.Equal((AuditActions.Ended, Manager), (third.Action, third.UserName));
        Assert.Equal((null, "2026-12-31"), (Change(third, "EndDate").Old, Change(third, "EndDate").New));
        Assert.Equal(3, (await EntriesAsync(contract.Id)).Count);
    }

    [Fact]
    public async Task Two_managers_editing_one_contract_the_second_gets_the_conflict_and_keeps_their_input()
    {
        var (daan, providerId, codes, _) = await ArrangeAsync();
        var colleague = await app.SignedInAsync(DemoData.ContractManagerEmail);
        await using var db = app.CreateDb();
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Municipalities).FirstAsync(c => c.ProviderId == providerId && c.Product!.RegionId == "westfriesland");
        var url = $"/regio/aanbieders/{providerId}";
        var selector = $"form[action*='contractId={contract.Id}&']";
        var daansForm = (await daan.GetDocumentAsync(url)).FormFields(selector);
        var colleaguesForm = (await colleague.GetDocumentAsync(url)).FormFields(selector);
        var post = $"{url}?contractId={contract.Id}&regio=westfriesland";

        var first = await colleague.PostFormAsync(post, colleaguesForm.With("Input.Municipalities", codes[0]), url);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await daan.PostFormAsync(post, daansForm.With("Input.End", "2027-12-31"), url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var doc = Html.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains("Een collega was u voor", doc.Text($"section[aria-labelledby='contract-{contract.Id}'] [role=alert]"));
        Assert.Contains(Manager, doc.Text("[role=alert]"));
        Assert.Equal("2027-12-31", doc.QuerySelector($"#end-{contract.Id}")!.GetAttribute("value"));

        await using var after = app.CreateDb();
        var saved = await after.Contracts.AsNoTracking().Include(c => c.Municipalities).SingleAsync(c => c.Id == contract.Id);
        Assert.Equal([codes[0]], saved.Municipalities.Select(m => m.MunicipalityCode));
        Assert.Equal(contract.EndDate, saved.EndDate);

        // Saving again with the version now shown keeps Daan's input.
        var third = await daan.PostFormAsync(post, doc.FormFields(selector), url);
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        await using var last = app.CreateDb();
        Assert.Equal(new DateOnly(2027, 12, 31), (await last.Contracts.SingleAsync(c => c.Id == contract.Id)).EndDate);
    }
}
