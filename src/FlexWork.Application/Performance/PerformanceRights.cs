using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>Someone the caller looks after today, and the official they do it for (themselves, or the one they stand in for).</summary>
public sealed record TeamMember(Guid EmployeeId, string FullName, Guid UnitId, Guid Principal);

/// <summary>
/// Who agrees an employee's targets, reads their reports, gives them feedback and evaluates them:
/// the official who decides their requests at the first level (the direct supervisor, else the
/// head above them), or that official's acting official today. Never the employee themselves.
/// </summary>
public static class PerformanceRights
{
    /// <summary>The principal the actor acts for over the employee, or null when the actor may not.</summary>
    public static Task<Guid?> ActingForAsync(IFlexWorkDbContext db, Guid actorEmployeeId, Guid employeeId, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        DecisionRights.ActingForAsync(db, actorEmployeeId, employeeId, level: 1, timeProvider, cancellationToken);

    /// <summary>The acting principal, or <see cref="NotFoundException"/>: someone else's people must not learn the person exists.</summary>
    public static async Task<Guid> RequireActingForAsync(
        IFlexWorkDbContext db, Guid actorEmployeeId, Guid employeeId, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        await ActingForAsync(db, actorEmployeeId, employeeId, timeProvider, cancellationToken)
        ?? throw (actorEmployeeId == employeeId ? new ForbiddenAccessException("PERFORMANCE_OWN_DECISION") : new NotFoundException("Employee", employeeId));

    /// <summary>The active people the actor looks after today, in their own right or as an acting official, by name.</summary>
    public static async Task<IReadOnlyList<TeamMember>> TeamAsync(IFlexWorkDbContext db, Guid me, DateOnly today, CancellationToken cancellationToken)
    {
        var principals = await PrincipalsAsync(db, me, today, cancellationToken);
        var tree = await db.UnitTreeAsync(cancellationToken);
        var units = principals.SelectMany(tree.UnitsDecidedBy).ToHashSet();
        var heads = principals.SelectMany(tree.HeadsDecidedBy).ToHashSet();
        var candidates = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && e.Id != me
                && ((e.SupervisorId != null && principals.Contains(e.SupervisorId.Value)) || (e.SupervisorId == null && units.Contains(e.UnitId)) || heads.Contains(e.Id)))
            .OrderBy(e => e.FullName)
            .Select(e => new { e.Id, e.FullName, e.UnitId, e.SupervisorId })
            .ToListAsync(cancellationToken);
        return
        [
            .. candidates
                .Select(c => (c, Evaluator: DecisionRights.Decider(c.Id, c.SupervisorId, c.UnitId, 1, tree)))
                .Where(x => x.Evaluator is { } evaluator && principals.Contains(evaluator))
                .Select(x => new TeamMember(x.c.Id, x.c.FullName, x.c.UnitId, x.Evaluator!.Value)),
        ];
    }

    /// <summary>The caller and the officials they stand in for today.</summary>
    public static async Task<List<Guid>> PrincipalsAsync(IFlexWorkDbContext db, Guid me, DateOnly today, CancellationToken cancellationToken)
    {
        var principals = await db.Delegations
            .Where(d => d.DelegateEmployeeId == me && !d.IsRevoked && d.From <= today && d.Until >= today)
            .Select(d => d.PrincipalEmployeeId).ToListAsync(cancellationToken);
        principals.Add(me);
        return principals;
    }

    /// <summary>The official who decides an objection to an evaluation: the evaluator's own superior (their supervisor, else the head above them).</summary>
    public static async Task<Guid?> SuperiorOfAsync(IFlexWorkDbContext db, Guid evaluatorEmployeeId, CancellationToken cancellationToken) =>
        await DecisionRights.DeciderAsync(db, evaluatorEmployeeId, 1, cancellationToken);
}
