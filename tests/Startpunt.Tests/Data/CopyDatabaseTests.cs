using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Startpunt.Tests.Infrastructure;
using Startpunt.Tests.OfferSearch;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Moving;
using Startpunt.Web.Data.PostgreSql;
using Startpunt.Web.Domain;
using Startpunt.Web.OfferSearch;
using Startpunt.Web.OfferSearch.InProcess;

namespace Startpunt.Tests.Data;

/// <summary>The portal on a PostgreSQL database that `copy-database` filled (it owns and drops that database).</summary>
public sealed class CopiedPostgreSqlFactory(string connectionString, FixedClock clock) : StartpuntFactory(clock)
{
    protected override bool UsePostgreSql => true;
    protected override string PostgreSqlDatabase() => connectionString;
}

/// <summary>A SQLite installation with the demo and the search contract's data set, copied once into a new PostgreSQL database.</summary>
public sealed class CopiedInstallation : IAsyncLifetime
{
    public StartpuntFactory Source { get; } = new();
    public string Target { get; private set; } = "";
    public string Output { get; private set; } = "";
    /// <summary>A value the SQLite installation protected with its keys.</summary>
    public string Protected { get; private set; } = "";
    public CopiedPostgreSqlFactory Copy { get; private set; } = null!;
    /// <summary>Rows per table right after the copy, in SQLite and in PostgreSQL (before the tests add anything).</summary>
    public Dictionary<string, (long Sqlite, long PostgreSql)> Counts { get; } = [];

    public async Task InitializeAsync()
    {
        await Source.Services.GetRequiredService<InProcessOfferIndex>().WhenReady;
        await ContractData.SeedAsync(Source);
        Protected = Source.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("move").Protect("nog leesbaar");
        Target = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CopyDatabaseCommand.RunAsync(Source.Services, Target, output, errors);
        Assert.True(code == 0, $"copy-database ended with {code}: {errors}");
        Output = output.ToString();
        await using var sqlite = Source.CreateDb();
        foreach (var (table, count) in await CopyDatabaseTests.CountsAsync(Target))
        {
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            Counts[table] = (await sqlite.Database.SqlQueryRaw<long>(sql).SingleAsync(), count);
        }
        Copy = new CopiedPostgreSqlFactory(Target, Source.Clock);
    }

    public Task DisposeAsync()
    {
        Copy.Dispose();
        Source.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Moving a SQLite installation to PostgreSQL: every table with its ids, the history as it was, search as before.</summary>
public sealed class CopyDatabaseTests(CopiedInstallation moved) : IClassFixture<CopiedInstallation>
{
    [Fact]
    public async Task Every_table_has_as_many_rows_in_postgresql_as_in_sqlite()
    {
        var counts = moved.Counts;
        Assert.True(counts.Count > 20, "the copy covers the whole model");
        foreach (var (table, (sqlite, postgreSql)) in counts.Where(c => c.Key != "DataProtectionKeys"))
            Assert.True(sqlite == postgreSql, $"{table}: {sqlite} rows in SQLite, {postgreSql} in PostgreSQL");
        Assert.True(counts["Offers"].Sqlite > 100);
        Assert.True(counts["AuditEntries"].Sqlite > 100);
        Assert.Contains($"Offers: {counts["Offers"].Sqlite} rows", moved.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_installation_protected_with_its_keys_stays_readable_after_the_move()
    {
        // The key folder went into the key table (cookies, links and authenticator keys keep working).
        Assert.True(moved.Counts["DataProtectionKeys"].PostgreSql > 0);
        var protector = moved.Copy.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("move");
        Assert.Equal("nog leesbaar", protector.Unprotect(moved.Protected));
    }

    [Fact]
    public async Task Offers_and_history_keep_their_ids_and_contents()
    {
        await using var sqlite = moved.Source.CreateDb();
        await using var postgres = Postgres();
        var history = await sqlite.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        // The tests may add history to the copy afterwards, after the copied entries.
        var copied = await postgres.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Take(history.Count).ToListAsync();
        Assert.Equal(history.Select(Describe), copied.Select(Describe));

        var offers = await sqlite.Offers.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.ProviderId, o.ProductId, o.Availability.WaitingWeeks, o.Availability.ConfirmedAt, o.Version }).ToListAsync();
        offers = offers.Select(o => o with { ConfirmedAt = o.ConfirmedAt is { } at ? new DateTime(at.Ticks / 10 * 10) : null }).ToList();
        var copiedOffers = await postgres.Offers.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.ProviderId, o.ProductId, o.Availability.WaitingWeeks, o.Availability.ConfirmedAt, o.Version }).ToListAsync();
        Assert.Equal(offers, copiedOffers);

        // The PostGIS points follow from the copied coordinates.
        var point = await postgres.Locations.OrderBy(l => l.Id).Select(l => new { l.Latitude, l.Longitude, P = EF.Property<NetTopologySuite.Geometries.Point>(l, PostgreSqlStartpuntDb.Position) }).FirstAsync();
        Assert.Equal((point.Longitude, point.Latitude), (point.P.X, point.P.Y));
    }

    private static string Describe(OfferHit h) =>
        $"{h.OfferId}|{h.DistanceKm:R}|{h.Stoplight.Colour}|{h.Stoplight.WaitingWeeks}|{h.Stoplight.IntakeOpen}|{Microseconds(h.Stoplight.ConfirmedAt)}";

    /// <summary>PostgreSQL keeps times to the microsecond; .NET and SQLite to a tenth of one.</summary>
    private static long? Microseconds(DateTime? at) => at?.Ticks / 10;

    private static string Describe(AuditEntry a) =>
        $"{a.Id}|{a.EntityType}|{a.EntityId}|{a.ProviderId}|{a.Action}|{Microseconds(a.At)}|{a.UserId}|{a.UserName}|{a.Changes}";

    [Fact]
    public async Task The_copy_hands_out_new_ids_after_the_copied_ones()
    {
        await using var db = moved.Copy.CreateDb();
        var highest = await db.Providers.MaxAsync(p => p.Id);
        var historyBefore = await db.AuditEntries.MaxAsync(a => a.Id);
        var provider = new Provider { Name = "Na de verhuizing", Description = "" };
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        Assert.True(provider.Id > highest);
        Assert.True(await db.AuditEntries.MaxAsync(a => a.Id) > historyBefore);
    }

    [Theory]
    [MemberData(nameof(ContractQueries.Names), MemberType = typeof(ContractQueries))]
    public async Task Search_answers_the_same_before_and_after_the_move(string name)
    {
        await moved.Copy.Services.GetRequiredService<InProcessOfferIndex>().WhenReady;
        var query = ContractQueries.Get(name, await CatalogueAsync());
        using var before = moved.Source.Services.CreateScope();
        using var after = moved.Copy.Services.CreateScope();
        for (var page = 1; page <= 3; page++)
        {
            var expected = await before.ServiceProvider.GetRequiredService<IOfferSearch>().SearchAsync(query with { Page = page });
            var actual = await after.ServiceProvider.GetRequiredService<IOfferSearch>().SearchAsync(query with { Page = page });
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Hits.Select(Describe), actual.Hits.Select(Describe));
        }
    }

    [Fact]
    public async Task A_database_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        var before = await CountsAsync(moved.Target);
        var errors = new StringWriter();
        Assert.Equal(4, await CopyDatabaseCommand.RunAsync(moved.Source.Services, moved.Target, new StringWriter(), errors));
        Assert.Contains("not empty", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(moved.Target));
    }

    [Fact]
    public async Task Copying_from_postgresql_or_without_a_target_is_refused()
    {
        var errors = new StringWriter();
        Assert.Equal(2, await CopyDatabaseCommand.RunAsync(moved.Copy.Services, moved.Target, new StringWriter(), errors));
        Assert.Contains("SQLite installation", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await CopyDatabaseCommand.RunAsync(moved.Source.Services, null, new StringWriter(), new StringWriter()));
    }

    /// <summary>The PostgreSQL back-up the README describes: pg_dump -Fc, then pg_restore into a new database.</summary>
    [Fact]
    public async Task A_pg_dump_restores_into_a_new_database_with_the_same_rows()
    {
        var server = await PostgresServer.SharedAsync();
        var file = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"dump-{Guid.NewGuid():N}.dump");
        var before = await CountsAsync(moved.Target);
        await PgToolAsync("pg_dump", "-Fc", "--no-owner", "-f", file, Uri(moved.Target));
        var restored = await server.CreateDatabaseAsync();
        try
        {
            await PgToolAsync("pg_restore", "--no-owner", "--exit-on-error", "-d", Uri(restored), file);
            Assert.Equal(before, await CountsAsync(restored));
            Assert.True(before["AuditEntries"] > 100);
        }
        finally
        {
            await server.DropDatabaseAsync(restored);
            File.Delete(file);
        }
    }

    private static string Uri(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
    }

    private static async Task PgToolAsync(string tool, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo($"/usr/lib/postgresql/15/bin/{tool}") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} ended with {process.ExitCode}: {await errors}");
    }

    private StartpuntDb Postgres()
    {
        var options = new DbContextOptionsBuilder<PostgreSqlStartpuntDb>();
        PostgreSqlStartpuntDb.Configure(options, moved.Target);
        return new PostgreSqlStartpuntDb(options.Options);
    }

    internal static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory' AND tablename <> 'spatial_ref_sys' ORDER BY 1", connection);
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        var counts = new Dictionary<string, long>();
        foreach (var name in names)
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{name}\"", connection);
            counts[name] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private async Task<ContractQueries.Catalogue> CatalogueAsync()
    {
        await using var db = moved.Source.CreateDb();
        var products = await db.Products.Where(p => p.RegionId == ContractData.Region).ToListAsync();
        List<int> Of(ProductKind kind) => products.Where(p => p.Kind == kind).Select(p => p.Id).Order().ToList();
        var ggz = await db.TargetGroups.Where(t => t.SectorCode == "ggz" || t.Code == "ggz").Select(t => t.Code).ToListAsync();
        return new ContractQueries.Catalogue(Of(ProductKind.Dagbesteding), Of(ProductKind.Begeleiding), Of(ProductKind.Huishouden), ggz);
    }
}
