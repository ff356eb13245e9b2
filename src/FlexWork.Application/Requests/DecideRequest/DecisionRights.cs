using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Organization;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Requests;

/// <summary>
/// Who decides a request: at level 1 the employee's direct supervisor, at level 2 the head of
/// the employee's unit (the nearest head up the tree). An acting official (delegation in force)
/// decides in their principal's place.
/// </summary>
public static class DecisionRights
{
    /// <summary>The official who decides at the request's current level, or null when the org chart names nobody.</summary>
    public static Task<Guid?> DeciderAsync(IFlexWorkDbContext db, WorkRequest request, int level, CancellationToken cancellationToken) =>
        DeciderAsync(db, request.EmployeeId, level, cancellationToken);

    /// <summary>The official who decides about the employee at the level; null for an employee of another agency or one the org chart leaves without.</summary>
    public static async Task<Guid?> DeciderAsync(IFlexWorkDbContext db, Guid employeeId, int level, CancellationToken cancellationToken)
    {
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Select(e => new { e.SupervisorId, e.UnitId }).SingleOrDefaultAsync(cancellationToken);
        return employee is null ? null : Decider(employeeId, employee.SupervisorId, employee.UnitId, level, await db.UnitTreeAsync(cancellationToken));
    }

    /// <summary>The same answer for an employee whose supervisor and unit the caller has read already.</summary>
    public static Guid? Decider(Guid employeeId, Guid? supervisorId, Guid unitId, int level, UnitTree tree) =>
        level <= 1 && supervisorId is { } supervisor ? supervisor : tree.HeadAbove(unitId, employeeId);

    /// <summary>
    /// The principal the actor decides for: themselves when they are the decider, the decider when
    /// the actor is their acting official today; null when the actor may not decide. Nobody decides
    /// their own request, whatever a delegation says.
    /// </summary>
    public static Task<Guid?> ActingForAsync(
        IFlexWorkDbContext db, Guid actorEmployeeId, WorkRequest request, int level, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ActingForAsync(db, actorEmployeeId, request.EmployeeId, level, timeProvider, cancellationToken);

    /// <summary>The same for any decision about an employee at a level (targets, reports and the evaluation are level 1).</summary>
    public static async Task<Guid?> ActingForAsync(
        IFlexWorkDbContext db, Guid actorEmployeeId, Guid employeeId, int level, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (actorEmployeeId == employeeId || await DeciderAsync(db, employeeId, level, cancellationToken) is not { } decider)
        {
            return null;
        }

        if (decider == actorEmployeeId)
        {
            return decider;
        }

        var place = await PolicyContextLoader.PlaceAsync(db, actorEmployeeId, cancellationToken);
        var today = PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), place.TimeZoneId);
        var delegated = await db.Delegations.AnyAsync(
            d => d.PrincipalEmployeeId == decider && d.DelegateEmployeeId == actorEmployeeId && !d.IsRevoked && d.From <= today && d.Until >= today,
            cancellationToken);
        return delegated ? decider : null;
    }

    /// <summary>The actor as the trail records them; when they act as an acting official, the trail also names the official they stand in for.</summary>
    public static async Task<Decider> ActorAsync(IFlexWorkDbContext db, Guid me, string? myUserId, Guid principal, CancellationToken cancellationToken) =>
        new(me, myUserId, principal == me
            ? null
            : await db.Employees.Where(e => e.Id == principal).Select(e => e.UserId).SingleOrDefaultAsync(cancellationToken) ?? principal.ToString());

    /// <summary>Whether the actor decides the request now (or, with <paramref name="anyLevel"/>, at any level: to see it).</summary>
    public static async Task<bool> MayDecideAsync(
        IFlexWorkDbContext db, Guid actorEmployeeId, WorkRequest request, bool anyLevel, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        foreach (var level in anyLevel ? new[] { 1, 2 } : [Math.Max(1, request.Level)])
        {
            if (await ActingForAsync(db, actorEmployeeId, request, level, timeProvider, cancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
