using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "request_id",
                table: "notifications",
                newName: "subject_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "subject_id",
                table: "notifications",
                newName: "request_id");
        }
    }
}
