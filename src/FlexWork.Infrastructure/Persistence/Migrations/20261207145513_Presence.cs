using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Presence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "presence_corrections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    decider_employee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decider_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_presence_corrections", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_presence_corrections_employees_agency_id_employee_id",
                        columns: x => new { x.agency_id, x.employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "presence_days",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    on_non_working_day = table.Column<bool>(type: "boolean", nullable: false),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    correction_id = table.Column<Guid>(type: "uuid", nullable: true),
                    positions_purged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    check_in_check_accuracy_meters = table.Column<int>(type: "integer", nullable: true),
                    check_in_check_distance_meters = table.Column<int>(type: "integer", nullable: true),
                    check_in_check_outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    check_in_position_latitude = table.Column<double>(type: "double precision", nullable: true),
                    check_in_position_longitude = table.Column<double>(type: "double precision", nullable: true),
                    check_out_check_accuracy_meters = table.Column<int>(type: "integer", nullable: true),
                    check_out_check_distance_meters = table.Column<int>(type: "integer", nullable: true),
                    check_out_check_outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    check_out_position_latitude = table.Column<double>(type: "double precision", nullable: true),
                    check_out_position_longitude = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_presence_days", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_presence_days_employees_agency_id_employee_id",
                        columns: x => new { x.agency_id, x.employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_presence_days_presence_corrections_agency_id_correction_id",
                        columns: x => new { x.agency_id, x.correction_id },
                        principalTable: "presence_corrections",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_presence_corrections_agency_id_employee_id_date",
                table: "presence_corrections",
                columns: new[] { "agency_id", "employee_id", "date" },
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_presence_days_agency_id_checked_in_at",
                table: "presence_days",
                columns: new[] { "agency_id", "checked_in_at" },
                filter: "check_in_position_latitude IS NOT NULL OR check_out_position_latitude IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_presence_days_agency_id_correction_id",
                table: "presence_days",
                columns: new[] { "agency_id", "correction_id" });

            migrationBuilder.CreateIndex(
                name: "ix_presence_days_agency_id_date",
                table: "presence_days",
                columns: new[] { "agency_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_presence_days_agency_id_employee_id_date",
                table: "presence_days",
                columns: new[] { "agency_id", "employee_id", "date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "presence_days");

            migrationBuilder.DropTable(
                name: "presence_corrections");
        }
    }
}
