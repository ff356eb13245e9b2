using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UnitOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "office_latitude",
                table: "organization_units",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "office_longitude",
                table: "organization_units",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "office_radius_meters",
                table: "organization_units",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "office_latitude",
                table: "organization_units");

            migrationBuilder.DropColumn(
                name: "office_longitude",
                table: "organization_units");

            migrationBuilder.DropColumn(
                name: "office_radius_meters",
                table: "organization_units");
        }
    }
}
