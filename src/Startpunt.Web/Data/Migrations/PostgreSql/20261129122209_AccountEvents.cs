using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Startpunt.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AccountEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SubjectName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProviderId = table.Column<int>(type: "integer", nullable: true),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountEvents_At",
                table: "AccountEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AccountEvents_ProviderId_At",
                table: "AccountEvents",
                columns: new[] { "ProviderId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountEvents_SubjectId_At",
                table: "AccountEvents",
                columns: new[] { "SubjectId", "At" });

            // The account history is append-only, like AuditEntries (same refusing function, from the initial migration).
            migrationBuilder.Sql("""
                CREATE TRIGGER "AccountEvents_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AccountEvents"
                    FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"()
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AccountEvents_NoTruncate" BEFORE TRUNCATE ON "AccountEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_AppendOnly"()
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AccountEvents_NoTruncate" ON "AccountEvents" """);
            migrationBuilder.Sql("""DROP TRIGGER "AccountEvents_NoUpdateOrDelete" ON "AccountEvents" """);
            migrationBuilder.DropTable(
                name: "AccountEvents");
        }
    }
}
