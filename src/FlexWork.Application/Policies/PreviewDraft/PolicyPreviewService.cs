using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Policies;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Policies.PreviewDraft;

/// <summary>Days of pending or approved requests a rule of the draft would newly refuse, for one unit.</summary>
public sealed record PreviewImpact(Guid UnitId, string UnitName, string Code, int Days);

public sealed record DayOnSite(DateOnly Date, int OnSite);

/// <summary>A unit's planned presence per working day, against the minimum the draft sets for it.</summary>
public sealed record UnitCoverage(Guid UnitId, string UnitName, int Headcount, int MinimumOnSite, IReadOnlyList<DayOnSite> Days)
{
    public int DaysBelowMinimum => Days.Count(d => d.OnSite < MinimumOnSite);
}

public sealed record PolicyPreview(
    DateOnly From, DateOnly To, int RequestsJudged, int DaysAffected, IReadOnlyList<PreviewImpact> Impacts, IReadOnlyList<UnitCoverage> Coverage);

/// <summary>
/// What a draft would change over the next eight weeks: every pending or approved request is
/// judged again under the draft and under the version in force, and the days that only the
/// draft refuses are counted per unit and rule; the units' planned presence is set against the
/// draft's minimums. Nothing is saved.
/// </summary>
public sealed class PolicyPreviewService(
    IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider, IValidator<PolicySettings> validator)
{
    public const int Weeks = 8;

    // Rules about the moment of asking, not the days asked for: they say nothing about a new policy.
    private static readonly HashSet<string> Ignored = [RuleCodes.NoticeTooShort, RuleCodes.OverlapsExisting];

    public async Task<PolicyPreview> PreviewAsync(PolicySettings draft, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(draft, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var timeZone = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
        var today = PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), timeZone);
        DateOnly from = today, to = today.AddDays((7 * Weeks) - 1);
        var ramadan = await PolicyContextLoader.RamadanAsync(db, from, to, cancellationToken);
        var current = (await PolicyContextLoader.InForceAsync(db, today, cancellationToken)).Settings.WithRamadan(ramadan);
        draft = draft.WithRamadan(ramadan);

        var planning = db.WorkRequests.PlannedDays(from, to).Select(d => d.RequestId);
        var requests = await db.WorkRequests.AsNoTracking().Where(r => planning.Contains(r.Id)).ToListAsync(cancellationToken);
        var tree = await db.UnitTreeAsync(cancellationToken);
        var units = await db.OrganizationUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new
            {
                e.Id, e.UnitId, e.PositionStartDate, e.DisciplinaryStatus, e.DisciplinaryFrom, e.DisciplinaryUntil, e.EligibilityOverrideKind,
                e.EligibilityOverrideUntil, PositionEligible = db.Positions.Where(p => p.Id == e.PositionId).Select(p => p.IsFlexibleWorkEligible).Single(),
            })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var calendarEntries = await db.CalendarEntries.AsNoTracking().Where(c => c.Date >= from.AddDays(-31) && c.Date <= to.AddDays(31))
            .Select(c => new { c.Date, c.Kind, c.UnitId }).ToListAsync(cancellationToken);
        var locations = await db.ApprovedLocations.AsNoTracking().Where(l => l.IsActive).ToDictionaryAsync(l => l.Id, l => l.Kind, cancellationToken);

        var paths = units.Keys.ToDictionary(id => id, tree.PathUp);
        var calendars = units.Keys.ToDictionary(id => id, id =>
        {
            var applicable = calendarEntries.Where(c => CalendarEntry.AppliesTo(c.UnitId, paths[id])).ToList();
            return new WorkCalendar(
                applicable.Where(c => c.Kind != CalendarEntryKind.MandatoryOffice).Select(c => c.Date),
                applicable.Where(c => c.Kind == CalendarEntryKind.MandatoryOffice).Select(c => c.Date));
        });

        // Planned days per person and absences per unit and day, from the same requests.
        var planned = requests.Where(r => people.ContainsKey(r.EmployeeId))
            .SelectMany(r => r.Days.Where(d => r.Plans(d.Date)).Select(d => (Request: r, Day: d)))
            .ToList();
        var awayByUnitDay = planned.Where(p => p.Day.Mode.IsRemote())
            .GroupBy(p => (people[p.Request.EmployeeId].UnitId, p.Day.Date))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Request.EmployeeId).Distinct().ToHashSet());

        var impacts = new Dictionary<(Guid Unit, string Code), HashSet<(Guid, DateOnly)>>();
        foreach (var request in requests.Where(r => people.ContainsKey(r.EmployeeId)))
        {
            var person = people[request.EmployeeId];
            var facts = new EmployeeFacts(
                person.PositionEligible, person.PositionStartDate, person.DisciplinaryStatus, person.DisciplinaryFrom, person.DisciplinaryUntil,
                person.EligibilityOverrideKind, person.EligibilityOverrideUntil);
            var days = request.Days.Where(d => request.Plans(d.Date)).ToList();
            if (days.Count == 0)
            {
                continue;
            }

            var proposal = new ProposedRequest(days, request.Reason, request.WorkPlan, request.HasEvidence);
            var others = new PlannedDays(planned.Where(p => p.Request.EmployeeId == request.EmployeeId && p.Request.Id != request.Id)
                .Select(p => new PlannedDay(p.Day.Date, p.Day.Mode, p.Day.Start, p.Day.End)));
            var headcount = people.Values.Count(e => e.UnitId == person.UnitId);
            var away = days.Select(d => d.Date).Distinct().ToDictionary(
                d => d, d => awayByUnitDay.TryGetValue((person.UnitId, d), out var set) ? set.Count(id => id != request.EmployeeId) : 0);
            var context = new PolicyCheckContext(
                current.ForUnit(paths[person.UnitId]), proposal, facts, from, others, new UnitOccupancy(headcount, away), calendars[person.UnitId], locations);

            var remoteDays = days.Where(d => d.Mode.IsRemote()).Select(d => d.Date).ToList();
            var before = Refused(PolicyEngine.Evaluate(context), remoteDays);
            var after = Refused(PolicyEngine.Evaluate(context with { Policy = draft.ForUnit(paths[person.UnitId]) }), remoteDays);
            foreach (var (code, date) in after.Except(before).Where(f => f.Date >= from && f.Date <= to))
            {
                var key = (person.UnitId, code);
                impacts.TryAdd(key, []);
                impacts[key].Add((request.EmployeeId, date));
            }
        }

        var coverage = units.OrderBy(u => u.Value).Select(unit =>
        {
            var headcount = people.Values.Count(e => e.UnitId == unit.Key);
            var minimum = draft.ForUnit(paths[unit.Key]).Safeguard.MinimumOnSite(headcount);
            var workingDays = Enumerable.Range(0, 7 * Weeks).Select(from.AddDays)
                .Where(d => draft.Time.IsWorkingWeekday(d.DayOfWeek) && !calendars[unit.Key].IsHoliday(d));
            return new UnitCoverage(unit.Key, unit.Value, headcount, Math.Min(minimum, headcount),
                [.. workingDays.Select(d => new DayOnSite(d, headcount - (awayByUnitDay.TryGetValue((unit.Key, d), out var set) ? set.Count : 0)))]);
        }).Where(c => c.Headcount > 0).ToList();

        return new PolicyPreview(
            from, to, requests.Count, impacts.Values.SelectMany(days => days).Distinct().Count(),
            [.. impacts.Select(i => new PreviewImpact(i.Key.Unit, units[i.Key.Unit], i.Key.Code, i.Value.Count)).OrderBy(i => i.UnitName).ThenBy(i => i.Code, StringComparer.Ordinal)],
            coverage);
    }

    /// <summary>
    /// The blocking findings as (rule, day) pairs; a finding about the whole request (eligibility)
    /// refuses each of its remote days. Warnings refuse nothing.
    /// </summary>
    private static HashSet<(string Code, DateOnly Date)> Refused(IReadOnlyList<Finding> findings, IReadOnlyList<DateOnly> remoteDays) =>
    [
        .. findings.Where(f => f.Severity == FindingSeverity.Block && !Ignored.Contains(f.Code))
            .SelectMany(f => f.Date is { } date ? [(f.Code, date)] : remoteDays.Select(d => (f.Code, d))),
    ];
}
