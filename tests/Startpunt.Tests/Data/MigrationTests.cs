using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data;
using Startpunt.Web.Data.PostgreSql;
using Startpunt.Web.Data.Sqlite;

namespace Startpunt.Tests.Data;

/// <summary>The migrations build exactly the schema the model describes, and re-running set-up keeps data.</summary>
public sealed class MigrationTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Fact]
    public void Neither_provider_has_model_changes_without_a_migration()
    {
        // The same check as `dotnet ef migrations has-pending-model-changes` (scripts/test.sh runs that too).
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: add a migration (README, Schema changes)");
        Assert.False(postgreSql.Database.HasPendingModelChanges(), "PostgreSQL: add a migration (README, Schema changes)");
    }

    [Fact]
    public async Task Migrated_schema_equals_the_schema_the_model_would_create()
    {
        await using var db = app.CreateDb();
        var modelPath = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"model-{Guid.NewGuid():N}.db");
        try
        {
            await using (var model = new SqliteConnection($"Data Source={modelPath};Pooling=False"))
            {
                await model.OpenAsync();
                await using var cmd = model.CreateCommand();
                cmd.CommandText = db.Database.GenerateCreateScript();
                await cmd.ExecuteNonQueryAsync();
            }
            var expected = await SchemaAsync($"Data Source={modelPath};Pooling=False");
            var actual = await SchemaAsync($"Data Source={app.DatabasePath};Pooling=False");
            Assert.Equal(expected.Keys.Order(), actual.Keys.Where(k => expected.ContainsKey(k) || !IsExtra(k)).Order());
            foreach (var (table, description) in expected) Assert.Equal(description, actual[table]);
        }
        finally
        {
            File.Delete(modelPath);
        }
    }

    [Fact]
    public async Task Running_the_set_up_step_again_keeps_every_offer_and_adds_nothing_twice()
    {
        await using var before = app.CreateDb();
        var counts = (await before.Offers.CountAsync(), await before.Providers.CountAsync(), await before.Products.CountAsync(), await before.PostcodeAreas.CountAsync());
        var firstConfirmed = await before.Offers.OrderBy(o => o.Id).Select(o => o.Availability.ConfirmedAt).FirstAsync();

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().RunAsync();

        await using var after = app.CreateDb();
        Assert.Equal(counts, (await after.Offers.CountAsync(), await after.Providers.CountAsync(), await after.Products.CountAsync(), await after.PostcodeAreas.CountAsync()));
        Assert.Equal(firstConfirmed, await after.Offers.OrderBy(o => o.Id).Select(o => o.Availability.ConfirmedAt).FirstAsync());
    }

    [Fact]
    public async Task The_full_text_index_follows_changes_to_an_offer()
    {
        await using var db = app.CreateDb();
        var offer = await db.Offers.OrderBy(o => o.Id).FirstAsync();
        offer.SearchText += " kantklossen";
        await db.SaveChangesAsync();
        var hits = await db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM OfferSearch WHERE OfferSearch MATCH 'kantklossen'").ToListAsync();
        Assert.Equal([offer.Id], hits.Select(h => (int)h));
    }

    [Fact]
    public async Task Upgrading_from_the_first_schema_keeps_every_row()
    {
        var path = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"upgrade-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteStartpuntDb>().UseSqlite($"Data Source={path};Pooling=False").Options;
        try
        {
            await using (var db = new SqliteStartpuntDb(options))
            {
                await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261122000000_Initial");
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO Regions (Id, Name, Intro, Source, GreenMaxWeeks, OrangeMaxWeeks, FreshnessDays) VALUES ('r', 'Regio', '', '', 2, 6, 14);
                    INSERT INTO Lots (Id, RegionId, Code, Name, SortOrder) VALUES (1, 'r', 'l', 'Perceel', 0);
                    INSERT INTO Products (Id, RegionId, LotId, Code, Name, UnitCode, CategoryCode, Kind, Delivery, Description, SortOrder)
                        VALUES (1, 'r', 1, 'p', 'Dagbesteding', '16', '07', 'Dagbesteding', 'Location', '', 0);
                    INSERT INTO Providers (Id, Name, Description, IsDemo) VALUES (1, 'Zorg BV', '', 0);
                    INSERT INTO Offers (Id, ProviderId, RegionId, ProductId, Description, Days, Transport, Paused, IntakeOpen, WaitingWeeks, SearchText, CreatedAt, UpdatedAt, Version)
                        VALUES (1, 1, 'r', 1, 'Houtbewerking', 0, 'None', 0, 1, 3, 'Zorg BV houtbewerking', '2026-01-01', '2026-01-01', 0);
                    """);
            }
            await using (var db = new SqliteStartpuntDb(options))
            {
                await db.Database.MigrateAsync();
                var offer = await db.Offers.Include(o => o.Provider).SingleAsync();
                Assert.Equal(("Zorg BV", 3, (DateTime?)null), (offer.Provider!.Name, offer.Availability.WaitingWeeks, offer.RemovedAt));
                var found = await db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM OfferSearch WHERE OfferSearch MATCH 'houtbewerking'").ToListAsync();
                Assert.Equal([1L], found);
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Upgrading_gives_existing_rows_public_ids_that_stay_and_can_be_looked_up()
    {
        var path = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"upgrade-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteStartpuntDb>().UseSqlite($"Data Source={path};Pooling=False").Options;
        try
        {
            await using (var db = new SqliteStartpuntDb(options))
            {
                await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261122000100_AccountsAndHistory");
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO Regions (Id, Name, Intro, Source, GreenMaxWeeks, OrangeMaxWeeks, FreshnessDays) VALUES ('r', 'Regio', '', '', 2, 6, 14);
                    INSERT INTO Lots (Id, RegionId, Code, Name, SortOrder) VALUES (1, 'r', 'l', 'Perceel', 0);
                    INSERT INTO Products (Id, RegionId, LotId, Code, Name, UnitCode, CategoryCode, Kind, Delivery, Description, SortOrder)
                        VALUES (1, 'r', 1, 'p', 'Dagbesteding', '16', '07', 'Dagbesteding', 'Location', '', 0);
                    INSERT INTO Providers (Id, Name, Description, IsDemo) VALUES (1, 'Zorg BV', '', 0), (2, 'Hulp BV', '', 0);
                    INSERT INTO Locations (Id, ProviderId, Name, Street, HouseNumber, Postcode, Town, Latitude, Longitude)
                        VALUES (1, 1, 'Kas', 'Dorpsstraat', '1', '1621 AB', 'Hoorn', 52.64, 5.06);
                    INSERT INTO Offers (Id, ProviderId, RegionId, ProductId, LocationId, Description, Days, Transport, Paused, IntakeOpen, WaitingWeeks, SearchText, CreatedAt, UpdatedAt, Version)
                        VALUES (1, 1, 'r', 1, 1, 'Houtbewerking', 0, 'None', 0, 1, 3, 'Zorg BV houtbewerking', '2026-01-01', '2026-01-01', 0),
                               (2, 2, 'r', 1, NULL, 'Tuin', 0, 'None', 0, 1, 3, 'Hulp BV tuin', '2026-01-01', '2026-01-01', 0);
                    """);
            }
            await using (var db = new SqliteStartpuntDb(options))
            {
                await db.Database.MigrateAsync();
                var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
                var offers = await db.Offers.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
                var location = await db.Locations.AsNoTracking().SingleAsync();
                Guid[] ids = [.. providers.Select(p => p.PublicId), .. offers.Select(o => o.PublicId), location.PublicId];
                Assert.Equal(ids.Length, ids.Distinct().Count());
                Assert.All(ids, id => Assert.Equal(4, id.Version));
                // Written by SQL, read and compared by EF: the stored text is what EF writes for a Guid.
                Assert.Equal(2, (await db.Offers.SingleAsync(o => o.PublicId == offers[1].PublicId)).Id);
                Assert.Equal("Zorg BV", (await db.Providers.SingleAsync(p => p.PublicId == providers[0].PublicId)).Name);
                Assert.All(providers, p => Assert.True(p.UpdatedAt > new DateTime(2020, 1, 1)));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool IsExtra(string name) => name.StartsWith("OfferSearch", StringComparison.Ordinal) || name.StartsWith("__EF", StringComparison.Ordinal);

    /// <summary>Per table: its columns (name, type, not null, key position) and its indexes with their columns.</summary>
    private static async Task<Dictionary<string, string>> SchemaAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var schema = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var parts = new List<string>();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) parts.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetInt64(2)} {reader.GetInt64(3)}");
            }
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT il.name, il.\"unique\", group_concat(ii.name) FROM pragma_index_list('{table}') il, pragma_index_info(il.name) ii GROUP BY il.name ORDER BY il.name";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) parts.Add($"index {reader.GetString(0)} {reader.GetInt64(1)} {reader.GetString(2)}");
            }
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\"";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) parts.Add($"fk {reader.GetString(0)}.{reader.GetString(2)} <- {reader.GetString(1)} {reader.GetString(3)}");
            }
            schema[table] = string.Join("\n", parts);
        }
        return schema;
    }
}
