using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationMailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "mail",
                table: "notifications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "None"); // earlier notifications were mailed (or not) at the time

            migrationBuilder.AddColumn<int>(
                name: "mail_attempts",
                table: "notifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mail_due_at",
                table: "notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_mail_due_at",
                table: "notifications",
                column: "mail_due_at",
                filter: "mail = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_mail_due_at",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "mail",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "mail_attempts",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "mail_due_at",
                table: "notifications");
        }
    }
}
