using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkRequestsAndDelegations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "delegations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    principal_employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    delegate_employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: false),
                    decree_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_revoked = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delegations", x => x.id);
                    table.ForeignKey(
                        name: "fk_delegations_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delegations_employees_agency_id_delegate_employee_id",
                        columns: x => new { x.agency_id, x.delegate_employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delegations_employees_agency_id_principal_employee_id",
                        columns: x => new { x.agency_id, x.principal_employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    work_plan = table.Column<string>(type: "jsonb", nullable: false),
                    has_evidence = table.Column<bool>(type: "boolean", nullable: false),
                    client_submission_id = table.Column<Guid>(type: "uuid", nullable: true),
                    policy_version_number = table.Column<int>(type: "integer", nullable: false),
                    findings = table.Column<string>(type: "jsonb", nullable: false),
                    route = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    cancelled_from = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_requests_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_requests_employees_agency_id_employee_id",
                        columns: x => new { x.agency_id, x.employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "request_days",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    end = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    location_id = table.Column<Guid>(type: "uuid", nullable: true),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_days", x => new { x.request_id, x.id });
                    table.ForeignKey(
                        name: "fk_request_days_work_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "work_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_transitions",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    to = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    on_behalf_of_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_transitions", x => new { x.request_id, x.id });
                    table.ForeignKey(
                        name: "fk_request_transitions_work_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "work_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_delegations_agency_id_delegate_employee_id_until",
                table: "delegations",
                columns: new[] { "agency_id", "delegate_employee_id", "until" });

            migrationBuilder.CreateIndex(
                name: "ix_delegations_agency_id_principal_employee_id",
                table: "delegations",
                columns: new[] { "agency_id", "principal_employee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_request_days_date",
                table: "request_days",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_work_requests_agency_id_employee_id_status",
                table: "work_requests",
                columns: new[] { "agency_id", "employee_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_work_requests_agency_id_status_level",
                table: "work_requests",
                columns: new[] { "agency_id", "status", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_work_requests_employee_id_client_submission_id",
                table: "work_requests",
                columns: new[] { "employee_id", "client_submission_id" },
                unique: true,
                filter: "client_submission_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delegations");

            migrationBuilder.DropTable(
                name: "request_days");

            migrationBuilder.DropTable(
                name: "request_transitions");

            migrationBuilder.DropTable(
                name: "work_requests");
        }
    }
}
