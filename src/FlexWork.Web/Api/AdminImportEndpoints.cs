using FlexWork.Application.Imports.ImportEmployees;
using FlexWork.Web.Localization;
using FlexWork.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Api;

/// <summary>An import error as the API reports it: where, what (stable code) and why (localized).</summary>
public sealed record ImportErrorResponse(int Row, string Column, string Code, IReadOnlyList<string> Arguments, string Message);

public sealed record ImportReportResponse(
    int TotalRows, int Created, int Updated, int Unchanged, int RowsWithErrors, bool Applied, IReadOnlyList<ImportErrorResponse> Errors);

internal static class AdminImportEndpoints
{
    /// <summary>Room for a ministry's whole export (80,000 rows is about 15 MB).</summary>
    private const long MaxCsvBytes = 64 * 1024 * 1024;

    public static void MapAdminImportEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/imports/employees", async (
                HttpContext context, EmployeeImportService imports, IStringLocalizer<SharedResource> localizer,
                bool? apply, bool? validRowsOnly, CancellationToken cancellationToken) =>
            {
                context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = MaxCsvBytes;
                var report = apply == true
                    ? await imports.ApplyAsync(context.Request.Body, validRowsOnly == true, cancellationToken: cancellationToken)
                    : await imports.PreviewAsync(context.Request.Body, cancellationToken);
                return TypedResults.Ok(ToResponse(report, localizer));
            })
            .Accepts<string>("text/csv")
            .WithTags("Admin")
            .WithSummary("Import employees from CSV (docs/import-format.md): a report of what would change, or ?apply=true to apply it")
            .WithDescription("Nothing is applied while any row has an error, unless validRowsOnly=true. Re-importing the same file changes nothing; a changed file updates by NIP.")
            .Produces<ImportReportResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>The CSV template for the import page (cookie-authenticated, agency admins only).</summary>
    public static IEndpointRouteBuilder MapImportTemplate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/import/employees-template.csv", () =>
                TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(EmployeeCsv.Template)).ToArray(), "text/csv", "flexwork-pegawai.csv"))
            .RequireAuthorization(Policies.AgencyAdmin)
            .ExcludeFromDescription();
        return endpoints;
    }

    public static ImportReportResponse ToResponse(ImportReport report, IStringLocalizer localizer) => new(
        report.TotalRows, report.Created, report.Updated, report.Unchanged, report.RowsWithErrors, report.Applied,
        [.. report.Errors.Select(e => new ImportErrorResponse(e.Row, e.Column, e.Code, e.Arguments, localizer.ImportError(e)))]);
}
