using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DomicileArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "domicile_latitude",
                table: "employees",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "domicile_longitude",
                table: "employees",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "domicile_radius_meters",
                table: "employees",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "domicile_latitude",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "domicile_longitude",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "domicile_radius_meters",
                table: "employees");
        }
    }
}
