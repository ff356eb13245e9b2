using System.Globalization;
using CsvHelper;
using FlexWork.Domain.Common;

namespace FlexWork.Application.Imports;

/// <summary>
/// The import files: UTF-8, a header row, comma or semicolon separated (spreadsheets in
/// Indonesian locale write semicolons). Columns are documented in docs/import-format.md.
/// </summary>
public static class ImportCsv
{
    /// <summary>Names of people, units and positions, as the database stores them.</summary>
    public const int MaxNameLength = 200;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "dd-MM-yyyy", "d/M/yyyy", "d-M-yyyy"];

    /// <summary>
    /// Reads the rows with CsvHelper (RFC 4180: quoted fields with separators, doubled quotes and
    /// line breaks). Row numbers count records with the header as row 1, as a spreadsheet shows
    /// them. A record whose quotes do not match is not guessed at: it is reported as unreadable.
    /// </summary>
    public static async Task<CsvFile> ReadAsync(
        Stream stream, IReadOnlyList<string> allColumns, IReadOnlyList<string> requiredColumns, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var content = await text.ReadToEndAsync(cancellationToken);
        var unreadable = new List<ImportError>();
        var options = new CsvReaderOptions
        {
            HasHeader = false, // read as a record like the others: its names are matched loosely below
            Separator = SeparatorOf(content),
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false, // a blank line still counts as a spreadsheet row
            FieldCountMismatch = CsvFieldCountHandling.Allow, // short rows read as empty cells, checked per column
            MalformedData = CsvMalformedDataHandling.Skip,
            // CsvHelper numbers the records it yields; each skipped one moves the spreadsheet's rows on by one.
            OnMalformedRecord = bad => unreadable.Add(new ImportError(
                (int)bad.RecordNumber + unreadable.Count, "", bad.Reason == CsvMalformedReason.UnterminatedQuote ? "QUOTE_UNTERMINATED" : "QUOTE_MISPLACED", [])),
        };

        using var csv = CsvReader.FromText(content, options);
        var records = new List<(int Number, string[] Fields)>();
        while (await csv.ReadAsync(cancellationToken))
        {
            records.Add(((int)csv.RowNumber + unreadable.Count, csv.Current.ToArray()));
        }

        if (records.Count == 0 || records[0].Number != 1)
        {
            return new CsvFile([], [], requiredColumns) { Unreadable = unreadable };
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var index = allColumns.ToDictionary(c => c, c => header.IndexOf(c));
        var rows = new List<CsvRow>(records.Count);
        foreach (var (number, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue; // blank lines at the end of a spreadsheet export
            }

            var values = index.ToDictionary(c => c.Key, c => c.Value >= 0 && c.Value < fields.Length ? fields[c.Value].Trim() : "");
            rows.Add(new CsvRow(number, values));
        }

        return new CsvFile(header, rows, [.. requiredColumns.Where(c => !header.Contains(c))]) { Unreadable = unreadable };
    }

    /// <summary>Comma or semicolon, whichever the header line uses more (spreadsheets in an Indonesian locale save with semicolons).</summary>
    private static char SeparatorOf(string content)
    {
        var headerEnd = content.IndexOf('\n', StringComparison.Ordinal);
        var header = headerEnd < 0 ? content : content[..headerEnd];
        return header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
    }

    /// <summary>Names are matched ignoring case and repeated spaces, as HR exports vary in both.</summary>
    public static string NormalizeName(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>WIB, WITA or WIT (or the IANA id); null for an empty or unknown value.</summary>
    public static string? ParseTimeZone(string text) => text.ToUpperInvariant() switch
    {
        "" => null,
        "WIB" => IndonesianTimeZones.Wib,
        "WITA" => IndonesianTimeZones.Wita,
        "WIT" => IndonesianTimeZones.Wit,
        _ => IndonesianTimeZones.All.FirstOrDefault(z => string.Equals(z, text, StringComparison.OrdinalIgnoreCase)),
    };

    /// <summary>Yes/no cells: Ya/Tidak, Y/T, Yes/No, 1/0, True/False; null when unreadable.</summary>
    public static bool? ParseYesNo(string text) => text.ToUpperInvariant() switch
    {
        "YA" or "Y" or "YES" or "1" or "TRUE" or "BENAR" => true,
        "TIDAK" or "T" or "NO" or "N" or "0" or "FALSE" or "SALAH" => false,
        _ => null,
    };
}

public sealed record CsvFile(IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows, IReadOnlyList<string> MissingColumns)
{
    /// <summary>Records that could not be read (quotes that do not match), one error each, not in <see cref="Rows"/>.</summary>
    public IReadOnlyList<ImportError> Unreadable { get; init; } = [];

    public bool Has(string column) => Header.Contains(column);
}

public sealed record CsvRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values[column];
}
