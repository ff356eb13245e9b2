using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Policies;

/// <summary>The version in force on a date; <see cref="Number"/> 0 is the regulation template (nothing published yet).</summary>
public sealed record InForcePolicy(int Number, Guid? VersionId, DateOnly? EffectiveFrom, string? LegalReference, PolicySettings Settings);

/// <summary>Where an employee sits: their unit up to the top of the tree, and the time zone that applies to them.</summary>
public sealed record EmployeePlace(Guid EmployeeId, Guid UnitId, IReadOnlyList<Guid> UnitPath, string TimeZoneId, EmployeeFacts Facts);

/// <summary>
/// Reads what the policy engine needs from the database, so that the engine itself stays pure.
/// Used by the policy check, and by requests and the draft preview.
/// </summary>
public static class PolicyContextLoader
{
    public static async Task<InForcePolicy> InForceAsync(IFlexWorkDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var version = await db.PolicyVersions.AsNoTracking()
            .Where(p => p.Status == PolicyVersionStatus.Published && p.EffectiveFrom <= date)
            .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken);
        return version is null
            ? new InForcePolicy(0, null, null, null, PolicySettings.Regulation)
            : new InForcePolicy(version.Number, version.Id, version.EffectiveFrom, version.LegalReference, version.Settings);
    }

    /// <summary>The agency's days of Ramadan that touch the range, for <see cref="PolicySettings.WithRamadan"/>.</summary>
    public static async Task<IReadOnlyList<DateRange>> RamadanAsync(IFlexWorkDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await db.RamadanPeriods.AsNoTracking().Where(r => r.From <= to && r.To >= from).OrderBy(r => r.From)
            .Select(r => new DateRange(r.From, r.To)).ToListAsync(cancellationToken);

    public static async Task<EmployeePlace> PlaceAsync(IFlexWorkDbContext db, Guid employeeId, CancellationToken cancellationToken)
    {
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Select(e => new
            {
                e.Id, e.UnitId, e.AgencyId, e.TimeZoneId, e.PositionStartDate, e.DisciplinaryStatus, e.DisciplinaryFrom, e.DisciplinaryUntil,
                e.EligibilityOverrideKind, e.EligibilityOverrideUntil,
                PositionEligible = db.Positions.Where(p => p.Id == e.PositionId).Select(p => p.IsFlexibleWorkEligible).Single(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Employee", employeeId);

        var tree = await db.UnitTreeAsync(cancellationToken);
        var timeZone = employee.TimeZoneId ?? tree.TimeZoneOf(employee.UnitId)
            ?? await db.Agencies.Where(a => a.Id == employee.AgencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
        var facts = new EmployeeFacts(
            employee.PositionEligible, employee.PositionStartDate, employee.DisciplinaryStatus, employee.DisciplinaryFrom, employee.DisciplinaryUntil,
            employee.EligibilityOverrideKind, employee.EligibilityOverrideUntil);
        return new EmployeePlace(employee.Id, employee.UnitId, tree.PathUp(employee.UnitId), timeZone, facts);
    }

    /// <summary>The employee's days in other requests that still plan them (pending, approved, or before a cancellation).</summary>
    public static async Task<List<PlannedDay>> PlannedDaysAsync(
        IFlexWorkDbContext db, Guid employeeId, Guid? excludeRequestId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await db.WorkRequests.Where(r => r.EmployeeId == employeeId && r.Id != excludeRequestId)
            .PlannedDays(from, to)
            .Select(d => new PlannedDay(d.Date, d.Mode, d.Start, d.End))
            .ToListAsync(cancellationToken);

    /// <summary>Per day, how many other active people of the unit are planned away from the office.</summary>
    public static async Task<Dictionary<DateOnly, int>> OthersAwayAsync(
        IFlexWorkDbContext db, Guid unitId, Guid employeeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var colleagues = db.Employees.Where(e => e.UnitId == unitId && e.IsActive && e.Id != employeeId).Select(e => e.Id);
        var rows = await db.WorkRequests.Where(r => colleagues.Contains(r.EmployeeId))
            .PlannedDays(from, to)
            .Where(d => d.Mode != WorkMode.Office)
            .Select(d => new { d.EmployeeId, d.Date })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.Select(r => r.EmployeeId).Distinct().Count());
    }

    /// <summary>The whole weeks and months a set of days touches: weekly and monthly rules look at all of them.</summary>
    public static (DateOnly From, DateOnly To) RangeAround(DateOnly first, DateOnly last)
    {
        var monthStart = new DateOnly(first.Year, first.Month, 1);
        var weekStart = PolicyEngine.WeekStart(first);
        var monthEnd = new DateOnly(last.Year, last.Month, 1).AddMonths(1).AddDays(-1);
        var weekEnd = PolicyEngine.WeekStart(last).AddDays(6);
        return (weekStart < monthStart ? weekStart : monthStart, weekEnd > monthEnd ? weekEnd : monthEnd);
    }

    /// <summary>
    /// Everything around a proposed request: the calendar of the employee's unit, the agency's
    /// active locations, the unit's head-count. Other planned days and the unit's away counts
    /// come from <paramref name="otherDays"/> and <paramref name="othersAwayByDate"/>.
    /// </summary>
    public static async Task<PolicyCheckContext> BuildAsync(
        IFlexWorkDbContext db, EmployeePlace place, PolicySettings settings, ProposedRequest request, DateOnly today,
        IEnumerable<PlannedDay> otherDays, IReadOnlyDictionary<DateOnly, int> othersAwayByDate, CancellationToken cancellationToken)
    {
        DateOnly from = today, to = today;
        if (request.Days.Count > 0)
        {
            // Whole weeks around the request: weekly rules look at every day of them.
            from = PolicyEngine.WeekStart(request.Days[0].Date < today ? request.Days[0].Date : today);
            to = PolicyEngine.WeekStart(request.Days[^1].Date).AddDays(6);
        }

        var entries = await db.CalendarEntries.AsNoTracking()
            .Where(c => c.Date >= from && c.Date <= to.AddDays(31))
            .Select(c => new { c.Date, c.Kind, c.UnitId })
            .ToListAsync(cancellationToken);
        var applicable = entries.Where(c => CalendarEntry.AppliesTo(c.UnitId, place.UnitPath)).ToList();
        var calendar = new WorkCalendar(
            applicable.Where(c => c.Kind != CalendarEntryKind.MandatoryOffice).Select(c => c.Date),
            applicable.Where(c => c.Kind == CalendarEntryKind.MandatoryOffice).Select(c => c.Date));

        var locations = await db.ApprovedLocations.AsNoTracking().Where(l => l.IsActive)
            .ToDictionaryAsync(l => l.Id, l => l.Kind, cancellationToken);
        var headcount = await db.Employees.CountAsync(e => e.UnitId == place.UnitId && e.IsActive, cancellationToken);

        return new PolicyCheckContext(
            settings, request, place.Facts, today, new PlannedDays(otherDays), new UnitOccupancy(headcount, othersAwayByDate), calendar,
            locations);
    }
}
