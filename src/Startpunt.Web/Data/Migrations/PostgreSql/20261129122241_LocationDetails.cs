using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Startpunt.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LocationDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Accessibility",
                table: "Locations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpeningHours",
                table: "Locations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Locations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Accessibility",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "OpeningHours",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Locations");
        }
    }
}
