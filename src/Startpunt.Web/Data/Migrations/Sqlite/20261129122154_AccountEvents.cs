using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Startpunt.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true)
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

            // The account history is append-only, like AuditEntries: the database itself refuses to change or delete it.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AccountEvents_NoUpdate" BEFORE UPDATE ON "AccountEvents" BEGIN
                    SELECT RAISE(ABORT, 'history is append-only');
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AccountEvents_NoDelete" BEFORE DELETE ON "AccountEvents" BEGIN
                    SELECT RAISE(ABORT, 'history is append-only');
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AccountEvents_NoUpdate" """);
            migrationBuilder.Sql("""DROP TRIGGER "AccountEvents_NoDelete" """);
            migrationBuilder.DropTable(
                name: "AccountEvents");
        }
    }
}
