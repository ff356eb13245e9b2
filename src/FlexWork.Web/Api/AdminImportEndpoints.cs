using FlexWork.Application.Imports;
using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Imports.ImportEmployees;
using FlexWork.Application.Imports.ImportOrganization;
using FlexWork.Web.Components.Account.Pages;
using FlexWork.Web.Localization;
using FlexWork.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Api;

/// <summary>An import error as the API reports it: where, what (stable code) and why (localized).</summary>
public sealed record ImportErrorResponse(int Row, string Column, string Code, IReadOnlyList<string> Arguments, string Message);

public sealed record ImportReportResponse(
    int TotalRows, int Created, int Updated, int Unchanged, int RowsWithErrors, bool Applied, IReadOnlyList<ImportErrorResponse> Errors)
{
    /// <summary>With <c>invite=true</c>: the invitations sent to the created employees.</summary>
    public IReadOnlyList<ImportInvitationResponse> Invitations { get; init; } = [];
}

public sealed record ImportInvitationResponse(string Nip, string Email, string Link, bool Emailed);

internal static class AdminImportEndpoints
{
    /// <summary>Room for a ministry's whole export (80,000 rows is about 15 MB).</summary>
    private const long MaxCsvBytes = 64 * 1024 * 1024;

    public static void MapAdminImportEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/imports/employees", async (
                HttpContext context, EmployeeImportService imports, InvitationService invitations, IStringLocalizer<SharedResource> localizer,
                bool? apply, bool? validRowsOnly, bool? invite, CancellationToken cancellationToken) =>
            {
                context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = MaxCsvBytes;
                if (apply != true)
                {
                    return TypedResults.Ok(ToResponse(await imports.PreviewAsync(context.Request.Body, cancellationToken), localizer));
                }

                var report = await imports.ApplyAsync(context.Request.Body, validRowsOnly == true, cancellationToken: cancellationToken);
                var sent = invite == true && report.CreatedIds.Count > 0
                    ? await invitations.SendAsync(report.CreatedIds, AcceptInvitation.LinksUnder(context.BaseUri()), cancellationToken: cancellationToken)
                    : [];
                return TypedResults.Ok(ToResponse(report, localizer) with
                {
                    Invitations = [.. sent.Select(i => new ImportInvitationResponse(i.Nip, i.Email, i.Link, i.Emailed))],
                });
            })
            .Accepts<string>("text/csv")
            .WithTags("Admin: import")
            .WithSummary("Import employees from CSV (docs/import-format.md): a report of what would change, or ?apply=true to apply it")
            .WithDescription("Nothing is applied while any row has an error, unless validRowsOnly=true. Re-importing the same file changes nothing; a changed file updates by NIP. With invite=true every created employee is invited (e-mailed when SMTP is configured; the links are in the answer either way).")
            .Produces<ImportReportResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        MapOrganizationImport<UnitImportService>(admin, "units", "Import the unit tree from CSV (docs/import-format.md), matched by name: a report, or ?apply=true",
            (service, csv, apply, validRowsOnly, ct) => apply ? service.ApplyAsync(csv, validRowsOnly, ct) : service.PreviewAsync(csv, ct));
        MapOrganizationImport<PositionImportService>(admin, "positions", "Import positions with their Pasal 23 criteria from CSV (docs/import-format.md), matched by name: a report, or ?apply=true",
            (service, csv, apply, validRowsOnly, ct) => apply ? service.ApplyAsync(csv, validRowsOnly, ct) : service.PreviewAsync(csv, ct));
    }

    private static void MapOrganizationImport<TService>(
        RouteGroupBuilder admin, string kind, string summary, Func<TService, Stream, bool, bool, CancellationToken, Task<ImportReport>> run)
        where TService : notnull =>
        admin.MapPost($"/imports/{kind}", async (
                HttpContext context, TService service, IStringLocalizer<SharedResource> localizer, bool? apply, bool? validRowsOnly, CancellationToken ct) =>
            {
                context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = MaxCsvBytes;
                return TypedResults.Ok(ToResponse(await run(service, context.Request.Body, apply == true, validRowsOnly == true, ct), localizer));
            })
            .Accepts<string>("text/csv")
            .WithTags("Admin: import")
            .WithSummary(summary)
            .WithDescription("Nothing is applied while any row has an error, unless validRowsOnly=true. Re-importing the same file changes nothing.")
            .Produces<ImportReportResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The CSV template for the import page (cookie-authenticated, agency admins only).</summary>
    public static IEndpointRouteBuilder MapImportTemplate(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (kind, template, fileName) in new[]
                 {
                     ("employees", EmployeeCsv.Template, "flexwork-pegawai.csv"),
                     ("units", UnitCsv.Template, "flexwork-unit.csv"),
                     ("positions", PositionCsv.Template, "flexwork-jabatan.csv"),
                 })
        {
            // With a byte-order mark, so that spreadsheet programs read the file as UTF-8.
            var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(template)).ToArray();
            endpoints.MapGet($"/admin/import/{kind}-template.csv", () => TypedResults.File(bytes, "text/csv", fileName))
                .RequireAuthorization(Policies.AgencyAdmin)
                .ExcludeFromDescription();
        }

        return endpoints;
    }

    public static ImportReportResponse ToResponse(ImportReport report, IStringLocalizer localizer) => new(
        report.TotalRows, report.Created, report.Updated, report.Unchanged, report.RowsWithErrors, report.Applied,
        [.. report.Errors.Select(e => new ImportErrorResponse(e.Row, e.Column, e.Code, e.Arguments, localizer.ImportError(e)))]);
}
