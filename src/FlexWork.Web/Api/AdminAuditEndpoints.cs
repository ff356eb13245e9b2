using System.Globalization;
using System.Text;
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
                var csv = new StringBuilder("waktu_utc,pengguna,entitas,id_entitas,tindakan,perubahan,alamat_ip\n");
                foreach (var row in rows)
                {
                    csv.AppendJoin(',', [
                        row.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        Escape(row.UserEmail ?? row.UserId ?? "system"), Escape(row.EntityType), Escape(row.EntityId), Escape(row.Action),
                        Escape(row.Changes), Escape(row.IpAddress ?? "")]).Append('\n');
                }

                var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
                return TypedResults.File(bytes, "text/csv", $"flexwork-audit-{DateTime.UtcNow:yyyyMMdd}.csv");
            })
            .RequireAuthorization(Policies.AgencyAdmin)
            .ExcludeFromDescription();
        return endpoints;
    }

    // Quoted always; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula.
    private static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
