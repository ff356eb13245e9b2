using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Application.Policies;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Organization;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Schedules.ViewSchedule;

/// <summary>Where one person works on one day: the office unless a pending or approved request says otherwise.</summary>
public sealed record ScheduleCell(DateOnly Date, WorkMode Mode, TimeOnly? Start, TimeOnly? End, RequestStatus? Status, Guid? RequestId);

public sealed record ScheduleDay(DateOnly Date, bool IsWorkingDay, string? Holiday, bool MandatoryOffice);

public sealed record MySchedule(IReadOnlyList<ScheduleDay> Days, IReadOnlyList<ScheduleCell> Cells);

public sealed record TeamMember(Guid EmployeeId, string FullName, Guid UnitId, IReadOnlyList<ScheduleCell> Cells);

/// <summary>Per working day: how many of the people shown are planned at the office, against the minimum of the unit shown.</summary>
public sealed record DayPresence(DateOnly Date, int OnSite, int Headcount, int? MinimumOnSite);

public sealed record UnitOption(Guid Id, string Name);

/// <summary>The units a team schedule can be narrowed to, and the one it opens with (null: everyone the caller is responsible for).</summary>
public sealed record TeamUnits(IReadOnlyList<UnitOption> Options, Guid? Opening);

public sealed record TeamSchedule(Guid? UnitId, IReadOnlyList<ScheduleDay> Days, IReadOnlyList<TeamMember> Members, IReadOnlyList<DayPresence> Presence);

/// <summary>
/// "Where does who work": the employee's own days, and for supervisors, unit heads and agency
/// admins the people they are responsible for, day by day.
/// </summary>
public sealed class ScheduleService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <summary>Two months: the month view with its spill-over weeks.</summary>
    public const int MaxDays = 62;

    public async Task<MySchedule> MineAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var employeeId = currentUser.RequireEmployee();
        EnsureRange(from, to);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var place = await PolicyContextLoader.PlaceAsync(db, employeeId, cancellationToken);
        var days = await DaysAsync(db, place.UnitPath, from, to, cancellationToken);
        var cells = await CellsAsync(db, [employeeId], from, to, cancellationToken);
        return new MySchedule(days, cells.GetValueOrDefault(employeeId) ?? []);
    }

    /// <summary>
    /// The units the caller can narrow the team schedule to (an admin: all; otherwise the units they
    /// head, with the units below, and the units of their direct reports), and the one to open with:
    /// the unit they head, or the one unit all their people sit in. With a unit chosen the grid shows
    /// the unit's on-site minimum.
    /// </summary>
    public async Task<TeamUnits> TeamUnitsAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgency();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var tree = await db.UnitTreeAsync(cancellationToken);
        var names = await db.OrganizationUnits.AsNoTracking().OrderBy(u => u.Name).Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(cancellationToken);
        if (currentUser.IsInRole(Roles.AgencyAdmin))
        {
            return new TeamUnits(names, null);
        }

        var me = currentUser.RequireEmployee();
        var headed = tree.HeadedBy(me);
        var ofReports = await db.Employees.Where(e => e.IsActive && e.SupervisorId == me).Select(e => e.UnitId).Distinct().ToListAsync(cancellationToken);
        var scope = tree.OverseenBy(me).Concat(ofReports).ToHashSet();
        var topHeaded = headed.Where(h => !headed.Any(other => other != h && tree.Below(other).Contains(h))).Cast<Guid?>().FirstOrDefault();
        var opening = topHeaded ?? (ofReports.Count == 1 ? ofReports[0] : null);
        return new TeamUnits([.. names.Where(n => scope.Contains(n.Id))], opening);
    }

    /// <param name="unitId">One unit (and the units under it); null: everyone the caller is responsible for.</param>
    public async Task<TeamSchedule> TeamAsync(DateOnly from, DateOnly to, Guid? unitId, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgency();
        EnsureRange(from, to);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var tree = await db.UnitTreeAsync(cancellationToken);
        if (unitId is { } requested && !tree.Contains(requested))
        {
            throw new NotFoundException("OrganizationUnit", requested);
        }

        // Who the caller may see: everyone for an agency admin, else their unit(s) as head and their direct reports.
        var me = currentUser.EmployeeId;
        var people = db.Employees.AsNoTracking().Where(e => e.IsActive);
        if (!currentUser.IsInRole(Roles.AgencyAdmin))
        {
            if (me is not { } self)
            {
                throw new ForbiddenAccessException();
            }

            var overseen = tree.OverseenBy(self);
            people = people.Where(e => e.SupervisorId == self || overseen.Contains(e.UnitId));
        }

        if (unitId is { } only)
        {
            var scope = tree.Below(only);
            people = people.Where(e => scope.Contains(e.UnitId));
        }

        var members = await people.OrderBy(e => e.FullName).Select(e => new { e.Id, e.FullName, e.UnitId }).Take(500).ToListAsync(cancellationToken);
        if (members.Count == 0 && !currentUser.IsInRole(Roles.AgencyAdmin) && !await LeadsAnyoneAsync(db, tree, me!.Value, cancellationToken))
        {
            throw new ForbiddenAccessException();
        }

        var unitPath = unitId is { } u2 ? tree.PathUp(u2) : [];

        var days = await DaysAsync(db, unitPath, from, to, cancellationToken);
        var cells = await CellsAsync(db, [.. members.Select(m => m.Id)], from, to, cancellationToken);
        int? minimum = null;
        if (unitId is not null)
        {
            var today = PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), await AgencyTimeZoneAsync(db, currentUser.RequireAgency(), cancellationToken));
            minimum = (await PolicyContextLoader.InForceAsync(db, today, cancellationToken)).Settings.ForUnit(unitPath).Safeguard.MinimumOnSite(members.Count);
        }

        var presence = days.Where(d => d.IsWorkingDay).Select(d => new DayPresence(
            d.Date,
            members.Count - members.Count(m => cells.TryGetValue(m.Id, out var own) && own.Any(c => c.Date == d.Date && c.Mode.IsRemote())),
            members.Count,
            minimum)).ToList();
        return new TeamSchedule(
            unitId, days, [.. members.Select(m => new TeamMember(m.Id, m.FullName, m.UnitId, cells.GetValueOrDefault(m.Id) ?? []))], presence);
    }

    private static async Task<bool> LeadsAnyoneAsync(IFlexWorkDbContext db, UnitTree tree, Guid me, CancellationToken cancellationToken) =>
        tree.HeadedBy(me).Count > 0 || await db.Employees.AnyAsync(e => e.SupervisorId == me, cancellationToken);

    /// <summary>
    /// The range a schedule shows when the caller names none: four weeks from this Monday, "this"
    /// in the caller's own time zone (theirs, their unit's, or the agency's), as everywhere else.
    /// </summary>
    public async Task<(DateOnly From, DateOnly To)> RangeAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        from ??= PolicyEngine.WeekStart(await TodayAsync(cancellationToken));
        return (from.Value, to ?? from.Value.AddDays(27));
    }

    /// <summary>The caller's date today in their own time zone (theirs, their unit's, or the agency's).</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgency();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var timeZone = currentUser.EmployeeId is { } me
            ? (await PolicyContextLoader.PlaceAsync(db, me, cancellationToken)).TimeZoneId
            : await AgencyTimeZoneAsync(db, agencyId, cancellationToken);
        return PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), timeZone);
    }

    private static async Task<string> AgencyTimeZoneAsync(IFlexWorkDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);

    /// <summary>The days of the range as the unit path's calendar has them: working or not, and why not.</summary>
    internal static async Task<IReadOnlyList<ScheduleDay>> DaysAsync(
        IFlexWorkDbContext db, IReadOnlyList<Guid> unitPath, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await CalendarAsync(db, from, to, cancellationToken))(unitPath);

    /// <summary>
    /// The same for several units at once, keyed by unit: the calendar and the policy are read once,
    /// however many units (an attendance machine's batch of 1,000 taps may touch as many).
    /// </summary>
    internal static async Task<Dictionary<Guid, IReadOnlyList<ScheduleDay>>> DaysByUnitAsync(
        IFlexWorkDbContext db, UnitTree tree, IEnumerable<Guid> unitIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = await CalendarAsync(db, from, to, cancellationToken);
        return unitIds.Distinct().ToDictionary(unit => unit, unit => days(tree.PathUp(unit)));
    }

    /// <summary>Reads the range's calendar entries and the working week in force once; the answer gives any unit path's days.</summary>
    private static async Task<Func<IReadOnlyList<Guid>, IReadOnlyList<ScheduleDay>>> CalendarAsync(
        IFlexWorkDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var entries = await db.CalendarEntries.AsNoTracking().Where(c => c.Date >= from && c.Date <= to)
            .Select(c => new { c.Date, c.Kind, c.Name, c.UnitId }).ToListAsync(cancellationToken);
        var time = (await PolicyContextLoader.InForceAsync(db, from, cancellationToken)).Settings.Time;
        return unitPath =>
        {
            var applicable = entries.Where(c => CalendarEntry.AppliesTo(c.UnitId, unitPath)).ToList();
            return
            [
                .. Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Select(date =>
                {
                    var holiday = applicable.FirstOrDefault(c => c.Date == date && c.Kind != CalendarEntryKind.MandatoryOffice);
                    return new ScheduleDay(
                        date, time.IsWorkingWeekday(date.DayOfWeek) && holiday is null, holiday?.Name,
                        applicable.Any(c => c.Date == date && c.Kind == CalendarEntryKind.MandatoryOffice));
                }),
            ];
        };
    }

    /// <summary>The planned days (pending or approved) of these people in the range; the rest is the office.</summary>
    private static async Task<Dictionary<Guid, List<ScheduleCell>>> CellsAsync(
        IFlexWorkDbContext db, IReadOnlyList<Guid> employeeIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await db.WorkRequests.Where(r => employeeIds.Contains(r.EmployeeId)).PlannedDays(from, to).ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.EmployeeId)
            .ToDictionary(g => g.Key, g => g.Select(r => new ScheduleCell(
                r.Date, r.Mode, r.Start, r.End, r.Status is RequestStatus.Withdrawn or RequestStatus.Revoked ? RequestStatus.Approved : r.Status, r.RequestId))
                .OrderBy(c => c.Date).ToList());
    }

    private static void EnsureRange(DateOnly from, DateOnly to)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new ValidationException([new ValidationFailure("to", "Range.") { ErrorCode = "SCHEDULE_RANGE_INVALID" }]);
        }
    }
}
