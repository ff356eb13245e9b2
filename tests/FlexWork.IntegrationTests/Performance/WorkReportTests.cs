using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FlexWork.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Performance;

/// <summary>
/// Reports in March 2030, a month with no performance period (reports stay open 31 days) and no
/// holidays: Andi works from home Monday the 18th and Tuesday the 19th; it is Wednesday the 20th.
/// </summary>
public class WorkReportTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static readonly DateOnly Monday = new(2030, 3, 18);
    private static readonly DateOnly Tuesday = new(2030, 3, 19);

    /// <summary>Wednesday 09:00 WIB: Monday's report (due Tuesday 10:00) is overdue, Tuesday's still due.</summary>
    private readonly TestClock _clock = new(new DateTimeOffset(2030, 3, 20, 2, 0, 0, TimeSpan.Zero));

    private static readonly ReportItem Item = new("Menyusun bab 2 dokumen analisis", "Draf bab 2", 1);

    [Fact]
    public async Task Days_due_overdue_on_time_and_late_as_the_employee_and_the_supervisor_see_them()
    {
        await HomeDaysAsync();
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var mine = await andi.With<WorkReportService>(_clock).MineAsync(Ct);
        Assert.Equal([(Monday, ReportStatus.Overdue), (Tuesday, ReportStatus.Due)], mine.Due.Select(d => (d.Date, d.Status)));

        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        var team = await siti.With<WorkReportService>(_clock).TeamAsync(Ct);
        Assert.Equal((Monday, ReportStatus.Overdue, "Andi Pratama"), (team[0].Date, team[0].Status, team[0].EmployeeName));

        var onTime = await andi.With<WorkReportService>(_clock).WriteAsync(Tuesday, [Item], null, Ct);
        _clock.Now = _clock.Now.AddHours(2); // 11:00, past Tuesday's deadline for Monday's report
        var late = await andi.With<WorkReportService>(_clock).WriteAsync(Monday, [Item], null, Ct);
        Assert.Equal((ReportStatus.OnTime, ReportStatus.Late), (onTime.Status, late.Status));
        Assert.Empty((await andi.With<WorkReportService>(_clock).MineAsync(Ct)).Due);

        // Siti reads them; unread ones come before read ones, and a correction makes a report unread again.
        var read = await siti.With<WorkReportService>(_clock).MarkReadAsync(late.Id, late.Version, Ct);
        Assert.NotNull(read.ReadAt);
        var corrected = await andi.With<WorkReportService>(_clock).WriteAsync(Monday, [Item, new ReportItem("Rapat daring dengan Biro TI")], read.Version, Ct);
        Assert.Null(corrected.ReadAt);
        Assert.Equal(ReportStatus.Late, corrected.Status);
    }

    [Fact]
    public async Task A_report_line_counts_towards_the_target_it_names()
    {
        var ids = await fixture.EmployeeIdsAsync();
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var current = (await andi.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.State == PeriodState.Running);
        var target = (await andi.Get<TargetService>().MineAsync(current.Id, Ct))[1];
        var day = await LatestReportableDayAsync(andi);
        var before = target.Reported;

        var form = await andi.Get<WorkReportService>().FormAsync(day, Ct);
        await andi.Get<WorkReportService>().WriteAsync(day, [new ReportItem("Memutakhirkan data diklat", "Data termutakhir", 12, target.Id)], form.Day.Report?.Version, Ct);
        Assert.Equal(before + 12 - (form.Day.Report?.Items.Where(i => i.TargetId == target.Id).Sum(i => i.Quantity ?? 0) ?? 0),
            (await andi.Get<TargetService>().MineAsync(current.Id, Ct))[1].Reported);

        // Only one's own agreed targets: Siti's target is not Andi's to report on.
        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        var sitis = (await siti.Get<TargetService>().MineAsync(current.Id, Ct))[0];
        Assert.Equal("REPORT_TARGET_UNKNOWN", (await Assert.ThrowsAsync<DomainException>(() =>
            andi.Get<WorkReportService>().WriteAsync(day, [new ReportItem("x", null, 1, sitis.Id)], null, Ct))).Code);
        Assert.NotEqual(Guid.Empty, ids["pegawai@demo.go.id"]);
    }

    [Theory]
    [InlineData(2030, 3, 23, "REPORT_DAY_FUTURE")]
    [InlineData(2030, 3, 16, "REPORT_DAY_NOT_PLANNED")]
    [InlineData(2030, 2, 11, "REPORT_DAY_TOO_OLD")]
    public async Task A_report_for_a_day_that_takes_none_is_refused_and_nothing_is_stored(int year, int month, int day, string code)
    {
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var date = new DateOnly(year, month, day);
        Assert.Equal(code, (await Assert.ThrowsAsync<DomainException>(() => andi.With<WorkReportService>(_clock).WriteAsync(date, [Item], null, Ct))).Code);
        Assert.Equal(code, (await andi.With<WorkReportService>(_clock).FormAsync(date, Ct)).NotReportable);
        await using var scope = fixture.Services.CreateAsyncScope();
        Assert.False(await scope.Get<FlexWorkDbContext>().WorkReports.IgnoreQueryFilters().AnyAsync(r => r.Date == date, Ct));
    }

    /// <summary>On Wednesday, an office day no other test reports on.</summary>
    [Fact]
    public async Task Bad_lines_are_refused_with_the_rule()
    {
        var wednesday = Tuesday.AddDays(1);
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var reports = andi.With<WorkReportService>(_clock);
        Assert.Equal("REPORT_QUANTITY_NEGATIVE", (await Assert.ThrowsAsync<DomainException>(() => reports.WriteAsync(wednesday, [Item with { Quantity = -1 }], null, Ct))).Code);
        Assert.Equal("REPORT_ACTIVITY_REQUIRED", (await Assert.ThrowsAsync<DomainException>(() => reports.WriteAsync(wednesday, [Item with { Activity = "\u0007 " }], null, Ct))).Code);
        Assert.Equal("REPORT_ITEMS_REQUIRED", (await Assert.ThrowsAsync<DomainException>(() => reports.WriteAsync(wednesday, [], null, Ct))).Code);
        Assert.Null((await reports.FormAsync(wednesday, Ct)).Day.Report);
    }

    [Fact]
    public async Task Only_the_supervisor_reads_and_nobody_else_learns_the_report_exists()
    {
        await HomeDaysAsync();
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var day = await LatestReportableDayAsync(andi);
        var form = await andi.Get<WorkReportService>().FormAsync(day, Ct);
        var report = await andi.Get<WorkReportService>().WriteAsync(day, [Item], form.Day.Report?.Version, Ct);

        Assert.Equal("REPORT_OWN_READ", (await Assert.ThrowsAsync<ForbiddenAccessException>(() => andi.Get<WorkReportService>().MarkReadAsync(report.Id, report.Version, Ct))).Reason);
        foreach (var outsider in new[] { "baru@demo.go.id", "admin@demo.go.id", "pegawai@demo2.go.id", "admin@demo2.go.id" })
        {
            await using var scope = await fixture.ActAsAsync(outsider);
            await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<WorkReportService>().MarkReadAsync(report.Id, report.Version, Ct));
            await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<WorkReportService>().GetAsync(report.Id, Ct));
        }

        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        Assert.Equal(report.Id, (await siti.Get<WorkReportService>().GetAsync(report.Id, Ct)).Id);
    }

    /// <summary>Andi's approved home days on the 18th and 19th (once per fixture).</summary>
    private async Task HomeDaysAsync()
    {
        var ids = await fixture.EmployeeIdsAsync();
        await fixture.ArrangeAsync(async db =>
        {
            if (await db.WorkRequests.IgnoreQueryFilters().AnyAsync(r => r.EmployeeId == ids["pegawai@demo.go.id"] && r.Days.Any(d => d.Date == Monday), Ct))
            {
                return;
            }

            var agencyId = await db.Employees.IgnoreQueryFilters().Where(e => e.Id == ids["pegawai@demo.go.id"]).Select(e => e.AgencyId).SingleAsync(Ct);
            var request = WorkRequest.Create(agencyId, ids["pegawai@demo.go.id"], _clock.Now.AddDays(-10));
            request.Edit(new ProposedRequest([new RequestDay(Monday, WorkMode.Home), new RequestDay(Tuesday, WorkMode.Home)], "Fokus", [new("Draf")]), _clock.Now.AddDays(-10));
            request.Submit(1, [], ApprovalRoute.Supervisor, _clock.Now.AddDays(-10), null);
            request.Approve(new Decider(ids["atasan@demo.go.id"], null), _clock.Now.AddDays(-9), null);
            db.WorkRequests.Add(request);
        });
    }

    /// <summary>The latest day up to today (real time) that takes a report: a working day in the running period.</summary>
    private static async Task<DateOnly> LatestReportableDayAsync(AsyncServiceScope scope)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        for (var i = 0; i < 14; i++, day = day.AddDays(-1))
        {
            if ((await scope.Get<WorkReportService>().FormAsync(day, Ct)).NotReportable is null)
            {
                return day;
            }
        }

        throw new InvalidOperationException("No reportable day in the last two weeks");
    }
}
