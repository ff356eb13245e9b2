using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Application.Requests;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>Someone whose report days are wanted: the unit gives the calendar, the time zone the deadlines.</summary>
public sealed record ReportPerson(Guid EmployeeId, Guid UnitId, string TimeZoneId);

/// <summary>A day whose report the policy asks for, with the report when written.</summary>
public sealed record DueReport(ReportDay Day, WorkReport? Report, ReportStatus Status);

/// <summary>
/// Which days of whom need a work report, and when each is due: the schedule gives the mode (a
/// day counts as flexible once approved; the rest is the office), the calendar the working days,
/// the policy in force the deadline, in each person's own time zone. Read for many people at once.
/// </summary>
public static class ReportCalendar
{
    /// <summary>How far back due reports are looked for: a period still open, else <see cref="ReportDay.DaysOpenWithoutPeriod"/> days.</summary>
    public static async Task<DateOnly> WindowStartAsync(IFlexWorkDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var firstOpen = await db.PerformancePeriods.Where(p => p.State != PeriodState.Closed && p.From <= today)
            .OrderBy(p => p.From).Select(p => (DateOnly?)p.From).FirstOrDefaultAsync(cancellationToken);
        var start = firstOpen ?? today.AddDays(-ReportDay.DaysOpenWithoutPeriod);
        return start < today.AddYears(-1) ? today.AddYears(-1) : start;
    }

    /// <summary>Every day in the range for each person, whether or not it needs a report, under the caller's policy in force.</summary>
    public static async Task<Dictionary<Guid, List<ReportDay>>> DaysAsync(
        IFlexWorkDbContext db, PolicySettings settings, IReadOnlyList<ReportPerson> people, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var tree = await db.UnitTreeAsync(cancellationToken);
        var entries = await db.CalendarEntries.AsNoTracking()
            .Where(c => c.Date >= from && c.Date <= to.AddDays(31) && c.Kind != CalendarEntryKind.MandatoryOffice)
            .Select(c => new { c.Date, c.UnitId }).ToListAsync(cancellationToken);
        var periods = await db.PerformancePeriods.AsNoTracking().Where(p => p.From <= to && p.To >= from).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.EmployeeId).ToList();
        var flexible = (await db.WorkRequests.Where(r => ids.Contains(r.EmployeeId)).ApprovedDays(from, to)
                .Select(d => new { d.EmployeeId, d.Date, d.Mode }).ToListAsync(cancellationToken))
            .ToLookup(d => d.EmployeeId);

        var calendars = new Dictionary<Guid, WorkCalendar>();
        var result = new Dictionary<Guid, List<ReportDay>>();
        foreach (var person in people)
        {
            if (!calendars.TryGetValue(person.UnitId, out var calendar))
            {
                var path = tree.PathUp(person.UnitId);
                calendars[person.UnitId] = calendar = new WorkCalendar(entries.Where(e => CalendarEntry.AppliesTo(e.UnitId, path)).Select(e => e.Date), []);
            }

            var modes = flexible[person.EmployeeId].ToDictionary(d => d.Date, d => d.Mode);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(person.TimeZoneId);
            var days = new List<ReportDay>(to.DayNumber - from.DayNumber + 1);
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                var deadline = settings.Performance.ReportDeadline(date, settings.Time, calendar);
                days.Add(new ReportDay(
                    date, modes.GetValueOrDefault(date, WorkMode.Office), settings.Time.IsWorkingWeekday(date.DayOfWeek) && !calendar.IsHoliday(date),
                    new DateTimeOffset(deadline, zone.GetUtcOffset(deadline)), periods.FirstOrDefault(p => p.Contains(date))));
            }

            result[person.EmployeeId] = days;
        }

        return result;
    }

    /// <summary>
    /// The days in the range that need a report and may still get one, each with its report (or
    /// none) and status; written reports on days the policy does not ask for are listed too.
    /// </summary>
    public static async Task<Dictionary<Guid, List<DueReport>>> DueAsync(
        IFlexWorkDbContext db, IReadOnlyList<ReportPerson> people, DateOnly from, DateOnly to, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = (await PolicyContextLoader.InForceAsync(db, to, cancellationToken)).Settings;
        var rules = settings.Performance;
        var days = await DaysAsync(db, settings, people, from, to, cancellationToken);
        var ids = people.Select(p => p.EmployeeId).ToList();
        var reports = (await db.WorkReports.AsNoTracking().Where(r => ids.Contains(r.EmployeeId) && r.Date >= from && r.Date <= to).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.EmployeeId, r.Date));
        return days.ToDictionary(
            d => d.Key,
            d => d.Value
                .Select(day => (day, report: reports.GetValueOrDefault((d.Key, day.Date))))
                .Where(x => x.report is not null || (x.day.IsWorkingDay && rules.NeedsReport(x.day.Mode) && x.day.IsReportable(today)))
                .Select(x => new DueReport(x.day, x.report, x.report?.Status ?? WorkReport.StatusOf(x.day.Deadline, null, now)))
                .ToList());
    }

    /// <summary>People of the agency as the report calendar needs them (their own time zone, else their unit's, else the agency's).</summary>
    public static async Task<List<ReportPerson>> PeopleAsync(IFlexWorkDbContext db, IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken)
    {
        var tree = await db.UnitTreeAsync(cancellationToken);
        var rows = await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id))
            .Select(e => new { e.Id, e.UnitId, e.TimeZoneId, Agency = db.Agencies.Where(a => a.Id == e.AgencyId).Select(a => a.TimeZoneId).Single() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReportPerson(r.Id, r.UnitId, r.TimeZoneId ?? tree.TimeZoneOf(r.UnitId) ?? r.Agency))];
    }
}
