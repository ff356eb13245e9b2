using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CalendarFeedSecretHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The old secrets were written in clear to the audit log: retire them all. People make
            // a new calendar address (only its hash is kept from now on).
            migrationBuilder.Sql("UPDATE employees SET calendar_feed_token = NULL WHERE calendar_feed_token IS NOT NULL;");

            migrationBuilder.RenameColumn(
                name: "calendar_feed_token",
                table: "employees",
                newName: "calendar_feed_secret_hash");

            migrationBuilder.RenameIndex(
                name: "ix_employees_calendar_feed_token",
                table: "employees",
                newName: "ix_employees_calendar_feed_secret_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "calendar_feed_secret_hash",
                table: "employees",
                newName: "calendar_feed_token");

            migrationBuilder.RenameIndex(
                name: "ix_employees_calendar_feed_secret_hash",
                table: "employees",
                newName: "ix_employees_calendar_feed_token");
        }
    }
}
