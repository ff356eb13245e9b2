using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IndexesLeadWithAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_work_requests_employee_id_client_submission_id",
                table: "work_requests");

            migrationBuilder.DropIndex(
                name: "ix_notifications_agency_id_recipient_employee_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_mail_due_at",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_recipient_employee_id_read_at_created_at",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "ix_work_requests_agency_id_employee_id_client_submission_id",
                table: "work_requests",
                columns: new[] { "agency_id", "employee_id", "client_submission_id" },
                unique: true,
                filter: "client_submission_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_agency_id_mail_due_at",
                table: "notifications",
                columns: new[] { "agency_id", "mail_due_at" },
                filter: "mail = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_agency_id_recipient_employee_id_read_at_creat",
                table: "notifications",
                columns: new[] { "agency_id", "recipient_employee_id", "read_at", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_work_requests_agency_id_employee_id_client_submission_id",
                table: "work_requests");

            migrationBuilder.DropIndex(
                name: "ix_notifications_agency_id_mail_due_at",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_agency_id_recipient_employee_id_read_at_creat",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "ix_work_requests_employee_id_client_submission_id",
                table: "work_requests",
                columns: new[] { "employee_id", "client_submission_id" },
                unique: true,
                filter: "client_submission_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_agency_id_recipient_employee_id",
                table: "notifications",
                columns: new[] { "agency_id", "recipient_employee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_mail_due_at",
                table: "notifications",
                column: "mail_due_at",
                filter: "mail = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_employee_id_read_at_created_at",
                table: "notifications",
                columns: new[] { "recipient_employee_id", "read_at", "created_at" });
        }
    }
}
