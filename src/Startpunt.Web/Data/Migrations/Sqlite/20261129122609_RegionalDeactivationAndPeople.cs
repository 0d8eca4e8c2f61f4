using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Startpunt.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegionalDeactivationAndPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsAdministrator",
                table: "OrganisationMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PausedByDeactivation",
                table: "Offers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "OrganisationAdministrator",
                table: "Invitations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSignInAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProviderDeactivations",
                columns: table => new
                {
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DeactivatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeactivatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderDeactivations", x => new { x.ProviderId, x.RegionId });
                    table.ForeignKey(
                        name: "FK_ProviderDeactivations_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProviderDeactivations_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderDeactivations_RegionId",
                table: "ProviderDeactivations",
                column: "RegionId");

            // A provider deactivated before deactivation was per region stays deactivated in each region it has offers in;
            // the offers that deactivation paused come back when the region undoes it, and its people (switched off with
            // it then) can sign in again: from now on they only lose those offers. Every member so far managed colleagues.
            migrationBuilder.Sql("""
                INSERT INTO "ProviderDeactivations" ("ProviderId", "RegionId", "Reason", "DeactivatedAt", "DeactivatedBy")
                SELECT DISTINCT p."Id", o."RegionId", 'Gedeactiveerd door de contractmanager', p."DeactivatedAt", 'Systeem'
                FROM "Providers" p JOIN "Offers" o ON o."ProviderId" = p."Id" WHERE p."DeactivatedAt" IS NOT NULL;
                UPDATE "Offers" SET "PausedByDeactivation" = 1 WHERE "Paused" = 1 AND "PausedReason" = 'Gedeactiveerd door de contractmanager';
                UPDATE "AspNetUsers" SET "Deactivated" = 0 WHERE "Id" IN (SELECT m."UserId" FROM "OrganisationMembers" m
                    JOIN "Providers" p ON p."Id" = m."ProviderId" WHERE p."DeactivatedAt" IS NOT NULL);
                UPDATE "OrganisationMembers" SET "IsAdministrator" = 1;
                """);

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "Providers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProviderDeactivations");

            migrationBuilder.DropColumn(
                name: "IsAdministrator",
                table: "OrganisationMembers");

            migrationBuilder.DropColumn(
                name: "PausedByDeactivation",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "OrganisationAdministrator",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeactivatedAt",
                table: "Providers",
                type: "TEXT",
                nullable: true);
        }
    }
}
