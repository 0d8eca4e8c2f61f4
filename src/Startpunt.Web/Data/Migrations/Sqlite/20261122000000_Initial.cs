using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Startpunt.Web.Data.Sqlite;

namespace Startpunt.Web.Data.Migrations.Sqlite;

/// <summary>
/// The first schema: regions, catalogues, providers, offers, contracts, postcodes, and the FTS5 index of offers.
/// Written by hand from `dotnet run -- schema-script` (no design-time tooling here); MigrationsMatchModelTests
/// checks that the migrated schema equals what the model would create.
/// </summary>
[DbContext(typeof(SqliteStartpuntDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "Languages" (
                "Code" TEXT NOT NULL CONSTRAINT "PK_Languages" PRIMARY KEY,
                "Name" TEXT NOT NULL,
                "NameEn" TEXT NOT NULL,
                "SortOrder" INTEGER NOT NULL
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "PostcodeAreas" (
                "Pc4" INTEGER NOT NULL CONSTRAINT "PK_PostcodeAreas" PRIMARY KEY,
                "Latitude" REAL NOT NULL,
                "Longitude" REAL NOT NULL,
                "Place" TEXT NOT NULL,
                "MunicipalityCode" TEXT NULL
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Providers" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Providers" PRIMARY KEY AUTOINCREMENT,
                "Name" TEXT NOT NULL,
                "KvkNumber" TEXT NULL,
                "Website" TEXT NULL,
                "Phone" TEXT NULL,
                "Email" TEXT NULL,
                "Description" TEXT NOT NULL,
                "IsDemo" INTEGER NOT NULL
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Regions" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
                "Name" TEXT NOT NULL,
                "Intro" TEXT NOT NULL,
                "Source" TEXT NOT NULL,
                "GreenMaxWeeks" INTEGER NOT NULL,
                "OrangeMaxWeeks" INTEGER NOT NULL,
                "FreshnessDays" INTEGER NOT NULL
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "TargetGroups" (
                "Code" TEXT NOT NULL CONSTRAINT "PK_TargetGroups" PRIMARY KEY,
                "Name" TEXT NOT NULL,
                "NameEn" TEXT NOT NULL,
                "SectorCode" TEXT NULL,
                "IsSector" INTEGER NOT NULL,
                "SortOrder" INTEGER NOT NULL
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Locations" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Locations" PRIMARY KEY AUTOINCREMENT,
                "ProviderId" INTEGER NOT NULL,
                "Name" TEXT NOT NULL,
                "Street" TEXT NOT NULL,
                "HouseNumber" TEXT NOT NULL,
                "Postcode" TEXT NOT NULL,
                "Town" TEXT NOT NULL,
                "MunicipalityCode" TEXT NULL,
                "Latitude" REAL NOT NULL,
                "Longitude" REAL NOT NULL,
                CONSTRAINT "FK_Locations_Providers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Providers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Lots" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Lots" PRIMARY KEY AUTOINCREMENT,
                "RegionId" TEXT NOT NULL,
                "Code" TEXT NOT NULL,
                "Name" TEXT NOT NULL,
                "SortOrder" INTEGER NOT NULL,
                CONSTRAINT "FK_Lots_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Municipalities" (
                "Code" TEXT NOT NULL CONSTRAINT "PK_Municipalities" PRIMARY KEY,
                "Name" TEXT NOT NULL,
                "RegionId" TEXT NULL,
                CONSTRAINT "FK_Municipalities_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id")
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Products" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Products" PRIMARY KEY AUTOINCREMENT,
                "RegionId" TEXT NOT NULL,
                "LotId" INTEGER NOT NULL,
                "Code" TEXT NOT NULL,
                "Name" TEXT NOT NULL,
                "UnitCode" TEXT NOT NULL,
                "CategoryCode" TEXT NOT NULL,
                "ProductCode" TEXT NULL,
                "Kind" TEXT NOT NULL,
                "Delivery" TEXT NOT NULL,
                "Description" TEXT NOT NULL,
                "SortOrder" INTEGER NOT NULL,
                CONSTRAINT "FK_Products_Lots_LotId" FOREIGN KEY ("LotId") REFERENCES "Lots" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Products_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Contracts" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Contracts" PRIMARY KEY AUTOINCREMENT,
                "ProviderId" INTEGER NOT NULL,
                "ProductId" INTEGER NOT NULL,
                "StartDate" TEXT NOT NULL,
                "EndDate" TEXT NULL,
                CONSTRAINT "FK_Contracts_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Contracts_Providers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Providers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "ProductLevels" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ProductLevels" PRIMARY KEY AUTOINCREMENT,
                "ProductId" INTEGER NOT NULL,
                "Code" TEXT NOT NULL,
                "Name" TEXT NOT NULL,
                "Description" TEXT NOT NULL,
                "SortOrder" INTEGER NOT NULL,
                CONSTRAINT "FK_ProductLevels_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "ContractMunicipality" (
                "ContractId" INTEGER NOT NULL,
                "MunicipalityCode" TEXT NOT NULL,
                CONSTRAINT "PK_ContractMunicipality" PRIMARY KEY ("ContractId", "MunicipalityCode"),
                CONSTRAINT "FK_ContractMunicipality_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_ContractMunicipality_Municipalities_MunicipalityCode" FOREIGN KEY ("MunicipalityCode") REFERENCES "Municipalities" ("Code") ON DELETE RESTRICT
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Offers" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Offers" PRIMARY KEY AUTOINCREMENT,
                "ProviderId" INTEGER NOT NULL,
                "RegionId" TEXT NOT NULL,
                "ProductId" INTEGER NOT NULL,
                "ProductLevelId" INTEGER NULL,
                "LocationId" INTEGER NULL,
                "Description" TEXT NOT NULL,
                "Days" INTEGER NOT NULL,
                "DayParts" TEXT NULL,
                "Transport" TEXT NOT NULL,
                "Paused" INTEGER NOT NULL,
                "PausedReason" TEXT NULL,
                "IntakeOpen" INTEGER NOT NULL,
                "WaitingWeeks" INTEGER NOT NULL,
                "FreePlaces" INTEGER NULL,
                "ConfirmedAt" TEXT NULL,
                "ConfirmedBy" TEXT NULL,
                "SearchText" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "UpdatedAt" TEXT NOT NULL,
                "Version" INTEGER NOT NULL,
                CONSTRAINT "FK_Offers_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Offers_ProductLevels_ProductLevelId" FOREIGN KEY ("ProductLevelId") REFERENCES "ProductLevels" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Offers_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Offers_Providers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Providers" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_Offers_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "OfferLanguage" (
                "OfferId" INTEGER NOT NULL,
                "LanguageCode" TEXT NOT NULL,
                CONSTRAINT "PK_OfferLanguage" PRIMARY KEY ("OfferId", "LanguageCode"),
                CONSTRAINT "FK_OfferLanguage_Languages_LanguageCode" FOREIGN KEY ("LanguageCode") REFERENCES "Languages" ("Code") ON DELETE RESTRICT,
                CONSTRAINT "FK_OfferLanguage_Offers_OfferId" FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "OfferMunicipality" (
                "OfferId" INTEGER NOT NULL,
                "MunicipalityCode" TEXT NOT NULL,
                CONSTRAINT "PK_OfferMunicipality" PRIMARY KEY ("OfferId", "MunicipalityCode"),
                CONSTRAINT "FK_OfferMunicipality_Municipalities_MunicipalityCode" FOREIGN KEY ("MunicipalityCode") REFERENCES "Municipalities" ("Code") ON DELETE RESTRICT,
                CONSTRAINT "FK_OfferMunicipality_Offers_OfferId" FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "OfferTargetGroup" (
                "OfferId" INTEGER NOT NULL,
                "TargetGroupCode" TEXT NOT NULL,
                CONSTRAINT "PK_OfferTargetGroup" PRIMARY KEY ("OfferId", "TargetGroupCode"),
                CONSTRAINT "FK_OfferTargetGroup_Offers_OfferId" FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_OfferTargetGroup_TargetGroups_TargetGroupCode" FOREIGN KEY ("TargetGroupCode") REFERENCES "TargetGroups" ("Code") ON DELETE RESTRICT
            )
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_ContractMunicipality_MunicipalityCode" ON "ContractMunicipality" ("MunicipalityCode")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Contracts_ProductId" ON "Contracts" ("ProductId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Contracts_ProviderId" ON "Contracts" ("ProviderId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Locations_Latitude_Longitude" ON "Locations" ("Latitude", "Longitude")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Locations_ProviderId" ON "Locations" ("ProviderId")
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Lots_RegionId_Code" ON "Lots" ("RegionId", "Code")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Municipalities_RegionId" ON "Municipalities" ("RegionId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_OfferLanguage_LanguageCode_OfferId" ON "OfferLanguage" ("LanguageCode", "OfferId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_OfferMunicipality_MunicipalityCode_OfferId" ON "OfferMunicipality" ("MunicipalityCode", "OfferId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Offers_LocationId" ON "Offers" ("LocationId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Offers_ProductId" ON "Offers" ("ProductId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Offers_ProductLevelId" ON "Offers" ("ProductLevelId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Offers_ProviderId" ON "Offers" ("ProviderId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Offers_RegionId_ProductId" ON "Offers" ("RegionId", "ProductId")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_OfferTargetGroup_TargetGroupCode_OfferId" ON "OfferTargetGroup" ("TargetGroupCode", "OfferId")
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_ProductLevels_ProductId_Code" ON "ProductLevels" ("ProductId", "Code")
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Products_LotId" ON "Products" ("LotId")
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Products_RegionId_Code" ON "Products" ("RegionId", "Code")
            """);

        // Full-text index over Offers.SearchText, kept in step by triggers (external content: no second copy of the text).
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE "OfferSearch" USING fts5(
                "SearchText", content='Offers', content_rowid='Id', tokenize='unicode61 remove_diacritics 2')
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Offers_SearchInsert" AFTER INSERT ON "Offers" BEGIN
                INSERT INTO "OfferSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Offers_SearchDelete" AFTER DELETE ON "Offers" BEGIN
                INSERT INTO "OfferSearch"("OfferSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            END
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Offers_SearchUpdate" AFTER UPDATE OF "SearchText" ON "Offers" BEGIN
                INSERT INTO "OfferSearch"("OfferSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                INSERT INTO "OfferSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE \"OfferSearch\"");
        migrationBuilder.DropTable("OfferTargetGroup");
        migrationBuilder.DropTable("OfferMunicipality");
        migrationBuilder.DropTable("OfferLanguage");
        migrationBuilder.DropTable("Offers");
        migrationBuilder.DropTable("ContractMunicipality");
        migrationBuilder.DropTable("ProductLevels");
        migrationBuilder.DropTable("Contracts");
        migrationBuilder.DropTable("Products");
        migrationBuilder.DropTable("Municipalities");
        migrationBuilder.DropTable("Lots");
        migrationBuilder.DropTable("Locations");
        migrationBuilder.DropTable("TargetGroups");
        migrationBuilder.DropTable("Regions");
        migrationBuilder.DropTable("Providers");
        migrationBuilder.DropTable("PostcodeAreas");
        migrationBuilder.DropTable("Languages");
    }
}
