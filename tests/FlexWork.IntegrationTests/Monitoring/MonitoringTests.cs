using FlexWork.Application.Common;
using FlexWork.Application.Employees.ManageEmployees;
using FlexWork.Application.Monitoring;
using FlexWork.Application.Performance;
using FlexWork.Application.Presence;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
using Microsoft.EntityFrameworkCore;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Monitoring;

/// <summary>
/// The monitoring dashboard's figures, counted in SQL, held to the answers the per-person services
/// give on the demo: results by mode for the last period, the presence ledger for this month.
/// </summary>
public class MonitoringTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static DateOnly ThisMonth
    {
        get
        {
            var today = PolicyCheckContext.TodayIn(DateTimeOffset.UtcNow, IndonesianTimeZones.Wib);
            return new DateOnly(today.Year, today.Month, 1);
        }
    }

    [Fact]
    public async Task A_units_month_counts_the_same_days_reports_and_predikat_as_results_by_mode()
    {
        await using var hendra = await fixture.ActAsAsync("kepala@demo.go.id");
        var last = (await hendra.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.State == PeriodState.Closed);
        var expected = Assert.Single(await hendra.Get<ResultsByModeService>().UnitsAsync(last.Id, Ct));

        var month = await hendra.Get<MonitoringService>().MonthAsync(last.From, null, Ct);

        Assert.False(month.WholeAgency);
        var sdm = Assert.Single(month.Rows);
        Assert.Equal(("Biro Sumber Daya Manusia", expected.People), (sdm.Name, sdm.Figures.People));
        Assert.True(sdm.Figures.FlexibleDays > 0);
        Assert.Equal((expected.Flexible.Days, expected.Office.Days), (sdm.Figures.FlexibleDays, sdm.Figures.OfficeDays));
        Assert.Equal(expected.Flexible.Missing + expected.Office.Missing, sdm.Figures.ReportsOverdue);
        Assert.Equal(expected.Predikat.OrderBy(p => p.Key), sdm.Figures.Predikat.OrderBy(p => p.Key));
        Assert.Equal(sdm.Figures.WorkingDays, sdm.Figures.FlexibleByMode.Values.Sum() + sdm.Figures.DaysIn(WorkMode.Office));
        Assert.Equal((sdm.Figures.WorkingDays, sdm.Figures.FlexibleDays, sdm.Figures.Present, sdm.Figures.Targets), (month.Total.WorkingDays, month.Total.FlexibleDays, month.Total.Present, month.Total.Targets));
        Assert.InRange(sdm.Figures.Absent, 0, 2); // at most the two days team[1] stayed away without a word

        // Realisation: each agreed target's reported quantities against its value, as the performance pages add them up.
        await using var db = await hendra.Get<IFlexWorkDbContextFactory>().CreateAsync(Ct);
        var people = await db.Employees.Where(e => e.IsActive && e.UnitId == sdm.Id).Select(e => e.Id).ToListAsync(Ct);
        var targets = (await db.PerformanceTargets.Where(t => t.PeriodId == last.Id && t.State == TargetState.Agreed && people.Contains(t.EmployeeId)).ToListAsync(Ct))
            .Where(t => t.Content.Value > 0).ToList();
        var reported = (await db.WorkReports.Where(r => people.Contains(r.EmployeeId) && r.Date >= last.From && r.Date <= last.To).Select(r => r.Items).ToListAsync(Ct))
            .SelectMany(items => items).Where(i => i.TargetId is not null).GroupBy(i => i.TargetId!.Value).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity ?? 0));
        Assert.NotEmpty(reported);
        Assert.Equal(targets.Count, sdm.Figures.Targets);
        Assert.Equal(Math.Round(targets.Sum(t => Math.Min(reported.GetValueOrDefault(t.Id) / t.Content.Value!.Value, 2)), 6), Math.Round(sdm.Figures.RealisationSum, 6));
    }

    [Fact]
    public async Task Drilled_down_to_people_a_month_has_the_ledgers_absences_and_the_recorded_presence()
    {
        var ids = await fixture.EmployeeIdsAsync();
        await using var hendra = await fixture.ActAsAsync("kepala@demo.go.id");
        var sdmId = (await hendra.Get<MonitoringService>().UnitsAsync(Ct)).Single().Key;
        var month = await hendra.Get<MonitoringService>().MonthAsync(ThisMonth, sdmId, Ct);
        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        var ledgers = await siti.Get<PresenceLedgerService>().TeamAsync(null, Ct);

        Assert.Equal("Biro Sumber Daya Manusia", month.UnitName);
        Assert.Contains(month.Rows, r => r.Id == ids["pegawai@demo.go.id"] && r.Nip is { Length: 18 });
        foreach (var ledger in ledgers)
        {
            var row = month.Rows.Single(r => r.Id == ledger.EmployeeId);
            Assert.Equal(ledger.Absences.Dates.Count(d => d >= ThisMonth), row.Figures.Absent);
        }

        var today = PolicyCheckContext.TodayIn(DateTimeOffset.UtcNow, IndonesianTimeZones.Wib);
        var people = month.Rows.Select(r => r.Id).ToList();
        var (present, flagged) = (0, 0);
        await fixture.ArrangeAsync(async db =>
        {
            var days = db.PresenceDays.IgnoreQueryFilters().Where(d => people.Contains(d.EmployeeId) && d.Date >= ThisMonth && d.Date < today && !d.OnNonWorkingDay);
            present = await days.CountAsync(Ct);
            flagged = await days.CountAsync(d => d.CheckInCheck.Outcome == LocationOutcome.Outside || d.CheckOutCheck!.Outcome == LocationOutcome.Outside, Ct);
        });
        Assert.Equal((present, flagged), (month.Total.Present, month.Total.Flagged));
        Assert.Equal(month.Rows.Sum(r => r.Figures.Absent), month.Total.Absent);
    }

    [Fact]
    public async Task Before_and_after_compare_the_months_around_the_first_policy()
    {
        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        var month = await admin.Get<MonitoringService>().MonthAsync(ThisMonth, null, Ct);

        var comparison = month.Comparison;
        Assert.Equal(ThisMonth.AddMonths(-2), comparison.PolicyEffectiveFrom);
        Assert.Equal((ThisMonth.AddMonths(-8), ThisMonth.AddMonths(-2).AddDays(-1)), (comparison.BeforeFrom, comparison.BeforeTo));
        Assert.Equal(0, comparison.Before.FlexibleDays); // nobody worked away before the policy
        Assert.True(comparison.Before.Present > 0, "the demo has presence before the policy");
        Assert.True(comparison.After.FlexibleSharePercent > 0);
        Assert.True(comparison.After.WorkingDays > month.Total.WorkingDays);
    }

    [Fact]
    public async Task Only_unit_heads_admins_and_the_agency_leadership_monitor_and_nobody_sees_another_agency()
    {
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var all = await admin.Get<MonitoringService>().MonthAsync(ThisMonth, null, Ct);
            Assert.True(all.WholeAgency);
            Assert.Equal(5, all.Rows.Count);
            var future = await Assert.ThrowsAsync<DomainException>(() => admin.Get<MonitoringService>().MonthAsync(ThisMonth.AddMonths(1), null, Ct));
            Assert.Equal("MONITORING_MONTH_RANGE", future.Code);
        }

        await using (var sekjen = await fixture.ActAsAsync("sekjen@demo.go.id"))
        {
            Assert.True((await sekjen.Get<MonitoringService>().MonthAsync(ThisMonth, null, Ct)).WholeAgency); // the demo's agency leadership
        }

        await using var hendra = await fixture.ActAsAsync("kepala@demo.go.id");
        var sdmId = (await hendra.Get<MonitoringService>().UnitsAsync(Ct)).Single().Key;
        await using (var siti = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            var refused = await Assert.ThrowsAsync<ForbiddenAccessException>(() => siti.Get<MonitoringService>().MonthAsync(ThisMonth, null, Ct));
            Assert.Equal("MONITORING_NOT_ALLOWED", refused.Reason);
        }

        await using (var demo2 = await fixture.ActAsAsync("admin@demo2.go.id"))
        {
            await Assert.ThrowsAsync<NotFoundException>(() => demo2.Get<MonitoringService>().MonthAsync(ThisMonth, sdmId, Ct));
        }

        await using (var platform = await fixture.ActAsAsync(Infrastructure.Seeding.DemoSeeder.PlatformAdminEmail))
        {
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => platform.Get<MonitoringService>().MonthAsync(ThisMonth, null, Ct));
        }

        // The leadership role, granted and withdrawn by an admin: Bunga heads nothing.
        var bunga = (await fixture.EmployeeIdsAsync())["baru@demo.go.id"];
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            await admin.Get<EmployeeAdministration>().SetLeadershipAsync(bunga, leads: true, Ct);
            Assert.Contains(bunga, await admin.Get<EmployeeAdministration>().LeadershipAsync(Ct));
        }

        await using (var leader = await fixture.ActAsAsync("baru@demo.go.id"))
        {
            Assert.Equal(5, (await leader.Get<MonitoringService>().MonthAsync(ThisMonth, null, Ct)).Rows.Count);
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => leader.Get<EmployeeAdministration>().SetLeadershipAsync(bunga, leads: false, Ct)); // read-only
        }

        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            await admin.Get<EmployeeAdministration>().SetLeadershipAsync(bunga, leads: false, Ct);
        }

        await using var former = await fixture.ActAsAsync("baru@demo.go.id");
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => former.Get<MonitoringService>().MonthAsync(ThisMonth, null, Ct));
        Assert.True(await fixture.AuditCountAsync("ApplicationUser") >= 2);
    }
}
