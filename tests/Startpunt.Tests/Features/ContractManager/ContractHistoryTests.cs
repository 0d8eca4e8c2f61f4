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

    private static FieldChange Change(AuditEntry entry, string field) => History.Changes(entry).Single(c => c.Field == field);

    private static List<KeyValuePair<string, string>> Form(int? productId, string start, string? end, IEnumerable<string> municipalities) =>
        new List<KeyValuePair<string, string>> { new("Input.Start", start), new("Input.End", end ?? "") }
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
        await client.PostFormAsync($"{url}?regio=westfriesland&contractId={contract.Id}", Form(null, "2026-01-01", "2026-12-31", codes.Skip(1).Take(2)), url);
        var third = (await EntriesAsync(contract.Id)).Last();
        Assert.Equal((AuditActions.Ended, Manager), (third.Action, third.UserName));
        Assert.Equal((null, "2026-12-31"), (Change(third, "EndDate").Old, Change(third, "EndDate").New));
        Assert.Equal(3, (await EntriesAsync(contract.Id)).Count);
    }
}
