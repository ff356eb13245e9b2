using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PresenceMonthFromIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_work_reports_agency_id_date",
                table: "work_reports",
                columns: new[] { "agency_id", "date" })
                .Annotation("Npgsql:IndexInclude", new[] { "employee_id", "mode" });

            // The complex properties' columns cannot be named in the model's IncludeProperties.
            migrationBuilder.Sql("""
                DROP INDEX ix_presence_days_agency_id_date;
                CREATE INDEX ix_presence_days_agency_id_date ON presence_days (agency_id, date)
                    INCLUDE (employee_id, on_non_working_day, check_in_check_outcome, check_out_check_outcome);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_presence_days_agency_id_date;
                CREATE INDEX ix_presence_days_agency_id_date ON presence_days (agency_id, date);
                """);

            migrationBuilder.DropIndex(
                name: "ix_work_reports_agency_id_date",
                table: "work_reports");
        }
    }
}
