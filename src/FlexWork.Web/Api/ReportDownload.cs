using System.Globalization;
using CsvHelper;
using FlexWork.Application.Monitoring;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace FlexWork.Web.Api;

/// <summary>
/// A monitoring report as a file, written while its rows are read: CSV with the stable column keys
/// (for scripts), or XLSX by SpreadCheetah, a forward-only writer that streams the workbook to the
/// response (ADR-012), with the columns titled in the reader's language.
/// </summary>
internal static class ReportDownload
{
    /// <summary>The report's name in URLs, and back.</summary>
    public static readonly IReadOnlyDictionary<string, MonitoringReport> Slugs = new Dictionary<string, MonitoringReport>(StringComparer.OrdinalIgnoreCase)
    {
        ["usage"] = MonitoringReport.Usage,
        ["turnaround"] = MonitoringReport.Turnaround,
        ["exceptions"] = MonitoringReport.Exceptions,
        ["performance-by-mode"] = MonitoringReport.PerformanceByMode,
        ["presence"] = MonitoringReport.Presence,
    };

    public static string SlugOf(MonitoringReport report) => Slugs.First(s => s.Value == report).Key;

    /// <summary>Opens the report (a refusal or a bad range is an answer before any byte is sent) and streams it.</summary>
    public static async Task<IResult> ServeAsync(
        string slug, string? from, string? to, Guid? unitId, string? level, string? format, MonitoringReports reports, IStringLocalizer<SharedResource> text,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (!Slugs.TryGetValue(slug, out var report) || format is not (null or "csv" or "xlsx"))
        {
            return TypedResults.NotFound();
        }

        var byPerson = level switch
        {
            null or "unit" => MonitoringLevel.Unit,
            "person" => MonitoringLevel.Person,
            _ => throw new Domain.Common.DomainException("REPORT_RANGE_INVALID", MonitoringReports.MaxMonths),
        };
        var table = await reports.OpenAsync(report, MonthParameter.Parse(from), MonthParameter.Parse(to), unitId, byPerson, cancellationToken);
        var name = $"flexwork-{slug}-{MonthParameter.Text(table.From)}-{MonthParameter.Text(table.To)}";
        if (format != "xlsx")
        {
            return Csv(table, name + ".csv");
        }

        // The zip writer ends each entry with a 16-byte descriptor it writes synchronously when the
        // stream cannot seek (as a response cannot): allowed for this response only.
        http.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        return Xlsx(table, name + ".xlsx", text);
    }

    private static PushStreamHttpResult Csv(ReportTable table, string fileName) => TypedResults.Stream(
        async body =>
        {
            await using var csv = CsvWriter.Create(body, CsvDownload.Options, leaveOpen: true);
            await csv.WriteRecordAsync([.. table.Columns], CancellationToken.None);
            await foreach (var row in table.Rows)
            {
                await csv.WriteRecordAsync([.. row.Select(cell => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "")], CancellationToken.None);
            }

            await csv.FlushAsync(CancellationToken.None);
        },
        "text/csv; charset=utf-8",
        fileName);

    private static PushStreamHttpResult Xlsx(ReportTable table, string fileName, IStringLocalizer<SharedResource> text)
    {
        // Titles are read now, in the request's culture: the body is written after the handler returns.
        var titles = table.Columns.Select(c => text[$"Monev.Column.{c}"].Value).ToList();
        var sheet = text[$"Monev.Report.{table.Report}"].Value;
        return TypedResults.Stream(
            async body =>
            {
                await using var xlsx = await Spreadsheet.CreateNewAsync(body, new SpreadCheetahOptions { DocumentProperties = new() { Title = sheet, Author = "FlexWork" } });
                await xlsx.StartWorksheetAsync(sheet.Length > 31 ? sheet[..31] : sheet, new WorksheetOptions { FrozenRows = 1 });
                await xlsx.AddHeaderRowAsync(titles, xlsx.AddStyle(new Style { Font = { Bold = true } }));
                var cells = new DataCell[table.Columns.Count];
                await foreach (var row in table.Rows)
                {
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = row[i] switch
                        {
                            int number => new DataCell(number),
                            decimal number => new DataCell(number),
                            double number => new DataCell(number),
                            string value => new DataCell(value),
                            _ => new DataCell(),
                        };
                    }

                    await xlsx.AddRowAsync(cells);
                }

                await xlsx.FinishAsync();
            },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            fileName);
    }
}

/// <summary>A month in a URL: <c>2026-12</c>. Anything else is a clear refusal, not a 500.</summary>
internal static class MonthParameter
{
    public static DateOnly Parse(string? month) =>
        DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw new Domain.Common.DomainException("MONITORING_MONTH_INVALID");

    public static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
