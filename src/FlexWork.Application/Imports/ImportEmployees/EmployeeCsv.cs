using FlexWork.Application.Common;

namespace FlexWork.Application.Imports.ImportEmployees;

/// <summary>
/// The employee CSV: UTF-8, a header row, comma or semicolon separated (spreadsheets in
/// Indonesian locale write semicolons). Columns are documented in docs/import-format.md.
/// </summary>
public static class EmployeeCsv
{
    public const string Nip = "nip";
    public const string Name = "nama";
    public const string Email = "email";
    public const string Unit = "unit";
    public const string Position = "jabatan";
    public const string SupervisorNip = "nip_atasan";
    public const string EmploymentType = "jenis_kepegawaian";
    public const string PositionStart = "tmt_jabatan";
    public const string Disciplinary = "status_disiplin";
    public const string DisciplinaryFrom = "disiplin_mulai";
    public const string DisciplinaryUntil = "disiplin_selesai";
    public const string DisciplinaryReference = "disiplin_referensi";
    public const string Domicile = "domisili";
    public const string TimeZone = "zona_waktu";

    public static IReadOnlyList<string> RequiredColumns { get; } = [Nip, Name, Email, Unit, Position, EmploymentType, PositionStart];

    public static IReadOnlyList<string> AllColumns { get; } =
    [
        Nip, Name, Email, Unit, Position, SupervisorNip, EmploymentType, PositionStart,
        Disciplinary, DisciplinaryFrom, DisciplinaryUntil, DisciplinaryReference, Domicile, TimeZone,
    ];

    /// <summary>A template with the header and one example row, for admins to download.</summary>
    public static string Template { get; } =
        string.Join(",", AllColumns) + "\n" +
        "198503152010011001,Andi Pratama,andi.pratama@instansi.go.id,Biro Sumber Daya Manusia,Analis Sumber Daya Manusia Aparatur,197510192000102003,PNS,2023-01-02,,,,,\"Jl. Melati No. 12, Jakarta Selatan\",WIB\n";

    /// <summary>Reads the rows; row numbers count the header as row 1, as a spreadsheet shows them.</summary>
    public static async Task<CsvFile> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = CsvReader.Read(await reader.ReadToEndAsync(cancellationToken));
        if (records.Count == 0)
        {
            return new CsvFile([], [], RequiredColumns);
        }

        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var index = AllColumns.ToDictionary(c => c, c => header.IndexOf(c));
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

        return new CsvFile(header, rows, [.. RequiredColumns.Where(c => !header.Contains(c))]);
    }
}

public sealed record CsvFile(IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows, IReadOnlyList<string> MissingColumns);

public sealed record CsvRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values[column];
}
