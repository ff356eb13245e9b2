using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Performance;

/// <summary>Last month of the demo: Andi's home days have reports (one late), his office days none; the team's predikat vary.</summary>
public class ResultsByModeTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task The_supervisor_sees_office_days_against_flexible_days_per_person_and_for_the_team()
    {
        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        var last = (await siti.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.State == PeriodState.Closed);
        var results = await siti.Get<ResultsByModeService>().TeamAsync(last.Id, Ct);

        var andi = results.People.Single(p => p.FullName == "Andi Pratama");
        Assert.True(andi.Flexible.Days >= 4, $"{andi.Flexible.Days} flexible days");
        Assert.Equal(andi.Flexible.Days, andi.Flexible.OnTime + andi.Flexible.Late + andi.Flexible.Missing);
        Assert.Equal(1, andi.Flexible.Late);
        Assert.True(andi.Flexible.Outputs >= andi.Flexible.OnTime);
        Assert.True(andi.Office.Days > andi.Flexible.Days);
        Assert.Equal(0, andi.Office.Missing); // office days need no report under the demo policy
        Assert.Equal(PerformanceRating.Baik, andi.Predikat);
        Assert.Equal(results.People.Sum(p => p.Flexible.Days), results.Flexible.Days);
    }

    [Fact]
    public async Task The_unit_head_sees_each_unit_with_its_predikat_distribution_and_others_are_refused()
    {
        await using var hendra = await fixture.ActAsAsync("kepala@demo.go.id");
        var last = (await hendra.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.State == PeriodState.Closed);
        var sdm = Assert.Single(await hendra.Get<ResultsByModeService>().UnitsAsync(last.Id, Ct));

        Assert.Equal("Biro Sumber Daya Manusia", sdm.UnitName);
        Assert.Equal(1, sdm.Predikat[PerformanceRating.SangatBaik]);
        Assert.Equal(1, sdm.Predikat[PerformanceRating.ButuhPerbaikan]);
        Assert.True(sdm.Predikat[PerformanceRating.Baik] >= 2);
        Assert.Equal(sdm.People, sdm.Predikat.Values.Sum() + sdm.NotRated);

        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        Assert.Equal("PERFORMANCE_NOT_UNIT_HEAD", (await Assert.ThrowsAsync<ForbiddenAccessException>(() => siti.Get<ResultsByModeService>().UnitsAsync(last.Id, Ct))).Reason);
        await using var demo2 = await fixture.ActAsAsync("admin@demo2.go.id");
        await Assert.ThrowsAsync<NotFoundException>(() => demo2.Get<ResultsByModeService>().UnitsAsync(last.Id, Ct));
        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        Assert.Equal(5, (await admin.Get<ResultsByModeService>().UnitsAsync(last.Id, Ct)).Count);
    }
}
