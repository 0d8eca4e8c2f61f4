using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Startpunt.Web.Data.Sqlite;

namespace Startpunt.Web.Data.Migrations.Sqlite;

/// <summary>A contract manager can deactivate a provider; existing providers stay active.</summary>
[DbContext(typeof(SqliteStartpuntDb))]
[Migration("20261122000400_ProviderDeactivation")]
public sealed class ProviderDeactivation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE "Providers" ADD "DeactivatedAt" TEXT NULL""");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("DeactivatedAt", "Providers");
}
