using System.Text;
using FlexWork.Application.Common;
using FlexWork.Application.Imports;
using FlexWork.Application.Imports.ImportEmployees;
using FlexWork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Imports;

public class EmployeeImportTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private const string Header = "nip,nama,email,unit,jabatan,nip_atasan,jenis_kepegawaian,tmt_jabatan,status_disiplin,disiplin_mulai,disiplin_selesai,disiplin_referensi,domisili,zona_waktu";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_file_creates_employees_with_their_supervisors_and_a_second_import_changes_nothing()
    {
        var csv = Csv(
            "199001012015011001,Import Kepala,import.kepala@demo.go.id,Direktorat Transformasi Digital,Direktur,,PNS,2024-01-01,,,,,,",
            // The subordinate comes first in the file; its supervisor is a later row.
            "199202022016022002,Import Staf,import.staf@demo.go.id,direktorat transformasi digital,Pranata Komputer,199001012015011001,pppk,15/03/2025,Proses,2026-01-05,,SK-12/2026,\"Jl. Mawar 3; Bandung\",WITA");

        var preview = await ImportAsync(csv, apply: false);
        Assert.Equal((2, 2, 0, 0, false), (preview.TotalRows, preview.Created, preview.Updated, preview.Unchanged, preview.Applied));
        Assert.Empty(preview.Errors);
        Assert.False(await EmployeeExistsAsync("199001012015011001"), "a preview must not write");

        var applied = await ImportAsync(csv, apply: true);
        Assert.True(applied.Applied);
        Assert.Equal(2, applied.Created);

        await using (var scope = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            var head = await db.Employees.SingleAsync(e => e.Nip == "199001012015011001", Ct);
            var staff = await db.Employees.SingleAsync(e => e.Nip == "199202022016022002", Ct);
            Assert.Equal(head.Id, staff.SupervisorId);
            Assert.Equal(Domain.Employees.EmploymentType.Pppk, staff.EmploymentType);
            Assert.Equal(new DateOnly(2025, 3, 15), staff.PositionStartDate);
            Assert.Equal(Domain.Employees.DisciplinaryStatus.InProcess, staff.DisciplinaryStatus);
            Assert.Equal("SK-12/2026", staff.DisciplinaryReference);
            Assert.Equal("Jl. Mawar 3; Bandung", staff.Domicile);
            Assert.Equal("Asia/Makassar", staff.TimeZoneId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == staff.Id.ToString() && a.Action == "Added", Ct));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "EmployeeImport", Ct));
        }

        var again = await ImportAsync(csv, apply: true);
        Assert.Equal((0, 0, 2, false), (again.Created, again.Updated, again.Unchanged, again.Applied));
    }

    [Fact]
    public async Task An_updated_file_updates_by_nip_and_the_change_is_audited()
    {
        var original = Csv("199303032017031003,Ubah Saya,ubah.saya@demo.go.id,Biro Umum dan Layanan Publik,Arsiparis,,PNS,2020-01-01,,,,,,");
        await ImportAsync(original, apply: true);

        var changed = Csv("199303032017031003,Ubah Saya Sudah,ubah.saya@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2020-01-01,,,,,,");
        var report = await ImportAsync(changed, apply: true);
        Assert.Equal((0, 1, 0), (report.Created, report.Updated, report.Unchanged));

        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var employee = await db.Employees.SingleAsync(e => e.Nip == "199303032017031003", Ct);
        Assert.Equal("Ubah Saya Sudah", employee.FullName);
        var audit = await db.AuditEntries.Where(a => a.EntityId == employee.Id.ToString() && a.Action == "Modified").SingleAsync(Ct);
        Assert.Contains("Ubah Saya Sudah", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("UnitId", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_kind_of_row_error_is_reported_with_row_and_column_and_nothing_is_applied()
    {
        var csv = Csv(
            "199404042018041004,Baris Baik,baris.baik@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,,",   // row 2: fine
            "12345,NIP Salah,nip.salah@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,,",                // row 3
            "199505052019051005,Unit Salah,unit.salah@demo.go.id,Biro Entah,Arsiparis,,PNS,2021-01-01,,,,,,",               // row 4
            "199606062020061006,Atasan Salah,atasan.salah@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,199909092020091999,PNS,2021-01-01,,,,,,", // row 5
            "199404042018041004,NIP Kembar,nip.kembar@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,,", // row 6
            "199707072021071007,Email Kembar,baris.baik@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,,", // row 7
            "199808082022081008,Tanggal Salah,tanggal.salah@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,31/02/2021,,,,,,", // row 8
            "199909092023091009,Jabatan Salah,jabatan.salah@demo.go.id,Biro Sumber Daya Manusia,Penyihir,,PNS,2021-01-01,,,,,,", // row 9
            "198001012005011010,Email Dipakai,pegawai@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,,");   // row 10

        var report = await ImportAsync(csv, apply: true);

        Assert.False(report.Applied);
        AssertError(report, 3, "nip", "NIP_INVALID", "12345");
        AssertError(report, 4, "unit", "UNIT_UNKNOWN", "Biro Entah");
        Assert.Contains(report.Errors, e => e is { Row: 5, Column: "nip_atasan", Code: "SUPERVISOR_UNKNOWN" });
        Assert.Contains(report.Errors, e => e is { Row: 6, Column: "nip", Code: "NIP_DUPLICATE_IN_FILE" } && e.Arguments[1] == "2");
        Assert.Contains(report.Errors, e => e is { Row: 7, Column: "email", Code: "EMAIL_DUPLICATE_IN_FILE" });
        AssertError(report, 8, "tmt_jabatan", "DATE_INVALID", "31/02/2021");
        AssertError(report, 9, "jabatan", "POSITION_UNKNOWN", "Penyihir");
        Assert.Contains(report.Errors, e => e is { Row: 10, Column: "email", Code: "EMAIL_IN_USE" });
        Assert.False(await EmployeeExistsAsync("199404042018041004"), "nothing is applied while any row has an error");

        // The admin may choose to apply the valid rows only.
        var partial = await ImportAsync(csv, apply: true, validRowsOnly: true);
        Assert.True(partial.Applied);
        Assert.Equal(1, partial.Created);
        Assert.True(await EmployeeExistsAsync("199404042018041004"));
    }

    [Fact]
    public async Task Quotes_that_do_not_match_are_one_clear_error_on_their_row_not_field_errors()
    {
        // Row 3 puts a quote in the middle of a cell; row 5 opens a quote that is never closed.
        var csv = Csv(
            "199101012016011101,Baris Dua,baris.dua@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,\"Jl. Melati No. 1, Jakarta\",",
            "199101012016011102,Baris \"Tiga\" Salah,baris.tiga@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,,",
            "199101012016011103,Baris Empat,baris.empat@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,,",
            "199101012016011105,Baris Lima,baris.lima@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,\"Jl. Mawar No. 5,",
            "199101012016011106,Baris Enam,baris.enam@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2021-01-01,,,,,,");

        var report = await ImportAsync(csv, apply: true);

        Assert.False(report.Applied);
        Assert.Equal([(3, "", "QUOTE_MISPLACED"), (5, "", "QUOTE_UNTERMINATED")], report.Errors.Select(e => (e.Row, e.Column, e.Code)));
        Assert.Equal((4, 2, 2), (report.TotalRows, report.RowsWithErrors, report.Created)); // row 6 is inside the open quote: not a row
        var partial = await ImportAsync(csv, apply: true, validRowsOnly: true);
        Assert.True(partial.Applied);
        Assert.True(await EmployeeExistsAsync("199101012016011101"));
        Assert.True(await EmployeeExistsAsync("199101012016011103"));
        Assert.False(await EmployeeExistsAsync("199101012016011106")); // swallowed by the open quote: never guessed at
    }

    [Fact]
    public async Task A_supervisor_cycle_across_rows_is_refused()
    {
        var csv = Csv(
            "197001012000011011,Siklus A,siklus.a@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,197002022000021012,PNS,2021-01-01,,,,,,",
            "197002022000021012,Siklus B,siklus.b@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,197003032000031013,PNS,2021-01-01,,,,,,",
            "197003032000031013,Siklus C,siklus.c@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,197001012000011011,PNS,2021-01-01,,,,,,");

        var report = await ImportAsync(csv, apply: true);

        Assert.False(report.Applied);
        Assert.Equal([2, 3, 4], report.Errors.Where(e => e.Code == "SUPERVISOR_CYCLE").Select(e => e.Row));
        Assert.False(await EmployeeExistsAsync("197001012000011011"));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_as_a_whole()
    {
        var report = await ImportAsync("nip;nama\n199001012015011001;Tanpa Kolom\n", apply: true);
        Assert.False(report.Applied);
        AssertError(report, 1, "email", "COLUMN_MISSING", "email");
    }

    [Theory]
    [InlineData("pegawai@demo.go.id")]
    [InlineData("atasan@demo.go.id")]
    [InlineData("platform@flexwork.local")]
    public async Task Only_an_agency_admin_may_import(string email)
    {
        await using var scope = await fixture.ActAsAsync(email);
        var service = scope.ServiceProvider.GetRequiredService<EmployeeImportService>();
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => service.PreviewAsync(Stream(Csv()), Ct));
    }

    [Fact]
    public async Task An_import_by_demo2_cannot_touch_demo_people_even_with_their_nip()
    {
        string pegawaiNip;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            pegawaiNip = await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.IgnoreQueryFilters()
                .Where(e => e.Email == "pegawai@demo.go.id").Select(e => e.Nip).SingleAsync(Ct);
        }

        // In DEMO2 this NIP is unknown, so the row would create a DEMO2 employee, never change DEMO's.
        var csv = Csv($"{pegawaiNip},Bukan Andi,bukan.andi@demo2.go.id,Badan Kepegawaian Daerah,Analis Kepegawaian,,PNS,2021-01-01,,,,,,");
        await using (var scope = await fixture.ActAsAsync("admin@demo2.go.id"))
        {
            var report = await scope.ServiceProvider.GetRequiredService<EmployeeImportService>().ApplyAsync(Stream(csv), validRowsOnly: false, cancellationToken: Ct);
            Assert.Equal(1, report.Created);
        }

        await using var check = fixture.Services.CreateAsyncScope();
        var andi = await check.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.IgnoreQueryFilters()
            .SingleAsync(e => e.Email == "pegawai@demo.go.id", Ct);
        Assert.Equal("Andi Pratama", andi.FullName);
    }

    private static void AssertError(ImportReport report, int row, string column, string code, params string[] arguments) =>
        Assert.Contains(report.Errors, e => e.Row == row && e.Column == column && e.Code == code && e.Arguments.SequenceEqual(arguments));

    private async Task<ImportReport> ImportAsync(string csv, bool apply, bool validRowsOnly = false)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var service = scope.ServiceProvider.GetRequiredService<EmployeeImportService>();
        return apply
            ? await service.ApplyAsync(Stream(csv), validRowsOnly, cancellationToken: Ct)
            : await service.PreviewAsync(Stream(csv), Ct);
    }

    private async Task<bool> EmployeeExistsAsync(string nip)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        return await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.AnyAsync(e => e.Nip == nip, Ct);
    }

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static MemoryStream Stream(string csv) => new(Encoding.UTF8.GetBytes(csv));
}
