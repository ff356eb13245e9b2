using FlexWork.Application.Common;
using FlexWork.Application.Organization.ManageUnits;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Organization;

/// <summary>A unit's office on the map, where office days' check-ins are judged: kept by the agency's admin only.</summary>
public class UnitOfficeTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_admin_places_the_office_and_an_incomplete_area_changes_nothing()
    {
        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        var units = admin.ServiceProvider.GetRequiredService<UnitAdministration>();
        var kanwil = (await units.ListAsync(Ct)).Single(u => u.Name == "Kantor Wilayah Sulawesi Selatan");
        Assert.Equal((-5.1354, 119.4238, 120), (kanwil.Latitude, kanwil.Longitude, kanwil.RadiusMeters)); // as the demo placed it

        await units.UpdateAsync(kanwil.Id, Input(kanwil) with { Latitude = -5.1477, Longitude = 119.4327, RadiusMeters = 200 }, Ct);
        var moved = (await units.ListAsync(Ct)).Single(u => u.Id == kanwil.Id);
        Assert.Equal((-5.1477, 119.4327, 200), (moved.Latitude, moved.Longitude, moved.RadiusMeters));

        var incomplete = await Assert.ThrowsAsync<ValidationException>(() => units.UpdateAsync(kanwil.Id, Input(moved) with { RadiusMeters = null }, Ct));
        Assert.Contains(incomplete.Errors, e => e.ErrorCode == "LOCATION_AREA_INCOMPLETE");
        var tooSmall = await Assert.ThrowsAsync<ValidationException>(() => units.UpdateAsync(kanwil.Id, Input(moved) with { RadiusMeters = 5 }, Ct));
        Assert.Contains(tooSmall.Errors, e => e.ErrorCode == "LOCATION_RADIUS_RANGE");
        Assert.Equal(200, (await units.ListAsync(Ct)).Single(u => u.Id == kanwil.Id).RadiusMeters);

        await units.UpdateAsync(kanwil.Id, Input(moved) with { Latitude = null, Longitude = null, RadiusMeters = null }, Ct);
        Assert.Null((await units.ListAsync(Ct)).Single(u => u.Id == kanwil.Id).Latitude);
    }

    [Fact]
    public async Task Only_the_agencys_admin_places_its_offices()
    {
        UnitItem sdm;
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            sdm = (await admin.ServiceProvider.GetRequiredService<UnitAdministration>().ListAsync(Ct)).Single(u => u.Name == "Biro Sumber Daya Manusia");
        }

        var moved = Input(sdm) with { Latitude = 0, Longitude = 0, RadiusMeters = 100 };
        await using (var employee = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => employee.ServiceProvider.GetRequiredService<UnitAdministration>().UpdateAsync(sdm.Id, moved, Ct));
        }

        await using (var other = await fixture.ActAsAsync("admin@demo2.go.id"))
        {
            await Assert.ThrowsAsync<NotFoundException>(() => other.ServiceProvider.GetRequiredService<UnitAdministration>().UpdateAsync(sdm.Id, moved, Ct));
        }

        await using var again = await fixture.ActAsAsync("admin@demo.go.id");
        Assert.Equal(-6.2297, (await again.ServiceProvider.GetRequiredService<UnitAdministration>().ListAsync(Ct)).Single(u => u.Id == sdm.Id).Latitude);
    }

    private static UnitInput Input(UnitItem unit) =>
        new(unit.Name, unit.ParentId, unit.HeadEmployeeId, unit.TimeZoneId, unit.Version, unit.Latitude, unit.Longitude, unit.RadiusMeters);
}
