using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Startpunt.Web.Data.Sqlite;

namespace Startpunt.Web.Data.Migrations.Sqlite;

/// <summary>
/// For the open data (HSDS API and exports): a stable public UUID for providers, locations and offers, a last-modified
/// time for providers, locations and the catalogue, and the province of each municipality. Existing rows keep their
/// data: each gets a new random UUID (version 4, upper case as EF stores a Guid in SQLite) and the migration's time
/// as its last change, so a consumer that synchronises with modified_after fetches them once more.
/// </summary>
[DbContext(typeof(SqliteStartpuntDb))]
[Migration("20261122060000_OpenData")]
public sealed class OpenData : Migration
{
    private const string NewUuid = """
        upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
              || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
        """;

    private const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now')";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Providers", "Locations", "Offers" })
        {
            migrationBuilder.Sql($"""ALTER TABLE "{table}" ADD "PublicId" TEXT NOT NULL DEFAULT ''""");
            migrationBuilder.Sql($"""UPDATE "{table}" SET "PublicId" = {NewUuid}""");
            migrationBuilder.Sql($"""CREATE UNIQUE INDEX "IX_{table}_PublicId" ON "{table}" ("PublicId")""");
        }
        foreach (var table in new[] { "Providers", "Locations", "Products", "ProductLevels", "TargetGroups" })
        {
            migrationBuilder.Sql($"""ALTER TABLE "{table}" ADD "UpdatedAt" TEXT NOT NULL DEFAULT '0001-01-01 00:00:00'""");
            migrationBuilder.Sql($"""UPDATE "{table}" SET "UpdatedAt" = {Now}""");
        }
        migrationBuilder.Sql("""ALTER TABLE "Municipalities" ADD "Province" TEXT NOT NULL DEFAULT ''""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("Province", "Municipalities");
        foreach (var table in new[] { "Providers", "Locations", "Products", "ProductLevels", "TargetGroups" })
            migrationBuilder.DropColumn("UpdatedAt", table);
        foreach (var table in new[] { "Providers", "Locations", "Offers" })
        {
            migrationBuilder.DropIndex($"IX_{table}_PublicId", table);
            migrationBuilder.DropColumn("PublicId", table);
        }
    }
}
