using System.Globalization;
using FlexWork.Application.Common;
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

    /// <summary>Reads the rows; row numbers count the header as row 1, as a spreadsheet shows them.</summary>
    public static async Task<CsvFile> ReadAsync(
        Stream stream, IReadOnlyList<string> allColumns, IReadOnlyList<string> requiredColumns, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = CsvReader.Read(await reader.ReadToEndAsync(cancellationToken));
        if (records.Count == 0)
        {
            return new CsvFile([], [], requiredColumns);
        }

        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var index = allColumns.ToDictionary(c => c, c => header.IndexOf(c));
        var rows = new List<CsvRow>(records.Count);
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue; // blank lines at the end of a spreadsheet export
            }

            var values = index.ToDictionary(c => c.Key, c => c.Value >= 0 && c.Value < record.Length ? record[c.Value].Trim() : "");
            rows.Add(new CsvRow(r + 1, values));
        }

        return new CsvFile(header, rows, [.. requiredColumns.Where(c => !header.Contains(c))]);
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
    public bool Has(string column) => Header.Contains(column);
}

public sealed record CsvRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values[column];
}
