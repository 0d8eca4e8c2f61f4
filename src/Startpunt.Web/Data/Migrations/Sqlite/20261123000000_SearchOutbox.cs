using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Startpunt.Web.Data.Sqlite;

namespace Startpunt.Web.Data.Migrations.Sqlite;

/// <summary>
/// The search outbox: one row per change that an external search index (Meilisearch) must follow, written in the
/// same transaction as the change. A new table only; existing data is untouched.
/// </summary>
[DbContext(typeof(SqliteStartpuntDb))]
[Migration("20261123000000_SearchOutbox")]
public sealed class AddSearchOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "SearchOutbox" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_SearchOutbox" PRIMARY KEY AUTOINCREMENT,
                "OfferId" INTEGER NOT NULL,
                "EnqueuedAt" TEXT NOT NULL,
                "ProcessedAt" TEXT NULL,
                "Attempts" INTEGER NOT NULL,
                "LastError" TEXT NULL
            )
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_SearchOutbox_ProcessedAt_Id" ON "SearchOutbox" ("ProcessedAt", "Id")
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SearchOutbox");
    }
}
