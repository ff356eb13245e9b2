using FlexWork.Application.Monitoring;
using FlexWork.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Api;

/// <summary>
/// Pasal 35 monitoring under <c>/api/v1/monitoring</c>: the units the caller monitors, a month's
/// dashboard (per unit, or per person of one unit), and the monev reports as CSV or XLSX. A unit
/// head sees the units they head and all below; agency admins and the agency leadership every
/// unit; anyone else 403; a unit outside the caller's scope (or agency) 404.
/// </summary>
internal static class MonitoringEndpoints
{
    public static void MapMonitoringEndpoints(this RouteGroupBuilder api)
    {
        var monitoring = api.MapGroup("/monitoring").WithTags("Monitoring")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        monitoring.MapGet("/units", async (MonitoringService service, CancellationToken ct) =>
                (await service.UnitsAsync(ct)).Select(u => new MonitoredUnit(u.Key, u.Value)).OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList())
            .WithSummary("The units the caller monitors");
        monitoring.MapGet("/months/{month}", (string month, Guid? unitId, MonitoringService service, CancellationToken ct) =>
                service.MonthAsync(MonthParameter.Parse(month), unitId, ct))
            .WithSummary("A month's figures (month as 2026-12) per unit in scope, or with unitId per person of that unit; with the total and before/after the agency's first policy")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        monitoring.MapGet("/reports/{report}", MapReport)
            .WithSummary("A monev report (usage, turnaround, exceptions, performance-by-mode, presence) for from..to (months as 2026-01, at most 12), format csv or xlsx, level unit or person (usage and presence), streamed")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The same file for the pages, with the cookie (outside /api/v1).</summary>
    public static IEndpointRouteBuilder MapMonitoringDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/monitoring/reports/{report}", MapReport)
            .RequireAuthorization(Security.Policies.Employee)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static Task<IResult> MapReport(
        string report, string? from, string? to, Guid? unitId, string? level, string? format, MonitoringReports reports, IStringLocalizer<SharedResource> text, HttpContext http,
        CancellationToken ct) =>
        ReportDownload.ServeAsync(report, from, to, unitId, level, format, reports, text, http, ct);
}

public sealed record MonitoredUnit(Guid Id, string Name);
