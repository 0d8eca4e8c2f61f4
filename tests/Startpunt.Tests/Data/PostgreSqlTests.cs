using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data.PostgreSql;

namespace Startpunt.Tests.Data;

/// <summary>The PostgreSQL store: its own migrations, PostGIS points kept by the database, history append-only there too.</summary>
public sealed class PostgreSqlTests(PostgreSqlFactory app) : IClassFixture<PostgreSqlFactory>
{
    [Fact]
    public async Task The_migrations_leave_nothing_pending_and_the_store_is_postgresql()
    {
        await using var db = app.CreateDb();
        Assert.IsType<PostgreSqlStartpuntDb>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.True(await db.Offers.CountAsync() > 100);
    }

    [Fact]
    public async Task Every_location_and_postcode_area_has_a_postgis_point_of_its_own_coordinates_with_a_gist_index()
    {
        await using var db = app.CreateDb();
        var locations = await db.Locations.Select(l => new { l.Latitude, l.Longitude, Point = EF.Property<Point>(l, PostgreSqlStartpuntDb.Position) }).ToListAsync();
        Assert.NotEmpty(locations);
        Assert.All(locations, l => Assert.Equal((l.Longitude, l.Latitude, 4326), (l.Point.X, l.Point.Y, l.Point.SRID)));
        var hoorn = await db.PostcodeAreas.Where(p => p.Pc4 == 1621).Select(p => EF.Property<Point>(p, PostgreSqlStartpuntDb.Position)).SingleAsync();
        Assert.True(hoorn.Y is > 52 and < 53);

        var indexes = await db.Database.SqlQuery<string>($"""SELECT indexdef AS "Value" FROM pg_indexes WHERE indexname IN ('IX_Locations_Position', 'IX_PostcodeAreas_Position')""").ToListAsync();
        Assert.Equal(2, indexes.Count);
        Assert.All(indexes, d => Assert.Contains("USING gist", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moving_a_location_moves_its_point()
    {
        await using var db = app.CreateDb();
        var location = await db.Locations.OrderBy(l => l.Id).FirstAsync();
        location.Latitude = 52.0;
        location.Longitude = 4.5;
        await db.SaveChangesAsync();

        await using var after = app.CreateDb();
        var point = await after.Locations.Where(l => l.Id == location.Id).Select(l => EF.Property<Point>(l, PostgreSqlStartpuntDb.Position)).SingleAsync();
        Assert.Equal((4.5, 52.0), (point.X, point.Y));
    }

    [Theory]
    [InlineData("""UPDATE "AuditEntries" SET "UserName" = 'iemand anders'""")]
    [InlineData("""DELETE FROM "AuditEntries" """)]
    [InlineData("""TRUNCATE "AuditEntries" """)]
    public async Task The_database_refuses_to_change_or_remove_history(string sql)
    {
        await using var db = app.CreateDb();
        var before = await db.AuditEntries.CountAsync();
        Assert.True(before > 0);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
        Assert.Contains("history is append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await db.AuditEntries.CountAsync());
    }
}
