using System.Globalization;
using FlexWork.Application.Auditing.SearchAudit;
using FlexWork.Application.Common;
using FlexWork.Web.Security;

namespace FlexWork.Web.Api;

internal static class AdminAuditEndpoints
{
    public static void MapAdminAuditEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", (AuditLog log, string? who, string? action, string? entity, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
                log.SearchAsync(new AuditQuery(who, action, entity, from, to, page ?? 1, pageSize ?? 50), ct))
            .WithTags("Admin: audit")
            .WithSummary("The agency's audit log, newest first: filter by who (e-mail), action, entity type and dates (agency time zone)")
            .Produces<PagedList<AuditItem>>()
            .ProducesValidationProblem();
    }

    /// <summary>CSV export for the audit page (cookie-authenticated, agency admins only).</summary>
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/audit/export.csv", async (AuditLog log, string? who, string? action, string? entity, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            {
                var rows = await log.ExportAsync(new AuditQuery(who, action, entity, from, to), ct);
                return CsvDownload.Of(
                    $"flexwork-audit-{DateTime.UtcNow:yyyyMMdd}.csv",
                    ["waktu_utc", "pengguna", "entitas", "id_entitas", "tindakan", "perubahan", "alamat_ip"],
                    rows.Select(row => new[]
                    {
                        row.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        row.UserEmail ?? row.UserId ?? "system", row.EntityType, row.EntityId, row.Action, row.Changes, row.IpAddress ?? "",
                    }));
            })
            .RequireAuthorization(Policies.AgencyAdmin)
            .ExcludeFromDescription();
        return endpoints;
    }
}
