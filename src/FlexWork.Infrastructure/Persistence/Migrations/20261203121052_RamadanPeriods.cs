using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RamadanPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ramadan_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ramadan_periods", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_ramadan_periods_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ramadan_periods_agency_id_from",
                table: "ramadan_periods",
                columns: new[] { "agency_id", "from" },
                unique: true);

            // Until now these dates were the policy's defaults: every agency keeps them, as calendar data.
            migrationBuilder.Sql("""
                INSERT INTO ramadan_periods (id, agency_id, "from", "to", name)
                SELECT gen_random_uuid(), a.id, r.from_date, r.to_date, r.name
                FROM agencies a
                CROSS JOIN (VALUES (date '2025-03-01', date '2025-03-30', 'Ramadan 1446 H'),
                                   (date '2026-02-18', date '2026-03-20', 'Ramadan 1447 H')) AS r(from_date, to_date, name);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ramadan_periods");
        }
    }
}
