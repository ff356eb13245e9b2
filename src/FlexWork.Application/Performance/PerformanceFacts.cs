using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>
/// What performance management tells the policy engine about an employee: the last final
/// predikat (for the minimum rating and the suspension) and the reports overdue. Read only when
/// the policy has a rule that asks, so a check under the regulation's defaults costs nothing more.
/// </summary>
public static class PerformanceFacts
{
    public static async Task<EmployeePlace> AddAsync(
        IFlexWorkDbContext db, EmployeePlace place, PolicySettings settings, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facts = place.Facts;
        if (settings.Eligibility.MinLastRating is not null || settings.Performance.SuspendAtOrBelow is not null)
        {
            facts = facts with { LastEvaluation = await LastEvaluationAsync(db, place.EmployeeId, settings.Performance.PeriodLength, cancellationToken) };
        }

        if (settings.Performance.MaxOverdueReports is not null)
        {
            facts = facts with { OverdueReports = await OverdueCountAsync(db, place, today, now, cancellationToken) };
        }

        return place with { Facts = facts };
    }

    /// <summary>The final evaluation of the latest period, and the dates of the period after it (as opened, else as the policy would open it).</summary>
    public static async Task<LastEvaluation?> LastEvaluationAsync(IFlexWorkDbContext db, Guid employeeId, PeriodLength length, CancellationToken cancellationToken)
    {
        var last = await db.Evaluations.AsNoTracking()
            .Where(e => e.EmployeeId == employeeId && e.State == EvaluationState.Final && e.Predikat != null)
            .Join(db.PerformancePeriods, e => e.PeriodId, p => p.Id, (e, p) => new { e.Predikat, p.From, p.To, p.Length })
            .OrderByDescending(x => x.To).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return null;
        }

        var next = await db.PerformancePeriods.AsNoTracking().Where(p => p.From == last.To.AddDays(1))
            .Select(p => new DateRange(p.From, p.To)).FirstOrDefaultAsync(cancellationToken);
        return new LastEvaluation(PerformancePeriod.CodeOf(last.From, last.Length), last.Predikat!.Value, next ?? PerformancePeriod.Following(last.To, length));
    }

    /// <summary>Reports the policy asks for, still writable, whose deadline passed without them.</summary>
    public static async Task<int> OverdueCountAsync(IFlexWorkDbContext db, EmployeePlace place, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = await ReportCalendar.WindowStartAsync(db, today, cancellationToken);
        var due = await ReportCalendar.DueAsync(db, [new ReportPerson(place.EmployeeId, place.UnitId, place.TimeZoneId)], from, today, today, now, cancellationToken);
        return due[place.EmployeeId].Count(d => d.Status == ReportStatus.Overdue);
    }

    /// <summary>
    /// The targets a work plan names must be the employee's own agreed targets: an unknown one is
    /// refused with the output that names it, so a client cannot point a plan at someone else's.
    /// </summary>
    public static async Task EnsurePlanTargetsAsync(IFlexWorkDbContext db, Guid employeeId, ProposedRequest request, CancellationToken cancellationToken)
    {
        var named = request.WorkPlan.Where(i => i.TargetId is not null).ToList();
        if (named.Count == 0)
        {
            return;
        }

        var ids = named.Select(i => i.TargetId!.Value).Distinct().ToList();
        var agreed = await db.PerformanceTargets.Where(t => ids.Contains(t.Id) && t.EmployeeId == employeeId && t.State == TargetState.Agreed)
            .Select(t => t.Id).ToListAsync(cancellationToken);
        if (named.FirstOrDefault(i => !agreed.Contains(i.TargetId!.Value)) is { } unknown)
        {
            throw new DomainException("WORK_PLAN_TARGET_UNKNOWN", unknown.Output);
        }
    }
}
