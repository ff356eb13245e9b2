using System.Text;
using FlexWork.Application.Common;
using FlexWork.Application.Imports;
using FlexWork.Application.Imports.ImportOrganization;
using FlexWork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Imports;

public class OrganizationImportTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private const string UnitHeader = "nama,induk,zona_waktu,nip_pimpinan";
    private const string PositionHeader = "nama,jenis,luar_kantor,tanpa_ruang_khusus,dengan_tik,sedikit_tatap_muka,tanpa_pengawasan_terus";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_unit_tree_imports_children_before_parents_and_a_second_import_changes_nothing()
    {
        var headNip = await NipOfAsync("atasan@demo.go.id");
        var csv = Csv(
            UnitHeader,
            "Seksi Impor Satu,Bidang Impor,,",  // the child comes first; its parent is a later row
            $"Bidang Impor,Sekretariat Jenderal,WITA,{headNip}",
            "Seksi Impor Dua,bidang   impor,,");

        var preview = await ImportUnitsAsync(csv, apply: false);
        Assert.Equal((3, 3, 0, 0, false), (preview.TotalRows, preview.Created, preview.Updated, preview.Unchanged, preview.Applied));
        Assert.Empty(preview.Errors);

        var applied = await ImportUnitsAsync(csv, apply: true);
        Assert.True(applied.Applied);
        Assert.Equal(3, applied.CreatedIds.Count);

        await using (var scope = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            var units = await db.OrganizationUnits.ToDictionaryAsync(u => u.Name, Ct);
            var bidang = units["Bidang Impor"];
            Assert.Equal(units["Sekretariat Jenderal"].Id, bidang.ParentId);
            Assert.Equal("Asia/Makassar", bidang.TimeZoneId);
            Assert.Equal(await db.Employees.Where(e => e.Nip == headNip).Select(e => e.Id).SingleAsync(Ct), bidang.HeadEmployeeId);
            Assert.Equal(bidang.Id, units["Seksi Impor Satu"].ParentId);
            Assert.Equal(bidang.Id, units["Seksi Impor Dua"].ParentId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "UnitImport", Ct));
        }

        var again = await ImportUnitsAsync(csv, apply: true);
        Assert.Equal((0, 0, 3, false), (again.Created, again.Updated, again.Unchanged, again.Applied));
    }

    [Fact]
    public async Task A_changed_file_can_turn_a_branch_upside_down_and_columns_left_out_keep_their_settings()
    {
        await ImportUnitsAsync(Csv(UnitHeader, "Balik Atas,,WIT,", "Balik Bawah,Balik Atas,,"), apply: true);

        // Only names and parents: the time zone set above must survive.
        var report = await ImportUnitsAsync(Csv("nama,induk", "Balik Bawah,", "Balik Atas,Balik Bawah"), apply: true);
        Assert.Equal((0, 2, true), (report.Created, report.Updated, report.Applied));

        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var atas = await db.OrganizationUnits.SingleAsync(u => u.Name == "Balik Atas", Ct);
        var bawah = await db.OrganizationUnits.SingleAsync(u => u.Name == "Balik Bawah", Ct);
        Assert.Null(bawah.ParentId);
        Assert.Equal(bawah.Id, atas.ParentId);
        Assert.Equal("Asia/Jayapura", atas.TimeZoneId);
        var changes = await db.AuditEntries.Where(a => a.EntityId == atas.Id.ToString() && a.Action == "Modified").Select(a => a.Changes).ToListAsync(Ct);
        Assert.Contains(changes, c => c.Contains("ParentId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_kind_of_unit_row_error_is_reported_and_nothing_is_applied()
    {
        var csv = Csv(
            UnitHeader,
            "Unit Galat Baik,,,",                       // row 2: fine
            ",Sekretariat Jenderal,,",                  // row 3: no name
            "Unit Galat Baik,,,",                       // row 4: repeated
            "Unit Galat Yatim,Unit Entah,,",            // row 5: unknown parent
            "Unit Galat A,Unit Galat B,,",              // row 6: A under B ...
            "Unit Galat B,Unit Galat A,,",              // row 7: ... and B under A
            "Unit Galat Zona,,Mars,",                   // row 8
            "Unit Galat NIP,,,123",                     // row 9
            "Unit Galat Pimpinan,,,199909092020091999", // row 10: nobody has this NIP
            "Sekretariat Jenderal,Biro Sumber Daya Manusia,,", // row 11: under its own child
            $"{new string('x', 201)},,,");              // row 12

        var report = await ImportUnitsAsync(csv, apply: true);

        Assert.False(report.Applied);
        AssertError(report, 3, "nama", "NAME_REQUIRED");
        AssertError(report, 4, "nama", "NAME_DUPLICATE_IN_FILE", "Unit Galat Baik", "2");
        AssertError(report, 5, "induk", "PARENT_UNKNOWN", "Unit Entah");
        AssertError(report, 6, "induk", "UNIT_CYCLE", "Unit Galat B");
        AssertError(report, 7, "induk", "UNIT_CYCLE", "Unit Galat A");
        AssertError(report, 8, "zona_waktu", "TIME_ZONE_INVALID", "Mars");
        AssertError(report, 9, "nip_pimpinan", "NIP_INVALID", "123");
        AssertError(report, 10, "nip_pimpinan", "HEAD_UNKNOWN", "199909092020091999");
        AssertError(report, 11, "induk", "UNIT_CYCLE", "Biro Sumber Daya Manusia");
        AssertError(report, 12, "nama", "NAME_TOO_LONG", "200");
        Assert.Equal(1, report.Created);

        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        Assert.False(await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().OrganizationUnits.AnyAsync(u => u.Name == "Unit Galat Baik", Ct));
    }

    [Fact]
    public async Task Positions_import_with_their_criteria_deciding_eligibility_and_update_by_name()
    {
        var csv = Csv(
            PositionHeader,
            "Penata Impor Layak,Fungsional,Ya,ya,Y,1,Yes",
            "Petugas Impor Loket,pelaksana,Tidak,Ya,Tidak,Tidak,Tidak");
        var applied = await ImportPositionsAsync(csv, apply: true);
        Assert.Equal((2, true), (applied.Created, applied.Applied));
        Assert.Equal(0, (await ImportPositionsAsync(csv, apply: true)).Updated);

        // Without criteria columns an existing position keeps its checklist; a new one starts ineligible.
        var kindOnly = await ImportPositionsAsync(Csv("nama,jenis", "penata impor layak,Struktural", "Jabatan Impor Baru,Fungsional"), apply: true);
        Assert.Equal((1, 1), (kindOnly.Created, kindOnly.Updated));

        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var positions = await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Positions.ToDictionaryAsync(p => p.Name, Ct);
        Assert.True(positions["Penata Impor Layak"].IsFlexibleWorkEligible);
        Assert.Equal(Domain.Organization.PositionKind.Struktural, positions["Penata Impor Layak"].Kind);
        Assert.False(positions["Petugas Impor Loket"].IsFlexibleWorkEligible);
        Assert.True(positions["Petugas Impor Loket"].Criteria.NoSpecialWorkspaceOrEquipment);
        Assert.False(positions["Jabatan Impor Baru"].IsFlexibleWorkEligible);
    }

    [Fact]
    public async Task Position_row_errors_are_reported_and_nothing_is_applied()
    {
        var csv = Csv(
            PositionHeader,
            "Jabatan Galat Baik,Fungsional,Ya,Ya,Ya,Ya,Ya",
            "Jabatan Galat Jenis,Honorer,Ya,Ya,Ya,Ya,Ya",
            "Jabatan Galat Kriteria,Fungsional,Mungkin,Ya,Ya,Ya,Ya",
            "jabatan galat baik,Fungsional,Ya,Ya,Ya,Ya,Ya");

        var report = await ImportPositionsAsync(csv, apply: true);

        Assert.False(report.Applied);
        AssertError(report, 3, "jenis", "POSITION_KIND_INVALID", "Honorer");
        AssertError(report, 4, "luar_kantor", "CRITERION_INVALID", "Mungkin");
        AssertError(report, 5, "nama", "NAME_DUPLICATE_IN_FILE", "jabatan galat baik", "2");

        var validOnly = await ImportPositionsAsync(csv, apply: true, validRowsOnly: true);
        Assert.Equal((1, true), (validOnly.Created, validOnly.Applied));
    }

    [Fact]
    public async Task Only_agency_admins_import_and_each_agency_only_into_its_own_tree()
    {
        foreach (var email in new[] { "pegawai@demo.go.id", "atasan@demo.go.id", "platform@flexwork.local" })
        {
            await using var scope = await fixture.ActAsAsync(email);
            await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
                scope.ServiceProvider.GetRequiredService<UnitImportService>().PreviewAsync(Stream(Csv(UnitHeader, "X,,,")), Ct));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
                scope.ServiceProvider.GetRequiredService<PositionImportService>().PreviewAsync(Stream(Csv(PositionHeader, "X,Fungsional,Ya,Ya,Ya,Ya,Ya")), Ct));
        }

        // DEMO's units are invisible to DEMO2: as a parent they are unknown, as a name they are new.
        await using (var scope = await fixture.ActAsAsync("admin@demo2.go.id"))
        {
            var units = scope.ServiceProvider.GetRequiredService<UnitImportService>();
            var report = await units.ApplyAsync(Stream(Csv("nama,induk", "Sekretariat Jenderal,", "Unit Lintas,Biro Sumber Daya Manusia")), validRowsOnly: true, Ct);
            Assert.Equal(1, report.Created);
            AssertError(report, 3, "induk", "PARENT_UNKNOWN", "Biro Sumber Daya Manusia");
        }

        await using var check = fixture.Services.CreateAsyncScope();
        var all = await check.ServiceProvider.GetRequiredService<FlexWorkDbContext>().OrganizationUnits.IgnoreQueryFilters()
            .Where(u => u.Name == "Sekretariat Jenderal").ToListAsync(Ct);
        Assert.Equal(2, all.Select(u => u.AgencyId).Distinct().Count());
    }

    private static void AssertError(ImportReport report, int row, string column, string code, params string[] arguments) =>
        Assert.True(
            report.Errors.Any(e => e.Row == row && e.Column == column && e.Code == code && e.Arguments.SequenceEqual(arguments)),
            $"expected {code} on row {row}; got: " + string.Join("; ", report.Errors.Select(e => $"{e.Row}/{e.Column}/{e.Code}({string.Join(",", e.Arguments)})")));

    private async Task<ImportReport> ImportUnitsAsync(string csv, bool apply, bool validRowsOnly = false)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var service = scope.ServiceProvider.GetRequiredService<UnitImportService>();
        return apply ? await service.ApplyAsync(Stream(csv), validRowsOnly, Ct) : await service.PreviewAsync(Stream(csv), Ct);
    }

    private async Task<ImportReport> ImportPositionsAsync(string csv, bool apply, bool validRowsOnly = false)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var service = scope.ServiceProvider.GetRequiredService<PositionImportService>();
        return apply ? await service.ApplyAsync(Stream(csv), validRowsOnly, Ct) : await service.PreviewAsync(Stream(csv), Ct);
    }

    private async Task<string> NipOfAsync(string email)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        return await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.Where(e => e.Email == email).Select(e => e.Nip).SingleAsync(Ct);
    }

    private static string Csv(string header, params string[] rows) => header + "\n" + string.Join("\n", rows) + "\n";

    private static MemoryStream Stream(string csv) => new(Encoding.UTF8.GetBytes(csv));
}
