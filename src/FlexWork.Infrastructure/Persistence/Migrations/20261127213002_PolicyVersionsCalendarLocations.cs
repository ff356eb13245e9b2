using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PolicyVersionsCalendarLocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "eligibility_override_kind",
                table: "employees",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "approved_locations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    radius_meters = table.Column<int>(type: "integer", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approved_locations", x => x.id);
                    table.UniqueConstraint("ak_approved_locations_agency_id_id", x => new { x.agency_id, x.id });
                    table.ForeignKey(
                        name: "fk_approved_locations_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "calendar_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_calendar_entries_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_calendar_entries_organization_units_agency_id_unit_id",
                        columns: x => new { x.agency_id, x.unit_id },
                        principalTable: "organization_units",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    based_on_number = table.Column<int>(type: "integer", nullable: true),
                    settings = table.Column<string>(type: "jsonb", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: true),
                    legal_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_policy_versions_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_approved_locations_agency_id_name",
                table: "approved_locations",
                columns: new[] { "agency_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_entries_agency_id_date",
                table: "calendar_entries",
                columns: new[] { "agency_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_entries_agency_id_unit_id",
                table: "calendar_entries",
                columns: new[] { "agency_id", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_policy_versions_agency_id",
                table: "policy_versions",
                column: "agency_id",
                unique: true,
                filter: "status = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_policy_versions_agency_id_number",
                table: "policy_versions",
                columns: new[] { "agency_id", "number" },
                unique: true,
                filter: "status = 'Published'");

            // A published version is the law the agency's requests were judged by: never changed, never deleted.
            migrationBuilder.Sql("""
                CREATE FUNCTION policy_versions_published_immutable() RETURNS trigger AS $$
                BEGIN
                    IF OLD.status = 'Published' THEN
                        RAISE EXCEPTION 'published policy versions never change';
                    END IF;
                    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                END $$ LANGUAGE plpgsql;
                CREATE TRIGGER policy_versions_published_immutable BEFORE UPDATE OR DELETE ON policy_versions
                    FOR EACH ROW EXECUTE FUNCTION policy_versions_published_immutable();
                """);

            // Agencies that exist already get the national calendar, as new agencies do when created.
            var days = string.Join(",\n", Domain.Calendar.NationalCalendar.Days.Select(d =>
                FormattableString.Invariant($"('{d.Date:yyyy-MM-dd}'::date, '{d.Kind}', '{d.Name.Replace("'", "''", StringComparison.Ordinal)}')")));
            migrationBuilder.Sql($"""
                INSERT INTO calendar_entries (id, agency_id, date, kind, name)
                SELECT gen_random_uuid(), a.id, d.date, d.kind, d.name
                FROM agencies a CROSS JOIN (VALUES
                {days}
                ) AS d(date, kind, name);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approved_locations");

            migrationBuilder.DropTable(
                name: "calendar_entries");

            migrationBuilder.Sql("DROP TRIGGER policy_versions_published_immutable ON policy_versions; DROP FUNCTION policy_versions_published_immutable();");
            migrationBuilder.DropTable(
                name: "policy_versions");

            migrationBuilder.DropColumn(
                name: "eligibility_override_kind",
                table: "employees");
        }
    }
}
