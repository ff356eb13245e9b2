using CsvHelper;

namespace FlexWork.Web.Api;

/// <summary>
/// CSV files for spreadsheets, written by CsvHelper as they stream out: UTF-8 with a byte-order
/// mark (so Excel reads the accents), RFC 4180 quoting, and a cell that starts with = + - @ is
/// defused with a leading apostrophe so that a spreadsheet never runs it as a formula.
/// </summary>
internal static class CsvDownload
{
    /// <summary>Shared with <see cref="ReportDownload"/>: every CSV of the app is written the same way.</summary>
    internal static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        WriteByteOrderMark = true,
        NewLine = "\n",
    };

    public static IResult Of(string fileName, IReadOnlyList<string> header, IEnumerable<string[]> rows) => TypedResults.Stream(
        async body =>
        {
            await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
            await csv.WriteRecordAsync([.. header], CancellationToken.None);
            foreach (var row in rows)
            {
                await csv.WriteRecordAsync(row, CancellationToken.None);
            }

            await csv.FlushAsync(CancellationToken.None);
        },
        "text/csv; charset=utf-8",
        fileName);
}
