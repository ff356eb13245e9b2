using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Application.Requests;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>The caller's reports: the days still to report (overdue first), and what they wrote lately.</summary>
public sealed record MyReports(DateOnly Today, IReadOnlyList<ReportDayView> Due, IReadOnlyList<ReportDayView> Written);

/// <summary>
/// Daily work reports (laporan kerja): the employee writes one per working day the policy asks
/// for (every flexible day, or every working day) and may correct it until the period closes;
/// the supervisor reads them, overdue first. A report line counts towards an agreed target.
/// </summary>
public sealed class WorkReportService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <summary>Most lines a list shows at once.</summary>
    public const int MaxListed = 500;

    public async Task<MyReports> MineAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var today = await PerformanceQueries.TodayAsync(db, me, timeProvider, cancellationToken);
        var from = await ReportCalendar.WindowStartAsync(db, today, cancellationToken);
        var people = await ReportCalendar.PeopleAsync(db, [me], cancellationToken);
        var due = (await ReportCalendar.DueAsync(db, people, from, today, today, now, cancellationToken))[me];
        var name = (await PerformanceQueries.NamesAsync(db, [me], cancellationToken))[me];
        var evidence = await PerformanceQueries.EvidenceAsync(db, due.Select(d => d.Report), cancellationToken);
        var views = due.Select(d => View(me, d, name, evidence)).ToList();
        return new MyReports(
            today,
            [.. views.Where(v => v.Report is null).OrderByDescending(v => v.Status == ReportStatus.Overdue).ThenBy(v => v.Date)],
            [.. views.Where(v => v.Report is not null).OrderByDescending(v => v.Date)]);
    }

    /// <summary>What the form for a day offers: its plan items, the agreed targets, the report so far, or why the day takes none.</summary>
    public async Task<ReportForm> FormAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var today = await PerformanceQueries.TodayAsync(db, me, timeProvider, cancellationToken);
        EnsureNear(date, today);
        var settings = (await PolicyContextLoader.InForceAsync(db, date, cancellationToken)).Settings;
        var day = await DayAsync(db, me, date, settings, cancellationToken);
        var report = await db.WorkReports.AsNoTracking().SingleOrDefaultAsync(r => r.EmployeeId == me && r.Date == date, cancellationToken);
        var name = (await PerformanceQueries.NamesAsync(db, [me], cancellationToken))[me];
        var plan = await PlanAsync(db, me, date, cancellationToken);
        var targets = day.Period is { } period
            ? await db.PerformanceTargets.AsNoTracking().Where(t => t.EmployeeId == me && t.PeriodId == period.Id && t.State == TargetState.Agreed)
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken)
            : [];
        var view = View(me, new DueReport(day, report, report?.Status ?? WorkReport.StatusOf(day.Deadline, null, now)), name,
            await PerformanceQueries.EvidenceAsync(db, [report], cancellationToken));
        return new ReportForm(
            view, plan, await PerformanceQueries.TargetViewsAsync(db, targets, cancellationToken), day.IsWorkingDay && settings.Performance.NeedsReport(day.Mode),
            report is null ? day.ReportableError(today) : day.Period is { AcceptsReports: false } ? "PERIOD_CLOSED" : null,
            (date == today ? settings : (await PolicyContextLoader.InForceAsync(db, today, cancellationToken)).Settings).Performance.MaxEvidenceFilesPerReport);
    }

    /// <summary>Writes the day's report, or corrects it (<paramref name="version"/>: the report as the employee saw it).</summary>
    public async Task<WorkReportView> WriteAsync(DateOnly date, IReadOnlyList<ReportItem> items, uint? version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var now = timeProvider.GetUtcNow();
                await EnsureTargetsAsync(db, me, items, ct);
                var today = await PerformanceQueries.TodayAsync(db, me, timeProvider, ct);
                EnsureNear(date, today);
                var day = await DayAsync(db, me, date, (await PolicyContextLoader.InForceAsync(db, date, ct)).Settings, ct);
                var report = await db.WorkReports.SingleOrDefaultAsync(r => r.EmployeeId == me && r.Date == date, ct);
                if (report is null)
                {
                    report = WorkReport.Write(currentUser.RequireAgency(), me, day, items, today, now);
                    db.WorkReports.Add(report);
                }
                else
                {
                    db.ExpectVersion(report, version ?? throw new DomainException("REPORT_EXISTS"));
                    report.Revise(day.Period, items, now);
                }

                await db.SaveChangesAsync(ct); // two first writings at once: the unique day lets one win (409)
                return await ViewAsync(db, report, ct);
            },
            cancellationToken);
    }

    /// <summary>A report the caller may read: their own, or one of their people's.</summary>
    public async Task<WorkReportView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var report = await db.WorkReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("WorkReport", id);
        if (report.EmployeeId != me && await PerformanceRights.ActingForAsync(db, me, report.EmployeeId, timeProvider, cancellationToken) is null)
        {
            throw new NotFoundException("WorkReport", id);
        }

        return await ViewAsync(db, report, cancellationToken);
    }

    /// <summary>
    /// The caller's people's report days to look at: overdue ones first (the oldest first), then
    /// reports not read yet, then the rest of the window, newest first.
    /// </summary>
    public async Task<IReadOnlyList<ReportDayView>> TeamAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var today = await PerformanceQueries.TodayAsync(db, me, timeProvider, cancellationToken);
        var team = await PerformanceRights.TeamAsync(db, me, today, cancellationToken);
        if (team.Count == 0)
        {
            return [];
        }

        var from = await ReportCalendar.WindowStartAsync(db, today, cancellationToken);
        var people = await ReportCalendar.PeopleAsync(db, [.. team.Select(m => m.EmployeeId)], cancellationToken);
        var due = await ReportCalendar.DueAsync(db, people, from, today, today, now, cancellationToken);
        var names = team.ToDictionary(m => m.EmployeeId, m => m.FullName);
        var shown = due.SelectMany(d => d.Value.Select(r => (EmployeeId: d.Key, Due: r)))
            .Where(x => x.Due.Status != ReportStatus.Due)
            .OrderBy(x => x.Due.Status == ReportStatus.Overdue ? 0 : x.Due.Report!.ReadAt is null ? 1 : 2)
            .ThenBy(x => x.Due.Status == ReportStatus.Overdue ? x.Due.Day.Date.DayNumber : -x.Due.Day.Date.DayNumber)
            .ThenBy(x => names[x.EmployeeId])
            .Take(MaxListed)
            .ToList();
        var evidence = await PerformanceQueries.EvidenceAsync(db, shown.Select(x => x.Due.Report), cancellationToken);
        return [.. shown.Select(x => View(x.EmployeeId, x.Due, names[x.EmployeeId], evidence))];
    }

    public async Task<WorkReportView> MarkReadAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var report = await db.WorkReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("WorkReport", id);
        var principal = await PerformanceRights.ActingForAsync(db, me, report.EmployeeId, timeProvider, cancellationToken)
            ?? throw (report.EmployeeId == me ? new ForbiddenAccessException("REPORT_OWN_READ") : new NotFoundException("WorkReport", id));
        db.ExpectVersion(report, version);
        report.MarkRead(await DecisionRights.ActorAsync(db, me, currentUser.UserId, principal, cancellationToken), timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(db, report, cancellationToken);
    }

    /// <summary>
    /// Attaches evidence to the caller's own report while its period is open. The policy caps the
    /// files per report and the megabytes per employee, over their requests and reports together.
    /// </summary>
    /// <param name="version">The report's version the employee saw, when known: a report changed since is not touched (409).</param>
    public async Task<EvidenceItem> AttachEvidenceAsync(Guid id, uint? version, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        var file = await EvidenceUploads.ReadAsync(fileName, content, cancellationToken);
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                await AdvisoryLocks.EmployeeAsync(db, me, ct); // first, so two uploads at once take turns on the caps and the report
                var report = await OwnAsync(db, me, id, version, ct);
                // The caps in force today (storage is about now, not about the day reported).
                var today = await PerformanceQueries.TodayAsync(db, me, timeProvider, ct);
                var settings = (await PolicyContextLoader.InForceAsync(db, today, ct)).Settings;
                await EvidenceUploads.EnsureRoomAsync(db, me, file.Content.Length, settings.Requests.MaxEvidenceMegabytesPerEmployee, ct);
                var evidence = ReportEvidence.Attach(
                    report, await PerformanceQueries.PeriodOfAsync(db, report.Date, ct), settings.Performance.MaxEvidenceFilesPerReport, file, timeProvider.GetUtcNow(), currentUser.UserId);
                db.ReportEvidence.Add(evidence);
                await db.SaveChangesAsync(ct);
                return EvidenceItem.Of(evidence);
            },
            cancellationToken);
    }

    /// <summary>Removes a file from the caller's own report while its period is open.</summary>
    public async Task<WorkReportView> RemoveEvidenceAsync(Guid id, Guid evidenceId, uint? version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var report = await OwnAsync(db, me, id, version, cancellationToken);
        var evidence = await db.ReportEvidence.SingleOrDefaultAsync(e => e.Id == evidenceId && e.ReportId == id, cancellationToken)
            ?? throw new NotFoundException("ReportEvidence", evidenceId);
        report.RemoveEvidence(await PerformanceQueries.PeriodOfAsync(db, report.Date, cancellationToken), timeProvider.GetUtcNow());
        db.ReportEvidence.Remove(evidence);
        await db.SaveChangesAsync(cancellationToken); // the report's version guards the count: of two removals at once, one is a 409
        return await ViewAsync(db, report, cancellationToken);
    }

    /// <summary>A file of a report the caller may read (<see cref="GetAsync"/>).</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> GetEvidenceAsync(Guid id, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        await GetAsync(id, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var evidence = await db.ReportEvidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.ReportId == id, cancellationToken)
            ?? throw new NotFoundException("ReportEvidence", evidenceId);
        return (evidence.FileName, evidence.ContentType, evidence.Content);
    }

    /// <summary>
    /// The caller's own report, for a change only they make: a supervisor who may read it is
    /// refused (403), anyone else finds nothing (404).
    /// </summary>
    private async Task<WorkReport> OwnAsync(IFlexWorkDbContext db, Guid me, Guid id, uint? version, CancellationToken cancellationToken)
    {
        var report = await db.WorkReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("WorkReport", id);
        if (report.EmployeeId != me)
        {
            throw await PerformanceRights.ActingForAsync(db, me, report.EmployeeId, timeProvider, cancellationToken) is null
                ? new NotFoundException("WorkReport", id)
                : new ForbiddenAccessException("REPORT_NOT_OWN");
        }

        if (version is { } seen)
        {
            db.ExpectVersion(report, seen);
        }

        return report;
    }

    private static async Task<WorkReportView> ViewAsync(IFlexWorkDbContext db, WorkReport report, CancellationToken cancellationToken) =>
        WorkReportView.From(
            report, (await PerformanceQueries.NamesAsync(db, [report.EmployeeId], cancellationToken))[report.EmployeeId],
            await PerformanceQueries.EvidenceAsync(db, [report], cancellationToken));

    /// <summary>The deadline in the person's own time zone (the report stores it in UTC), so that 10:00 WIB reads as 10:00.</summary>
    private static ReportDayView View(Guid employeeId, DueReport due, string name, ILookup<Guid, EvidenceItem> evidence) =>
        new(employeeId, name, due.Day.Date, due.Day.Mode, (due.Report?.Deadline ?? due.Day.Deadline).ToOffset(due.Day.Deadline.Offset), due.Status,
            due.Report is { } r ? WorkReportView.From(r, name, evidence) : null);

    /// <summary>A date more than a year away (the year 9999, the year 1) is refused before the calendar is looked up.</summary>
    private static void EnsureNear(DateOnly date, DateOnly today)
    {
        if (date > today.AddYears(1))
        {
            throw new DomainException("REPORT_DAY_FUTURE", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (date < today.AddYears(-1))
        {
            throw new DomainException("REPORT_DAY_TOO_OLD", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task<ReportDay> DayAsync(IFlexWorkDbContext db, Guid me, DateOnly date, PolicySettings settings, CancellationToken cancellationToken)
    {
        var people = await ReportCalendar.PeopleAsync(db, [me], cancellationToken);
        return (await ReportCalendar.DaysAsync(db, settings, people, date, date, cancellationToken))[me][0];
    }

    /// <summary>The work plan of the approved request that has the employee working flexibly on the day.</summary>
    private static async Task<IReadOnlyList<WorkPlanItem>> PlanAsync(IFlexWorkDbContext db, Guid me, DateOnly date, CancellationToken cancellationToken)
    {
        var requestId = await db.WorkRequests.Where(r => r.EmployeeId == me).ApprovedDays(date, date).Select(d => (Guid?)d.RequestId).FirstOrDefaultAsync(cancellationToken);
        return requestId is null ? [] : await db.WorkRequests.Where(r => r.Id == requestId).Select(r => r.WorkPlan).SingleAsync(cancellationToken);
    }

    /// <summary>A report line counts only towards the employee's own agreed targets.</summary>
    private static async Task EnsureTargetsAsync(IFlexWorkDbContext db, Guid me, IReadOnlyList<ReportItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Where(i => i.TargetId is not null).Select(i => i.TargetId!.Value).Distinct().ToList();
        if (ids.Count > 0 && await db.PerformanceTargets.CountAsync(t => ids.Contains(t.Id) && t.EmployeeId == me && t.State == TargetState.Agreed, cancellationToken) != ids.Count)
        {
            throw new DomainException("REPORT_TARGET_UNKNOWN");
        }
    }
}
