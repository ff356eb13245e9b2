using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PositionCriteriaAndEligibilityFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "criteria_doable_with_ict",
                table: "positions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "criteria_little_face_to_face_contact",
                table: "positions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "criteria_no_continuous_supervision",
                table: "positions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "criteria_no_special_workspace_or_equipment",
                table: "positions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "criteria_workable_outside_office",
                table: "positions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "disciplinary_reference",
                table: "employees",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "eligibility_override_reason",
                table: "employees",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "eligibility_override_until",
                table: "employees",
                type: "date",
                nullable: true);

            // Positions that existed before the checklist keep their eligibility.
            migrationBuilder.Sql("""
                UPDATE positions SET
                    criteria_workable_outside_office = is_flexible_work_eligible,
                    criteria_no_special_workspace_or_equipment = is_flexible_work_eligible,
                    criteria_doable_with_ict = is_flexible_work_eligible,
                    criteria_little_face_to_face_contact = is_flexible_work_eligible,
                    criteria_no_continuous_supervision = is_flexible_work_eligible;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "criteria_doable_with_ict",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "criteria_little_face_to_face_contact",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "criteria_no_continuous_supervision",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "criteria_no_special_workspace_or_equipment",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "criteria_workable_outside_office",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "disciplinary_reference",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "eligibility_override_reason",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "eligibility_override_until",
                table: "employees");
        }
    }
}
