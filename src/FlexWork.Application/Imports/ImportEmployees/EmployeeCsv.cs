namespace FlexWork.Application.Imports.ImportEmployees;

/// <summary>The employee CSV's columns (docs/import-format.md).</summary>
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
    public const string DomicileLatitude = "domisili_lintang";
    public const string DomicileLongitude = "domisili_bujur";
    public const string DomicileRadius = "domisili_radius";
    public const string TimeZone = "zona_waktu";

    public static IReadOnlyList<string> RequiredColumns { get; } = [Nip, Name, Email, Unit, Position, EmploymentType, PositionStart];

    public static IReadOnlyList<string> AllColumns { get; } =
    [
        Nip, Name, Email, Unit, Position, SupervisorNip, EmploymentType, PositionStart,
        Disciplinary, DisciplinaryFrom, DisciplinaryUntil, DisciplinaryReference, Domicile, TimeZone,
        DomicileLatitude, DomicileLongitude, DomicileRadius,
    ];

    /// <summary>A template with the header and one example row, for admins to download.</summary>
    public static string Template { get; } =
        string.Join(",", AllColumns) + "\n" +
        "198503152010011001,Andi Pratama,andi.pratama@instansi.go.id,Biro Sumber Daya Manusia,Analis Sumber Daya Manusia Aparatur,197510192000102003,PNS,2023-01-02,,,,,\"Jl. Melati No. 12, Jakarta Selatan\",WIB,-6.2615,106.8106,100\n";

    public static Task<CsvFile> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        ImportCsv.ReadAsync(stream, AllColumns, RequiredColumns, cancellationToken);
}
