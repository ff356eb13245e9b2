using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Application.Requests;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Monitoring;

/// <summary>Whose figures a row holds: a unit's own people, or one person.</summary>
public enum MonitoringLevel
{
    Unit,
    Person,
}

/// <summary>
/// The monitoring figures of units (or of the people of units) per month, counted in the
/// database: a month of an 80,000-person agency is a few thousand grouped rows, never its
/// million days. Only the calendar arithmetic (which days are working days, whose report is due
/// by now) is done here, once per unit. Days count up to today; presence up to yesterday, from
/// the agency's first check-in; a report once its deadline passed. "Today" is the date in WIB,
/// the westernmost zone, so every day counted is over in all three zones.
/// </summary>
public static class MonitoringQueries
{
    private const int MaxRealisationRatio = 2; // one target reported at ten times its value must not carry a unit's average

    public static async Task<Dictionary<(Guid Key, DateOnly Month), MonitoringFigures>> FiguresAsync(
        IFlexWorkDbContext db, Guid agencyId, IReadOnlyCollection<Guid> units, DateOnly from, DateOnly to, DateTimeOffset now, MonitoringLevel level,
        IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var today = PolicyCheckContext.TodayIn(now, IndonesianTimeZones.Wib);
        if (units.Count == 0)
        {
            return [];
        }

        var tree = await db.UnitTreeAsync(cancellationToken);
        // Naming every unit of a ministry filters nothing but costs PostgreSQL a scan of the list per person.
        Guid[] unitIds = tree.IsEveryUnit(units) ? [] : [.. units];
        var byPerson = level == MonitoringLevel.Person;
        var onlyIds = only?.ToArray() ?? [];
        var members = db.Employees.Where(e => e.IsActive && (unitIds.Length == 0 || unitIds.Contains(e.UnitId)) && (onlyIds.Length == 0 || onlyIds.Contains(e.Id)));
        // Per person the batch's people are read (a few thousand at most); per unit only their count.
        var people = byPerson ? await members.ToDictionaryAsync(e => e.Id, e => e.UnitId, cancellationToken) : null;
        var headcount = people is not null
            ? people.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Count())
            : await members.GroupBy(e => e.UnitId).Select(g => new { g.Key, People = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.People, cancellationToken);
        var keys = people ?? headcount.Keys.ToDictionary(u => u, u => u);
        var through = to < today ? to : today; // days count up to today

        var policy = await PolicyContextLoader.InForceAsync(db, through, cancellationToken);
        var holidays = await db.CalendarEntries.AsNoTracking()
            .Where(c => c.Date >= from && c.Date <= to.AddDays(31) && c.Kind != CalendarEntryKind.MandatoryOffice)
            .Select(c => new { c.Date, c.UnitId }).ToListAsync(cancellationToken);
        var firstPresence = await db.PresenceDays.MinAsync(d => (DateOnly?)d.Date, cancellationToken) ?? today;
        var lastDue = LastDayDue(policy.Settings, new WorkCalendar(holidays.Where(h => h.UnitId == null).Select(h => h.Date), []), today, now);
        var calendars = headcount.Keys.ToDictionary(unit => unit, unit =>
        {
            var path = tree.PathUp(unit);
            var settings = policy.Settings.ForUnit(path);
            var calendar = new WorkCalendar(holidays.Where(h => CalendarEntry.AppliesTo(h.UnitId, path)).Select(h => h.Date), []);
            return (Settings: settings, WorkingDates: Dates(from, through).Where(d => settings.Time.IsWorkingWeekday(d.DayOfWeek) && !calendar.IsHoliday(d)).ToList());
        });

        var flexible = await db.WorkRequests.ApprovedDays(from, through)
            .Join(members, d => d.EmployeeId, e => e.Id, (d, e) => new { Key = byPerson ? e.Id : e.UnitId, d.Date.Year, d.Date.Month, d.Mode, Due = d.Date <= lastDue })
            .GroupBy(x => new { x.Key, x.Year, x.Month, x.Mode, x.Due })
            .Select(g => new { g.Key.Key, g.Key.Year, g.Key.Month, g.Key.Mode, g.Key.Due, Days = g.Count() })
            .ToListAsync(cancellationToken);
        var away = byPerson ? [] : await db.WorkRequests.ApprovedDays(from, through)
            .Where(d => d.Mode != WorkMode.Office)
            .Join(members, d => d.EmployeeId, e => e.Id, (d, e) => new { e.UnitId, d.Date, d.EmployeeId })
            .GroupBy(x => new { x.UnitId, x.Date })
            .Select(g => new { g.Key.UnitId, g.Key.Date, People = g.Select(x => x.EmployeeId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var awayOn = away.ToDictionary(a => (a.UnitId, a.Date), a => a.People);

        var presenceFrom = from > firstPresence ? from : firstPresence;
        var presence = await db.PresenceDays.Where(d => d.Date >= presenceFrom && d.Date < today && d.Date <= to && !d.OnNonWorkingDay)
            .Join(members, d => d.EmployeeId, e => e.Id, (d, e) => new
            {
                Key = byPerson ? e.Id : e.UnitId, d.Date.Year, d.Date.Month,
                Flagged = d.CheckInCheck.Outcome == LocationOutcome.Outside || (d.CheckOutCheck != null && d.CheckOutCheck.Outcome == LocationOutcome.Outside),
            })
            .GroupBy(x => new { x.Key, x.Year, x.Month })
            .Select(g => new { g.Key.Key, g.Key.Year, g.Key.Month, Present = g.Count(), Flagged = g.Count(x => x.Flagged) })
            .ToListAsync(cancellationToken);
        var excused = await db.PresenceCorrections.Where(c => c.Excuse != null && c.Status == CorrectionStatus.Approved && c.Date >= presenceFrom && c.Date < today && c.Date <= to)
            .Join(members, c => c.EmployeeId, e => e.Id, (c, e) => new { Key = byPerson ? e.Id : e.UnitId, c.Date.Year, c.Date.Month })
            .GroupBy(x => new { x.Key, x.Year, x.Month })
            .Select(g => new { g.Key.Key, g.Key.Year, g.Key.Month, Days = g.Count() })
            .ToListAsync(cancellationToken);

        var allDays = policy.Settings.Performance.ReportsRequiredOn == ReportDays.AllWorkingDays;
        var reports = await db.WorkReports.Where(r => r.Date >= from && r.Date <= to && r.Date <= lastDue && (allDays || r.Mode != WorkMode.Office))
            .Join(members, r => r.EmployeeId, e => e.Id, (r, e) => new { Key = byPerson ? e.Id : e.UnitId, r.Date.Year, r.Date.Month })
            .GroupBy(x => new { x.Key, x.Year, x.Month })
            .Select(g => new { g.Key.Key, g.Key.Year, g.Key.Month, Written = g.Count() })
            .ToListAsync(cancellationToken);

        var predikat = await db.Evaluations.Where(e => e.Predikat != null)
            .Join(db.PerformancePeriods.Where(p => p.To >= from && p.To <= to), e => e.PeriodId, p => p.Id, (e, p) => new { e.EmployeeId, e.Predikat, p.To })
            .Join(members, x => x.EmployeeId, e => e.Id, (x, e) => new { Key = byPerson ? e.Id : e.UnitId, x.To.Year, x.To.Month, x.Predikat })
            .GroupBy(x => new { x.Key, x.Year, x.Month, x.Predikat })
            .Select(g => new { g.Key.Key, g.Key.Year, g.Key.Month, g.Key.Predikat, People = g.Count() })
            .ToListAsync(cancellationToken);
        var realisation = await RealisationAsync(db, agencyId, unitIds, onlyIds, from, to, byPerson, cancellationToken);

        var figures = new Dictionary<(Guid Key, DateOnly Month), MonitoringFigures>();
        void Add(Guid key, int year, int month, Func<MonitoringFigures, MonitoringFigures> change)
        {
            if (keys.ContainsKey(key))
            {
                var at = (key, new DateOnly(year, month, 1));
                figures[at] = change(figures.GetValueOrDefault(at) ?? MonitoringFigures.None);
            }
        }

        foreach (var (key, unit) in keys)
        {
            var (settings, workingDates) = calendars[unit];
            var count = byPerson ? 1 : headcount[unit];
            foreach (var month in workingDates.GroupBy(d => (d.Year, d.Month)))
            {
                var counted = month.Count(d => d >= firstPresence && d < today);
                var due = allDays ? month.Count(d => d <= lastDue) * count : 0;
                var under = byPerson ? 0 : month.Count(d => count - awayOn.GetValueOrDefault((unit, d)) < settings.Safeguard.MinimumOnSite(count));
                Add(key, month.Key.Year, month.Key.Month, f => f with
                {
                    People = count, WorkingDays = month.Count() * count, PresenceDays = counted * count, ReportsDue = due, DaysUnderMinimum = under,
                });
            }
        }

        foreach (var row in flexible)
        {
            Add(row.Key, row.Year, row.Month, f => f with
            {
                FlexibleByMode = new Dictionary<WorkMode, int>(f.FlexibleByMode) { [row.Mode] = f.FlexibleByMode.GetValueOrDefault(row.Mode) + row.Days },
                ReportsDue = f.ReportsDue + (allDays || !row.Due || row.Mode == WorkMode.Office ? 0 : row.Days),
            });
        }

        foreach (var row in presence)
        {
            Add(row.Key, row.Year, row.Month, f => f with { Present = row.Present, Flagged = row.Flagged });
        }

        foreach (var row in excused)
        {
            Add(row.Key, row.Year, row.Month, f => f with { Excused = row.Days });
        }

        foreach (var row in reports)
        {
            Add(row.Key, row.Year, row.Month, f => f with { ReportsWritten = row.Written });
        }

        foreach (var row in predikat)
        {
            Add(row.Key, row.Year, row.Month, f => f with { Predikat = new Dictionary<PerformanceRating, int>(f.Predikat) { [row.Predikat!.Value] = row.People } });
        }

        foreach (var row in realisation)
        {
            Add(row.Key, row.PeriodEnd.Year, row.PeriodEnd.Month, f => f with { Targets = row.Targets, RealisationSum = row.RealisationSum });
        }

        return figures;
    }

    /// <summary>The months from the first of <paramref name="from"/>'s month to <paramref name="to"/>'s.</summary>
    public static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    private static IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    /// <summary>The latest day whose report deadline has passed by now (in WIB): the days up to it count as due.</summary>
    private static DateOnly LastDayDue(PolicySettings settings, WorkCalendar calendar, DateOnly today, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(IndonesianTimeZones.Wib)).DateTime;
        var day = today;
        while (settings.Performance.ReportDeadline(day, settings.Time, calendar) > local && day > today.AddDays(-40))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private sealed record RealisationRow(Guid Key, DateOnly PeriodEnd, int Targets, decimal RealisationSum);

    /// <summary>
    /// Per period ending in the range: agreed targets with a value, and the sum of what the period's
    /// reports realised of each (capped at <see cref="MaxRealisationRatio"/>). The periods' reports are
    /// read once and summed per target named, as the performance pages do. Raw SQL because the
    /// quantities sit in the reports' JSON lines; the agency is named explicitly, as the query filter
    /// does not reach raw SQL. No units or people named: all of them.
    /// </summary>
    private static async Task<List<RealisationRow>> RealisationAsync(
        IFlexWorkDbContext db, Guid agencyId, Guid[] units, Guid[] only, DateOnly from, DateOnly to, bool byPerson, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<RealisationRow>($"""
            WITH periods AS (
                SELECT id, "from", "to" FROM performance_periods WHERE agency_id = {agencyId} AND "to" BETWEEN {from} AND {to}),
            people AS (
                SELECT id, unit_id FROM employees
                WHERE agency_id = {agencyId} AND is_active AND (cardinality({units}::uuid[]) = 0 OR unit_id = ANY({units}))
                  AND (cardinality({only}::uuid[]) = 0 OR id = ANY({only}))),
            realised AS (
                SELECT i->>'targetId' AS target_id, sum((i->>'quantity')::numeric) AS quantity
                FROM work_reports w
                JOIN people e ON e.id = w.employee_id
                CROSS JOIN LATERAL jsonb_array_elements(w.items) i
                WHERE w.agency_id = {agencyId} AND w.date BETWEEN (SELECT min("from") FROM periods) AND (SELECT max("to") FROM periods) AND i ? 'targetId'
                GROUP BY 1)
            SELECT CASE WHEN {byPerson} THEN e.id ELSE e.unit_id END AS key, p."to" AS period_end, count(*)::int AS targets,
                   coalesce(sum(least(coalesce(r.quantity, 0) / (t.content->>'value')::numeric, {MaxRealisationRatio})), 0) AS realisation_sum
            FROM performance_targets t
            JOIN periods p ON p.id = t.period_id
            JOIN people e ON e.id = t.employee_id
            LEFT JOIN realised r ON r.target_id = t.id::text
            WHERE t.agency_id = {agencyId} AND t.state = 'Agreed' AND (t.content->>'value')::numeric > 0
            GROUP BY 1, 2
            """).ToListAsync(cancellationToken);
}
