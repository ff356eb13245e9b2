using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "performance_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: true),
                    agreed_actions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_feedback", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_performance_feedback_employees_agency_id_author_employee_id",
                        columns: x => new { x.agency_id, x.author_employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_performance_feedback_employees_agency_id_employee_id",
                        columns: x => new { x.agency_id, x.employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "performance_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    length = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_periods", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_performance_periods_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    has_evidence = table.Column<bool>(type: "boolean", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_reports", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_work_reports_employees_agency_id_employee_id",
                        columns: x => new { x.agency_id, x.employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    self_assessment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    results = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    behaviour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    values = table.Column<string>(type: "jsonb", nullable: false),
                    realisations = table.Column<string>(type: "jsonb", nullable: false),
                    feedback_text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    predikat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    evaluator_employee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    objection_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    objection_decider_employee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    objection_upheld = table.Column<bool>(type: "boolean", nullable: true),
                    objection_decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    final_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluations", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_evaluations_employees_agency_id_employee_id",
                        columns: x => new { x.agency_id, x.employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evaluations_performance_periods_agency_id_period_id",
                        columns: x => new { x.agency_id, x.period_id },
                        principalTable: "performance_periods",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "performance_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    pending_change = table.Column<string>(type: "jsonb", nullable: true),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_targets", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_performance_targets_employees_agency_id_employee_id",
                        columns: x => new { x.agency_id, x.employee_id },
                        principalTable: "employees",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_performance_targets_performance_periods_agency_id_period_id",
                        columns: x => new { x.agency_id, x.period_id },
                        principalTable: "performance_periods",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evaluations_agency_id_employee_id_final_at",
                table: "evaluations",
                columns: new[] { "agency_id", "employee_id", "final_at" });

            migrationBuilder.CreateIndex(
                name: "ix_evaluations_agency_id_objection_decider_employee_id",
                table: "evaluations",
                columns: new[] { "agency_id", "objection_decider_employee_id" },
                filter: "state = 'Objected'");

            migrationBuilder.CreateIndex(
                name: "ix_evaluations_agency_id_period_id_employee_id",
                table: "evaluations",
                columns: new[] { "agency_id", "period_id", "employee_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_performance_feedback_agency_id_author_employee_id",
                table: "performance_feedback",
                columns: new[] { "agency_id", "author_employee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_performance_feedback_agency_id_employee_id_created_at",
                table: "performance_feedback",
                columns: new[] { "agency_id", "employee_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_performance_feedback_agency_id_subject_id",
                table: "performance_feedback",
                columns: new[] { "agency_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_performance_periods_agency_id_from",
                table: "performance_periods",
                columns: new[] { "agency_id", "from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_performance_targets_agency_id_employee_id_period_id",
                table: "performance_targets",
                columns: new[] { "agency_id", "employee_id", "period_id" });

            migrationBuilder.CreateIndex(
                name: "ix_performance_targets_agency_id_period_id_state",
                table: "performance_targets",
                columns: new[] { "agency_id", "period_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_work_reports_agency_id_employee_id_date",
                table: "work_reports",
                columns: new[] { "agency_id", "employee_id", "date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluations");

            migrationBuilder.DropTable(
                name: "performance_feedback");

            migrationBuilder.DropTable(
                name: "performance_targets");

            migrationBuilder.DropTable(
                name: "work_reports");

            migrationBuilder.DropTable(
                name: "performance_periods");
        }
    }
}
