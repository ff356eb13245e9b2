using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Application.Policies;
using FlexWork.Application.Schedules.ViewSchedule;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Presence;

/// <summary>One day of the week as presence has it: the local times, the net hours and what they fell short of; or absent, or excused.</summary>
public sealed record HoursDay(
    DateOnly Date, bool IsWorkingDay, TimeOnly? CheckedIn, TimeOnly? CheckedOut, int NetMinutes, bool LateStart, bool CoreHoursMissed, bool Absent, AbsenceExcuse? Excuse);

/// <summary>
/// A week's checked-in hours against what its working days owe. A week still running is never
/// short: <see cref="IsShort"/> is judged once it is over.
/// </summary>
public sealed record HoursWeek(DateOnly Monday, int NetMinutes, int OwedMinutes, bool IsOver, IReadOnlyList<HoursDay> Days)
{
    public bool IsShort => IsOver && NetMinutes < OwedMinutes;

    public int ShortByMinutes => IsShort ? OwedMinutes - NetMinutes : 0;

    public int LateStarts => Days.Count(d => d.LateStart);
}

/// <summary>
/// The year's working days without presence and without an excuse the supervisor accepted, from
/// when the agency's presence began (<see cref="CountedFrom"/>) up to yesterday, placed in the
/// PP 94/2021 bands as information.
/// </summary>
public sealed record AbsenceYear(int Year, DateOnly CountedFrom, DateOnly Through, IReadOnlyList<DateOnly> Dates)
{
    public int Days => Dates.Count;

    public AbsenceBand Band => AbsenceBands.Of(Days);

    /// <summary>How many more days reach the next band; null in the last one.</summary>
    public int? ToNextBand => Band == AbsenceBand.HeavyDismissal ? null : AbsenceBands.From(Band + 1) - Days;
}

/// <summary>The rule the hours are measured by, to cite next to them: the policy version and its working time.</summary>
public sealed record HoursClause(
    int PolicyNumber, string? LegalReference, int WeeklyMinutes, TimeOnly LatestStart, TimeOnly CoreStart, TimeOnly CoreEnd, bool RamadanThisWeek);

public sealed record PresenceLedger(Guid EmployeeId, string FullName, HoursWeek Week, AbsenceYear Absences, HoursClause Clause);

/// <summary>
/// Hours and absences: the caller's own, and for a supervisor each of the people they decide for.
/// Flags are information for the people concerned, never a decision.
/// </summary>
public sealed class PresenceLedgerService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <param name="monday">Any day of the week to show; default this week.</param>
    public async Task<PresenceLedger> MineAsync(DateOnly? monday = null, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var name = await db.Employees.Where(e => e.Id == me).Select(e => e.FullName).SingleAsync(cancellationToken);
        return (await LedgersAsync(db, [(me, name)], monday, cancellationToken))[0];
    }

    public async Task<IReadOnlyList<PresenceLedger>> TeamAsync(DateOnly? monday = null, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var today = await PerformanceQueries.TodayAsync(db, me, timeProvider, cancellationToken);
        var team = await PerformanceRights.TeamAsync(db, me, today, cancellationToken);
        return await LedgersAsync(db, [.. team.Select(m => (m.EmployeeId, m.FullName))], monday, cancellationToken);
    }

    private async Task<IReadOnlyList<PresenceLedger>> LedgersAsync(
        IFlexWorkDbContext db, IReadOnlyList<(Guid Id, string Name)> people, DateOnly? anyDay, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var ids = people.Select(p => p.Id).ToList();
        var tree = await db.UnitTreeAsync(cancellationToken);
        var agencyZone = await db.Agencies.Where(a => a.Id == currentUser.RequireAgency()).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
        var placed = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.UnitId, e.TimeZoneId }).ToDictionaryAsync(e => e.Id, cancellationToken);
        string ZoneOf(Guid id) => placed[id].TimeZoneId ?? tree.TimeZoneOf(placed[id].UnitId) ?? agencyZone;

        var now = timeProvider.GetUtcNow();
        var today = PresenceSlot.LocalDate(now, ZoneOf(ids[0]));
        // A week of the last year up to this one: later ones have no hours, and far ones no calendar.
        if (anyDay is { } day && (day > today || day < today.AddYears(-1)))
        {
            throw new DomainException("PRESENCE_WEEK_RANGE");
        }

        var monday = PolicyEngine.WeekStart(anyDay ?? today);
        var (yearStart, sunday) = (new DateOnly(today.Year, 1, 1), monday.AddDays(6));
        var from = monday < yearStart ? monday : yearStart;
        var to = sunday > today ? sunday : today;

        // Absences count from when the agency began presence: the days before it had no way to check in.
        var firstPresence = await db.PresenceDays.MinAsync(d => (DateOnly?)d.Date, cancellationToken) ?? today;
        var presence = await db.PresenceDays.AsNoTracking().Where(d => ids.Contains(d.EmployeeId) && d.Date >= from && d.Date <= to)
            .Select(d => new { d.EmployeeId, d.Date, d.CheckedInAt, d.CheckedOutAt }).ToListAsync(cancellationToken);
        var excused = await db.PresenceCorrections.AsNoTracking()
            .Where(c => ids.Contains(c.EmployeeId) && c.Excuse != null && c.Status == CorrectionStatus.Approved && c.Date >= from && c.Date <= to)
            .Select(c => new { c.EmployeeId, c.Date, c.Excuse }).ToListAsync(cancellationToken);

        var policy = await PolicyContextLoader.InForceAsync(db, today, cancellationToken);
        var ramadan = await PolicyContextLoader.RamadanAsync(db, from, to, cancellationToken);
        var calendars = await ScheduleService.DaysByUnitAsync(db, tree, people.Select(p => placed[p.Id].UnitId), from, to, cancellationToken);
        var ledgers = new List<PresenceLedger>();
        foreach (var (id, name) in people)
        {
            var unitId = placed[id].UnitId;
            var calendar = calendars[unitId];

            var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneOf(id));
            var time = policy.Settings.ForUnit(tree.PathUp(unitId)).WithRamadan(ramadan).Time;
            var own = presence.Where(p => p.EmployeeId == id).ToDictionary(p => p.Date);
            var excuses = excused.Where(e => e.EmployeeId == id).ToDictionary(e => e.Date, e => e.Excuse);
            var personToday = PresenceSlot.LocalDate(now, ZoneOf(id));
            var counted = new[] { yearStart, firstPresence }.Max();
            bool IsAbsent(ScheduleDay day) =>
                day.IsWorkingDay && day.Date >= counted && day.Date < personToday && !own.ContainsKey(day.Date) && !excuses.ContainsKey(day.Date);

            TimeOnly Local(DateTimeOffset at) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
            var weekDays = calendar.Where(d => d.Date >= monday && d.Date <= sunday).ToList();
            var measured = weekDays.Where(d => own.ContainsKey(d.Date))
                .ToDictionary(d => d.Date, d => DayHours.Of(d.Date, Local(own[d.Date].CheckedInAt), own[d.Date].CheckedOutAt is { } outAt ? Local(outAt) : null, time));
            var hours = WeekHours.Of(monday, [.. measured.Values], weekDays.Where(d => d.IsWorkingDay).Select(d => d.Date), time);
            var week = weekDays.Select(day => measured.TryGetValue(day.Date, out var h)
                ? new HoursDay(day.Date, day.IsWorkingDay, Local(own[day.Date].CheckedInAt), own[day.Date].CheckedOutAt is { } o ? Local(o) : null,
                    h.NetMinutes, h.LateStart && day.IsWorkingDay, h.CoreHoursMissed && day.IsWorkingDay, Absent: false, null)
                : new HoursDay(day.Date, day.IsWorkingDay, null, null, 0, false, false, IsAbsent(day), excuses.GetValueOrDefault(day.Date))).ToList();
            var absences = calendar.Where(d => d.Date.Year == today.Year && IsAbsent(d)).Select(d => d.Date).ToList();
            ledgers.Add(new PresenceLedger(
                id, name, new HoursWeek(monday, hours.NetMinutes, hours.OwedMinutes, sunday < personToday, week),
                new AbsenceYear(today.Year, counted, personToday.AddDays(-1), absences),
                new HoursClause(policy.Number, policy.LegalReference, time.Ramadan.Covers(monday) ? time.Ramadan.WeeklyMinutes : time.WeeklyMinutes,
                    time.Dynamic.LatestStart, time.Dynamic.CoreStart, time.Dynamic.CoreEnd, time.Ramadan.Covers(monday))));
        }

        return ledgers;
    }
}
