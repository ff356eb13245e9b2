using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RefusedSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "refused_submissions",
                columns: table => new
                {
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rule_codes = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refused_submissions", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_refused_submissions_employees_agency_id_employee_id",
                        columns: x => new { x.agency_id, x.employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_refused_submissions_agency_id_attempted_at",
                table: "refused_submissions",
                columns: new[] { "agency_id", "attempted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_refused_submissions_agency_id_employee_id",
                table: "refused_submissions",
                columns: new[] { "agency_id", "employee_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "refused_submissions");
        }
    }
}
