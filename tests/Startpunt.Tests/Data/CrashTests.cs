using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Data;

/// <summary>
/// The app on a real SQLite file, with a database command that fails halfway through a change: the crash between
/// two steps. Afterwards the database holds the old state, whole: no half change, no entry without its change.
/// </summary>
public sealed class CrashFactory : StartpuntFactory
{
    public FailingCommand Failure { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<Startpunt.Web.Data.Sqlite.SqliteStartpuntDb>(o => o.AddInterceptors(Failure)));
    }
}

/// <summary>Throws once, on the first command whose SQL contains the armed text, as a crash at that point would.</summary>
public sealed class FailingCommand : DbCommandInterceptor
{
    private string? _armed;
    public bool Fired { get; private set; }

    public void Arm(string sqlFragment) => (_armed, Fired) = (sqlFragment, false);

    private void Check(DbCommand command)
    {
        if (_armed is null || !command.CommandText.Contains(_armed, StringComparison.Ordinal)) return;
        _armed = null;
        Fired = true;
        throw new IOException("Simulated crash between two steps of a change.");
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class CrashTests(CrashFactory app) : IClassFixture<CrashFactory>
{
    private async Task CrashAsync(string sql, Func<Task<HttpResponseMessage>> action)
    {
        app.Failure.Arm(sql);
        try { (await action()).Dispose(); } catch (IOException) { }
        Assert.True(app.Failure.Fired, $"no command with {sql} ran");
    }

    private async Task<int> EntryCountAsync()
    {
        await using var db = app.CreateDb();
        return await db.AuditEntries.CountAsync();
    }

    [Fact]
    public async Task A_crash_between_a_rename_and_the_offers_search_text_leaves_the_old_name_everywhere()
    {
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var fields = (await anna.GetDocumentAsync($"/aanbieder/{providerId}/profiel")).FormFields("form.narrow-form");
        var oldName = fields.Single(f => f.Key == "Input.Name").Value;
        var entries = await EntryCountAsync();

        await CrashAsync("UPDATE \"Offers\"", () => anna.PostFormAsync($"/aanbieder/{providerId}/profiel", fields.With("Input.Name", "Nieuwe Naam BV"), $"/aanbieder/{providerId}/profiel"));

        await using var db = app.CreateDb();
        Assert.Equal(oldName, (await db.Providers.SingleAsync(p => p.Id == providerId)).Name);
        Assert.DoesNotContain(await db.Offers.Where(o => o.ProviderId == providerId).Select(o => o.SearchText).ToListAsync(), t => t.Contains("Nieuwe Naam BV"));
        Assert.Equal(entries, await EntryCountAsync());
    }

    [Fact]
    public async Task A_crash_between_a_location_change_and_its_offers_leaves_the_old_location()
    {
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        await using var before = app.CreateDb();
        var location = await before.Locations.AsNoTracking().FirstAsync(l => l.ProviderId == providerId && before.Offers.Any(o => o.LocationId == l.Id));
        var url = $"/aanbieder/{providerId}/locaties/{location.Id}";
        var fields = (await anna.GetDocumentAsync(url)).FormFields("form.narrow-form");

        await CrashAsync("UPDATE \"Offers\"", () => anna.PostFormAsync(url, fields.With("Input.Name", "Andere Naam"), url));

        await using var db = app.CreateDb();
        Assert.Equal(location.Name, (await db.Locations.SingleAsync(l => l.Id == location.Id)).Name);
        Assert.DoesNotContain(await db.Offers.Where(o => o.LocationId == location.Id).Select(o => o.SearchText).ToListAsync(), t => t.Contains("Andere Naam"));
    }

    [Fact]
    public async Task A_crash_between_a_new_offer_and_its_history_leaves_no_offer()
    {
        var anna = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var page = await anna.GetDocumentAsync($"/aanbieder/{providerId}/aanbod/nieuw");
        await using var before = app.CreateDb();
        var product = await before.Contracts.Where(c => c.ProviderId == providerId && c.Product!.Delivery == Delivery.Location).Select(c => c.ProductId).FirstAsync();
        var location = await before.Locations.Where(l => l.ProviderId == providerId).MinAsync(l => l.Id);
        var offers = await before.Offers.CountAsync(o => o.ProviderId == providerId);
        var fields = page.FormFields("form.offer-form").With("Input.ProductId", product.ToString()).With("Input.LocationId", location.ToString())
            .With("Input.TargetGroups", "ouderen").With("Input.Description", "Crashtest");

        await CrashAsync("INSERT INTO \"AuditEntries\"", () => anna.PostFormAsync($"/aanbieder/{providerId}/aanbod/nieuw", fields, $"/aanbieder/{providerId}/aanbod/nieuw"));

        await using var db = app.CreateDb();
        Assert.Equal(offers, await db.Offers.IgnoreQueryFilters().CountAsync(o => o.ProviderId == providerId));
        Assert.Empty(await db.Set<OfferTargetGroup>().Where(t => !db.Offers.IgnoreQueryFilters().Any(o => o.Id == t.OfferId)).ToListAsync());
    }

    [Fact]
    public async Task A_crash_between_a_contract_and_its_history_leaves_no_contract_and_no_municipalities()
    {
        var manager = await app.SignedInAsync(DemoData.ContractManagerEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        await using var before = app.CreateDb();
        var product = await before.Products.Where(p => p.RegionId == "westfriesland").Select(p => p.Id).FirstAsync();
        var contracts = await before.Contracts.CountAsync();
        var existing = await before.Contracts.Include(c => c.Municipalities).FirstAsync(c => c.ProviderId == providerId && c.Product!.RegionId == "westfriesland");
        var url = $"/regio/aanbieders/{providerId}";
        List<KeyValuePair<string, string>> create = [new("Input.ProductId", product.ToString()), new("Input.Start", "2026-01-01"), new("Input.Municipalities", "GM0405")];
        await CrashAsync("INSERT INTO \"AuditEntries\"", () => manager.PostFormAsync($"{url}?regio=westfriesland", create, url));

        var other = await before.Municipalities.Where(m => m.RegionId == "westfriesland").Select(m => m.Code).OrderByDescending(c => c).FirstAsync();
        List<KeyValuePair<string, string>> change = [new("Input.Start", "2020-01-01"), new("Input.Municipalities", other)];
        await CrashAsync("INSERT INTO \"AuditEntries\"", () => manager.PostFormAsync($"{url}?regio=westfriesland&contractId={existing.Id}", change, url));

        await using var db = app.CreateDb();
        Assert.Equal(contracts, await db.Contracts.CountAsync());
        var after = await db.Contracts.Include(c => c.Municipalities).SingleAsync(c => c.Id == existing.Id);
        Assert.Equal(existing.StartDate, after.StartDate);
        Assert.Equal(existing.Municipalities.Select(m => m.MunicipalityCode).Order(), after.Municipalities.Select(m => m.MunicipalityCode).Order());
    }

    [Fact]
    public async Task A_crash_between_a_regions_deactivation_and_pausing_its_offers_leaves_the_provider_active_there()
    {
        var manager = await app.SignedInAsync(DemoData.ContractManagerEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        await using var before = app.CreateDb();
        var visible = await before.Offers.CountAsync(o => o.ProviderId == providerId && o.RegionId == "westfriesland" && !o.Paused);
        Assert.True(visible > 0);
        var entries = await EntryCountAsync();

        await CrashAsync("UPDATE \"Offers\"", () => manager.PostFormAsync($"/regio/aanbieders?handler=Deactivate&providerId={providerId}",
            new() { ["Reason"] = "Contract opgezegd" }, tokenPage: "/regio/aanbieders"));

        await using var db = app.CreateDb();
        Assert.False(await db.ProviderDeactivations.AnyAsync(d => d.ProviderId == providerId));
        Assert.Equal(visible, await db.Offers.CountAsync(o => o.ProviderId == providerId && o.RegionId == "westfriesland" && !o.Paused));
        Assert.Equal(entries, await EntryCountAsync());
    }
}
