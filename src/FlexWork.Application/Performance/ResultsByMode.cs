using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>
/// What a group of working days produced: how many, the reports written on time or late and
/// missing past their deadline, the report lines with an output, and the quantity realised.
/// </summary>
public sealed record ModeResults(int Days, int OnTime, int Late, int Missing, int Outputs, decimal Quantity)
{
    public static ModeResults None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Reports written on time per day of the group, in percent; null without days.</summary>
    public int? OnTimePercent => Days == 0 ? null : (int)Math.Round(OnTime * 100.0 / Days);

    /// <summary>Outputs reported per day of the group; null without days.</summary>
    public double? OutputsPerDay => Days == 0 ? null : Math.Round((double)Outputs / Days, 1);

    public ModeResults Plus(ModeResults other) =>
        new(Days + other.Days, OnTime + other.OnTime, Late + other.Late, Missing + other.Missing, Outputs + other.Outputs, Quantity + other.Quantity);
}

/// <summary>One person's period: office days against flexible days, and the predikat when rated.</summary>
public sealed record PersonResults(Guid EmployeeId, string FullName, Guid UnitId, ModeResults Office, ModeResults Flexible, PerformanceRating? Predikat);

public sealed record TeamResults(PeriodView Period, IReadOnlyList<PersonResults> People, ModeResults Office, ModeResults Flexible);

/// <summary>A unit's people rolled up: office against flexible days, and how many got each predikat.</summary>
public sealed record UnitResults(Guid UnitId, string UnitName, int People, ModeResults Office, ModeResults Flexible, IReadOnlyDictionary<PerformanceRating, int> Predikat, int NotRated);

/// <summary>
/// Results by work mode, which a flexible-work system owes its users: whether people deliver as
/// much, and report as punctually, on the days they work away from the office as on office days.
/// For the supervisor per person and for the team; for a unit head per unit, with the predikat
/// distribution. Days count up to today (or the period's end), in each person's calendar.
/// </summary>
public sealed class ResultsByModeService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <summary>The people the caller evaluates, in a period.</summary>
    public async Task<TeamResults> TeamAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var period = await PerformanceQueries.PeriodAsync(db, periodId, cancellationToken);
        var team = await PerformanceRights.TeamAsync(db, me, await PerformanceQueries.TodayAsync(db, me, timeProvider, cancellationToken), cancellationToken);
        var people = await ResultsAsync(db, period, [.. team.Select(m => (m.EmployeeId, m.FullName, m.UnitId))], cancellationToken);
        return new TeamResults(PeriodView.Of(period), people, Sum(people.Select(p => p.Office)), Sum(people.Select(p => p.Flexible)));
    }

    /// <summary>Every unit the caller heads, and those below, rolled up; an agency admin or the agency leadership sees every unit.</summary>
    public async Task<IReadOnlyList<UnitResults>> UnitsAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgency();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var period = await PerformanceQueries.PeriodAsync(db, periodId, cancellationToken);
        var tree = await db.UnitTreeAsync(cancellationToken);
        HashSet<Guid> units;
        if (currentUser.IsInRole(Roles.AgencyAdmin) || currentUser.IsInRole(Roles.AgencyLeadership))
        {
            units = [.. await db.OrganizationUnits.Select(u => u.Id).ToListAsync(cancellationToken)];
        }
        else
        {
            units = tree.OverseenBy(currentUser.RequireEmployee()); // the units they head and all below
            if (units.Count == 0)
            {
                throw new ForbiddenAccessException("PERFORMANCE_NOT_UNIT_HEAD");
            }
        }

        var members = await db.Employees.AsNoTracking().Where(e => e.IsActive && units.Contains(e.UnitId))
            .Select(e => new { e.Id, e.FullName, e.UnitId }).ToListAsync(cancellationToken);
        var people = await ResultsAsync(db, period, [.. members.Select(m => (m.Id, m.FullName, m.UnitId))], cancellationToken);
        var names = await db.OrganizationUnits.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return
        [
            .. people.GroupBy(p => p.UnitId).Select(g => new UnitResults(
                    g.Key, names.GetValueOrDefault(g.Key, ""), g.Count(), Sum(g.Select(p => p.Office)), Sum(g.Select(p => p.Flexible)),
                    g.Where(p => p.Predikat is not null).GroupBy(p => p.Predikat!.Value).ToDictionary(r => r.Key, r => r.Count()), g.Count(p => p.Predikat is null)))
                .OrderBy(u => u.UnitName),
        ];
    }

    private async Task<List<PersonResults>> ResultsAsync(
        IFlexWorkDbContext db, PerformancePeriod period, IReadOnlyList<(Guid Id, string Name, Guid UnitId)> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var now = timeProvider.GetUtcNow();
        var ids = people.Select(p => p.Id).ToList();
        var calendarPeople = await ReportCalendar.PeopleAsync(db, ids, cancellationToken);
        var latest = calendarPeople.Max(p => PolicyCheckContext.TodayIn(now, p.TimeZoneId));
        var to = period.To < latest ? period.To : latest;
        var settings = (await PolicyContextLoader.InForceAsync(db, to, cancellationToken)).Settings;
        var rules = settings.Performance;
        var days = to < period.From ? [] : await ReportCalendar.DaysAsync(db, settings, calendarPeople, period.From, to, cancellationToken);
        var reports = (await db.WorkReports.AsNoTracking().Where(r => ids.Contains(r.EmployeeId) && r.Date >= period.From && r.Date <= to)
                .Select(r => new { r.EmployeeId, r.Date, r.SubmittedAt, r.Deadline, r.Items }).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.EmployeeId, r.Date));
        var predikat = await db.Evaluations.AsNoTracking().Where(e => e.PeriodId == period.Id && ids.Contains(e.EmployeeId) && e.Predikat != null)
            .ToDictionaryAsync(e => e.EmployeeId, e => e.Predikat, cancellationToken);

        return
        [
            .. people.Select(person =>
            {
                ModeResults office = ModeResults.None, flexible = ModeResults.None;
                foreach (var day in days.GetValueOrDefault(person.Id) ?? [])
                {
                    // A day counts once its report is written or its deadline passed: today's report is not late yet.
                    var report = reports.GetValueOrDefault((person.Id, day.Date));
                    if (!day.IsWorkingDay || (report is null && day.Deadline >= now))
                    {
                        continue;
                    }

                    var status = WorkReport.StatusOf(report?.Deadline ?? day.Deadline, report?.SubmittedAt, now);
                    var tally = new ModeResults(
                        1, status == ReportStatus.OnTime ? 1 : 0, status == ReportStatus.Late ? 1 : 0, status == ReportStatus.Overdue && rules.NeedsReport(day.Mode) ? 1 : 0,
                        report?.Items.Count(i => i.Output is not null || i.Quantity > 0) ?? 0, report?.Items.Sum(i => i.Quantity ?? 0) ?? 0);
                    if (day.Mode.IsRemote())
                    {
                        flexible = flexible.Plus(tally);
                    }
                    else
                    {
                        office = office.Plus(tally);
                    }
                }

                return new PersonResults(person.Id, person.Name, person.UnitId, office, flexible, predikat.GetValueOrDefault(person.Id));
            }),
        ];
    }

    private static ModeResults Sum(IEnumerable<ModeResults> results) => results.Aggregate(ModeResults.None, (sum, r) => sum.Plus(r));
}
