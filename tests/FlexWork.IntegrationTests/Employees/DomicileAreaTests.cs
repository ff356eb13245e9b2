using System.Text;
using FlexWork.Application.Common;
using FlexWork.Application.Employees.ManageEmployees;
using FlexWork.Application.Imports.ImportEmployees;
using FlexWork.Domain.Locations;
using FlexWork.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Employees;

/// <summary>The domicile on the map, where home days' check-ins are judged: kept by the agency's admin, in the form and by import.</summary>
public class DomicileAreaTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private const string Header = "nip,nama,email,unit,jabatan,jenis_kepegawaian,tmt_jabatan,domisili";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_admin_places_the_domicile_and_an_incomplete_area_changes_nothing()
    {
        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        var employees = admin.ServiceProvider.GetRequiredService<EmployeeAdministration>();
        var id = await EmployeeIdAsync(admin, "baru@demo.go.id");
        var baru = await employees.GetAsync(id, Ct);
        Assert.Null(baru.DomicileLatitude);

        await employees.UpdateAsync(id, baru.ToInput() with { DomicileLatitude = -6.4025, DomicileLongitude = 106.7942, DomicileRadiusMeters = 150 }, Ct);
        var placed = await employees.GetAsync(id, Ct);
        Assert.Equal((-6.4025, 106.7942, 150), (placed.DomicileLatitude, placed.DomicileLongitude, placed.DomicileRadiusMeters));
        Assert.Equal("Jl. Kenanga No. 5, Depok", placed.Domicile);

        var incomplete = await Assert.ThrowsAsync<ValidationException>(() => employees.UpdateAsync(id, placed.ToInput() with { DomicileLongitude = null }, Ct));
        Assert.Contains(incomplete.Errors, e => e.ErrorCode == "LOCATION_AREA_INCOMPLETE");
        var offTheMap = await Assert.ThrowsAsync<ValidationException>(() => employees.UpdateAsync(id, placed.ToInput() with { DomicileLatitude = 91 }, Ct));
        Assert.Contains(offTheMap.Errors, e => e.ErrorCode == "LOCATION_AREA_INVALID");
        Assert.Equal(-6.4025, (await employees.GetAsync(id, Ct)).DomicileLatitude);

        await employees.UpdateAsync(id, placed.ToInput() with { DomicileLatitude = null, DomicileLongitude = null, DomicileRadiusMeters = null }, Ct);
        Assert.Null((await employees.GetAsync(id, Ct)).DomicileRadiusMeters);
    }

    [Fact]
    public async Task Only_the_agencys_admin_places_a_domicile()
    {
        EmployeeDetails pegawai;
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            pegawai = await admin.ServiceProvider.GetRequiredService<EmployeeAdministration>().GetAsync(await EmployeeIdAsync(admin, "pegawai@demo.go.id"), Ct);
        }

        var moved = pegawai.ToInput() with { DomicileLatitude = 0, DomicileLongitude = 0, DomicileRadiusMeters = 100 };
        await using (var supervisor = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => supervisor.ServiceProvider.GetRequiredService<EmployeeAdministration>().UpdateAsync(pegawai.Id, moved, Ct));
        }

        await using (var other = await fixture.ActAsAsync("admin@demo2.go.id"))
        {
            await Assert.ThrowsAsync<NotFoundException>(() => other.ServiceProvider.GetRequiredService<EmployeeAdministration>().UpdateAsync(pegawai.Id, moved, Ct));
        }

        await using var again = await fixture.ActAsAsync("admin@demo.go.id");
        Assert.Equal(-6.2615, (await again.ServiceProvider.GetRequiredService<EmployeeAdministration>().GetAsync(pegawai.Id, Ct)).DomicileLatitude);
    }

    [Fact]
    public async Task An_import_places_domiciles_reads_a_decimal_comma_and_a_file_without_the_columns_keeps_them()
    {
        const string nip = "199404042018041004";
        var withArea = $"{Header},domisili_lintang,domisili_bujur,domisili_radius\n"
            + $"{nip},Rumah Di Peta,rumah.peta@demo.go.id,Biro Umum dan Layanan Publik,Arsiparis,PNS,2020-01-01,Bogor,\"-6,5971\",\"106,8060\",120\n";
        var report = await ImportAsync(withArea);
        Assert.Empty(report.Errors);
        Assert.Equal(new GeoArea(-6.5971, 106.806, 120), await DomicileAreaAsync(nip));

        var hrExport = $"{Header}\n{nip},Rumah Di Peta,rumah.peta@demo.go.id,Biro Umum dan Layanan Publik,Arsiparis,PNS,2020-01-01,Bogor\n";
        Assert.Equal(1, (await ImportAsync(hrExport)).Unchanged);
        Assert.Equal(new GeoArea(-6.5971, 106.806, 120), await DomicileAreaAsync(nip));

        var broken = $"{Header},domisili_lintang,domisili_bujur,domisili_radius\n"
            + $"{nip},Rumah Di Peta,rumah.peta@demo.go.id,Biro Umum dan Layanan Publik,Arsiparis,PNS,2020-01-01,Bogor,-6.5971,,120\n"
            + "199505052019051005,Rumah Jauh,rumah.jauh@demo.go.id,Biro Umum dan Layanan Publik,Arsiparis,PNS,2020-01-01,Bogor,-96.1,106.8,120\n"
            + "199606062020061006,Rumah Sempit,rumah.sempit@demo.go.id,Biro Umum dan Layanan Publik,Arsiparis,PNS,2020-01-01,Bogor,-6.6,106.8,5\n";
        var refused = await ImportAsync(broken);
        Assert.Contains(refused.Errors, e => e.Row == 2 && e.Column == EmployeeCsv.DomicileLatitude && e.Code == "LOCATION_AREA_INCOMPLETE");
        Assert.Contains(refused.Errors, e => e.Row == 3 && e.Column == EmployeeCsv.DomicileLatitude && e.Code == "LOCATION_AREA_INVALID");
        Assert.Contains(refused.Errors, e => e.Row == 4 && e.Column == EmployeeCsv.DomicileRadius && e.Code == "LOCATION_RADIUS_RANGE");
        Assert.False(refused.Applied);
        Assert.Equal(new GeoArea(-6.5971, 106.806, 120), await DomicileAreaAsync(nip));
    }

    private async Task<Application.Imports.ImportReport> ImportAsync(string csv)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        return await scope.ServiceProvider.GetRequiredService<EmployeeImportService>()
            .ApplyAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), validRowsOnly: false, cancellationToken: Ct);
    }

    private async Task<GeoArea?> DomicileAreaAsync(string nip)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var employee = await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.AsNoTracking().SingleAsync(e => e.Nip == nip, Ct);
        return employee.DomicileArea;
    }

    private static async Task<Guid> EmployeeIdAsync(AsyncServiceScope scope, string email) =>
        await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.Where(e => e.Email == email).Select(e => e.Id).SingleAsync(Ct);
}
