using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "has_evidence",
                table: "work_reports");

            migrationBuilder.AddColumn<int>(
                name: "evidence_files",
                table: "work_reports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "report_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_evidence", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_report_evidence_employees_agency_id_employee_id",
                        columns: x => new { x.agency_id, x.employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_report_evidence_work_reports_agency_id_report_id",
                        columns: x => new { x.agency_id, x.report_id },
                        principalTable: "work_reports",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_evidence_agency_id_employee_id",
                table: "report_evidence",
                columns: new[] { "agency_id", "employee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_report_evidence_agency_id_report_id",
                table: "report_evidence",
                columns: new[] { "agency_id", "report_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_evidence");

            migrationBuilder.DropColumn(
                name: "evidence_files",
                table: "work_reports");

            migrationBuilder.AddColumn<bool>(
                name: "has_evidence",
                table: "work_reports",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
