using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexWork.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RequestEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddUniqueConstraint(
                name: "ak_work_requests_agency_id_id",
                table: "work_requests",
                columns: new[] { "agency_id", "id" });

            migrationBuilder.CreateTable(
                name: "request_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_evidence_work_requests_agency_id_request_id",
                        columns: x => new { x.agency_id, x.request_id },
                        principalTable: "work_requests",
                        principalColumns: new[] { "agency_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_request_evidence_agency_id_request_id",
                table: "request_evidence",
                columns: new[] { "agency_id", "request_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_evidence");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_work_requests_agency_id_id",
                table: "work_requests");
        }
    }
}
