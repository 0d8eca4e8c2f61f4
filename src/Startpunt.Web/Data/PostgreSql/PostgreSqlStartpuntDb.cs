using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Data.PostgreSql;

/// <summary>
/// PostgreSQL with PostGIS, for installations with several web nodes. Its migrations live in
/// Data/Migrations/PostgreSql. Beside the shared model it adds one thing: every location (and every postcode area) gets a PostGIS
/// <c>geography(Point, 4326)</c> with a GiST index, the shadow property <see cref="Position"/>, computed by the
/// database from Latitude/Longitude (a stored generated column). The shared model keeps plain latitude and
/// longitude, so code that writes a location is the same on both providers and the point can never disagree with
/// them; radius queries on PostgreSQL use <c>EF.Property&lt;Point&gt;(location, Position).IsWithinDistance(...)</c>,
/// which is <c>ST_DWithin</c> on the index.
/// </summary>
public sealed class PostgreSqlStartpuntDb(
    DbContextOptions<PostgreSqlStartpuntDb> options, AuditActor? actor = null, TimeProvider? clock = null, SearchOutbox? searchOutbox = null)
    : StartpuntDb(options, actor, clock, searchOutbox)
{
    /// <summary>The shadow property on <see cref="Domain.Location"/> with its PostGIS point.</summary>
    public const string Position = "Position";

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.UseNetTopologySuite());

    /// <summary>A PostGIS point (SRID 4326: x is longitude, y is latitude) to compare with <see cref="Position"/>.</summary>
    public static Point PointAt(double latitude, double longitude) => new(longitude, latitude) { SRID = 4326 };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.Entity<Domain.Location>(b => AddPosition(b));
        modelBuilder.Entity<Geo.PostcodeArea>(b => AddPosition(b));
    }

    /// <summary>The point of a row with Latitude and Longitude, kept by the database itself, with a GiST index.</summary>
    private static void AddPosition<T>(EntityTypeBuilder<T> b) where T : class
    {
        b.Property<Point>(Position)
            .HasColumnType("geography (point, 4326)")
            .HasComputedColumnSql("""ST_SetSRID(ST_MakePoint("Longitude", "Latitude"), 4326)::geography""", stored: true);
        b.HasIndex(Position).HasMethod("gist");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Every time in the portal is UTC (TimeProvider.GetUtcNow().UtcDateTime); SQLite hands them back without a
        // kind, and Npgsql writes only UTC to timestamptz. The converter states what is true of every value.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    // Statistics are autovacuum's job; after a bulk import they are refreshed at once.
    public override async Task OptimizeAsync(CancellationToken ct) => await Database.ExecuteSqlRawAsync("ANALYZE;", ct);

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>For `dotnet ef migrations add X --context PostgreSqlStartpuntDb`: the model needs no server.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlStartpuntDb>
{
    public PostgreSqlStartpuntDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlStartpuntDb>();
        PostgreSqlStartpuntDb.Configure(options, "Host=localhost;Database=startpunt_design");
        return new PostgreSqlStartpuntDb(options.Options);
    }
}
