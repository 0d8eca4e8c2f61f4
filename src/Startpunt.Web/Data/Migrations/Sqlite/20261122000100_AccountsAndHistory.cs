using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Startpunt.Web.Data.Sqlite;

namespace Startpunt.Web.Data.Migrations.Sqlite;

/// <summary>
/// Accounts (ASP.NET Core Identity), organisation membership, invitations, append-only history, reminders, and
/// removal of offers that keeps their history. Existing data is kept: the one change to an existing table adds a column.
/// </summary>
[DbContext(typeof(SqliteStartpuntDb))]
[Migration("20261122000100_AccountsAndHistory")]
public sealed class AccountsAndHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "Offers" ADD "RemovedAt" TEXT NULL""");
        migrationBuilder.Sql("""
            CREATE TABLE "AspNetRoles" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
                "Name" TEXT NULL,
                "NormalizedName" TEXT NULL,
                "ConcurrencyStamp" TEXT NULL
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "AuditEntries" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
                "EntityType" TEXT NOT NULL,
                "EntityId" INTEGER NOT NULL,
                "ProviderId" INTEGER NULL,
                "Action" TEXT NOT NULL,
                "At" TEXT NOT NULL,
                "UserId" TEXT NULL,
                "UserName" TEXT NOT NULL,
                "Changes" TEXT NOT NULL
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "AspNetRoleClaims" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
                "RoleId" TEXT NOT NULL,
                "ClaimType" TEXT NULL,
                "ClaimValue" TEXT NULL,
                CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Reminders" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Reminders" PRIMARY KEY AUTOINCREMENT,
                "ProviderId" INTEGER NOT NULL,
                "SentAt" TEXT NOT NULL,
                "OfferCount" INTEGER NOT NULL,
                "SentBy" TEXT NULL,
                CONSTRAINT "FK_Reminders_Providers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Providers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "AspNetUsers" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
                "DisplayName" TEXT NOT NULL,
                "RegionId" TEXT NULL,
                "CreatedAt" TEXT NOT NULL,
                "IsDemo" INTEGER NOT NULL,
                "Deactivated" INTEGER NOT NULL,
                "UserName" TEXT NULL,
                "NormalizedUserName" TEXT NULL,
                "Email" TEXT NULL,
                "NormalizedEmail" TEXT NULL,
                "EmailConfirmed" INTEGER NOT NULL,
                "PasswordHash" TEXT NULL,
                "SecurityStamp" TEXT NULL,
                "ConcurrencyStamp" TEXT NULL,
                "PhoneNumber" TEXT NULL,
                "PhoneNumberConfirmed" INTEGER NOT NULL,
                "TwoFactorEnabled" INTEGER NOT NULL,
                "LockoutEnd" TEXT NULL,
                "LockoutEnabled" INTEGER NOT NULL,
                "AccessFailedCount" INTEGER NOT NULL,
                CONSTRAINT "FK_AspNetUsers_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Invitations" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY AUTOINCREMENT,
                "Email" TEXT NOT NULL,
                "Role" TEXT NOT NULL,
                "ProviderId" INTEGER NULL,
                "RegionId" TEXT NULL,
                "TokenHash" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "ExpiresAt" TEXT NOT NULL,
                "UsedAt" TEXT NULL,
                "InvitedBy" TEXT NOT NULL,
                CONSTRAINT "FK_Invitations_Providers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Providers" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_Invitations_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "AspNetUserClaims" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
                "UserId" TEXT NOT NULL,
                "ClaimType" TEXT NULL,
                "ClaimValue" TEXT NULL,
                CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "AspNetUserLogins" (
                "LoginProvider" TEXT NOT NULL,
                "ProviderKey" TEXT NOT NULL,
                "ProviderDisplayName" TEXT NULL,
                "UserId" TEXT NOT NULL,
                CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
                CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "AspNetUserRoles" (
                "UserId" TEXT NOT NULL,
                "RoleId" TEXT NOT NULL,
                CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
                CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "AspNetUserTokens" (
                "UserId" TEXT NOT NULL,
                "LoginProvider" TEXT NOT NULL,
                "Name" TEXT NOT NULL,
                "Value" TEXT NULL,
                CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
                CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "OrganisationMembers" (
                "UserId" TEXT NOT NULL,
                "ProviderId" INTEGER NOT NULL,
                CONSTRAINT "PK_OrganisationMembers" PRIMARY KEY ("UserId", "ProviderId"),
                CONSTRAINT "FK_OrganisationMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_OrganisationMembers_Providers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Providers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId")
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_AspNetUsers_RegionId" ON "AspNetUsers" ("RegionId")
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_AuditEntries_EntityType_EntityId_At" ON "AuditEntries" ("EntityType", "EntityId", "At")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_AuditEntries_ProviderId_At" ON "AuditEntries" ("ProviderId", "At")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Invitations_ProviderId" ON "Invitations" ("ProviderId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Invitations_RegionId" ON "Invitations" ("RegionId")
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Invitations_TokenHash" ON "Invitations" ("TokenHash")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_OrganisationMembers_ProviderId" ON "OrganisationMembers" ("ProviderId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Reminders_ProviderId_SentAt" ON "Reminders" ("ProviderId", "SentAt")
            """);

        // History is append-only: the database itself refuses to change or delete it.
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" BEGIN
                SELECT RAISE(ABORT, 'history is append-only');
            END
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" BEGIN
                SELECT RAISE(ABORT, 'history is append-only');
            END
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_NoUpdate" """);
        migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_NoDelete" """);
        migrationBuilder.DropTable("OrganisationMembers");
        migrationBuilder.DropTable("AspNetUserTokens");
        migrationBuilder.DropTable("AspNetUserRoles");
        migrationBuilder.DropTable("AspNetUserLogins");
        migrationBuilder.DropTable("AspNetUserClaims");
        migrationBuilder.DropTable("Invitations");
        migrationBuilder.DropTable("AspNetUsers");
        migrationBuilder.DropTable("Reminders");
        migrationBuilder.DropTable("AspNetRoleClaims");
        migrationBuilder.DropTable("AuditEntries");
        migrationBuilder.DropTable("AspNetRoles");
        migrationBuilder.DropColumn("RemovedAt", "Offers");
    }
}
