using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Application.Schedules.CalendarFeed;
using FlexWork.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlexWork.Web.Api;

/// <summary>
/// Files the pages link to, outside /api/v1 (cookie-authenticated, or the feed's secret): the
/// iCalendar feed, evidence files, the import templates, the audit export and the monev reports.
/// </summary>
internal static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCalendarFeed();
        endpoints.MapEvidenceDownload();
        endpoints.MapImportTemplate();
        endpoints.MapAuditExport();
        endpoints.MapMonitoringDownloads();
        return endpoints;
    }

    /// <summary>The iCalendar feed: no sign-in, the secret in the URL is the key; an unknown secret is a 404.</summary>
    private static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calendar/{token}.ics", async Task<Results<FileContentHttpResult, NotFound>> (string token, CalendarFeedService feed, CancellationToken ct) =>
                await feed.FeedAsync(token, ct) is { } ics
                    ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "flexwork.ics")
                    : TypedResults.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Evidence files for the pages (cookie-authenticated), with the same visibility as the API; someone else's file is as if it did not exist.</summary>
    private static IEndpointRouteBuilder MapEvidenceDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/requests/{id:guid}/evidence/{evidenceId:guid}", (Guid id, Guid evidenceId, RequestService service, CancellationToken ct) =>
                FileOrNotFound(() => service.GetEvidenceAsync(id, evidenceId, ct)))
            .RequireAuthorization(Policies.Employee)
            .ExcludeFromDescription();
        endpoints.MapGet("/performance/reports/{id:guid}/evidence/{evidenceId:guid}", (Guid id, Guid evidenceId, WorkReportService service, CancellationToken ct) =>
                FileOrNotFound(() => service.GetEvidenceAsync(id, evidenceId, ct)))
            .RequireAuthorization(Policies.Employee)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> FileOrNotFound(Func<Task<(string FileName, string ContentType, byte[] Content)>> read)
    {
        try
        {
            var (name, type, content) = await read();
            return TypedResults.File(content, type, name);
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenAccessException)
        {
            return TypedResults.NotFound();
        }
    }
}
