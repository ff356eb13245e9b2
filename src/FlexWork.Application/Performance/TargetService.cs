using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>
/// Targets (Rencana Hasil Kerja): the employee drafts and proposes them, the supervisor (or the
/// acting official) agrees them or returns them with a comment; an agreed target changes only by
/// a change the supervisor agrees. A target may support one of the supervisor's agreed targets,
/// so targets cascade down the org chart.
/// </summary>
public sealed class TargetService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <summary>Targets one employee may have in one period.</summary>
    public const int MaxPerPeriod = 30;

    public async Task<IReadOnlyList<TargetView>> MineAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await PerformanceQueries.PeriodAsync(db, periodId, cancellationToken);
        var targets = await db.PerformanceTargets.AsNoTracking().Where(t => t.EmployeeId == me && t.PeriodId == periodId)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return await PerformanceQueries.TargetViewsAsync(db, targets, cancellationToken);
    }

    /// <summary>The caller's agreed targets in periods not closed: what the outputs of a work plan may name.</summary>
    public async Task<IReadOnlyList<TargetView>> AgreedAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var targets = await db.PerformanceTargets.AsNoTracking()
            .Where(t => t.EmployeeId == me && t.State == TargetState.Agreed && db.PerformancePeriods.Any(p => p.Id == t.PeriodId && p.State != PeriodState.Closed))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return await PerformanceQueries.TargetViewsAsync(db, targets, cancellationToken);
    }

    /// <summary>The supervisor's agreed targets of the period, which the caller's targets may support (intervensi).</summary>
    public async Task<IReadOnlyList<TargetView>> SupportableAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await DecisionRights.DeciderAsync(db, me, 1, cancellationToken) is not { } supervisor)
        {
            return [];
        }

        var targets = await db.PerformanceTargets.AsNoTracking()
            .Where(t => t.EmployeeId == supervisor && t.PeriodId == periodId && t.State == TargetState.Agreed)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return await PerformanceQueries.TargetViewsAsync(db, targets, cancellationToken);
    }

    public async Task<TargetView> CreateAsync(Guid periodId, TargetContent content, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var period = await PerformanceQueries.PeriodAsync(db, periodId, ct);
                await AdvisoryLocks.EmployeeAsync(db, me, ct); // the count below stays true until the commit
                if (await db.PerformanceTargets.CountAsync(t => t.EmployeeId == me && t.PeriodId == periodId, ct) >= MaxPerPeriod)
                {
                    throw new DomainException("TARGET_TOO_MANY", MaxPerPeriod);
                }

                await EnsureSupportableAsync(db, me, period, content, ct);
                var target = PerformanceTarget.Create(period, me, content, timeProvider.GetUtcNow());
                db.PerformanceTargets.Add(target);
                await db.SaveChangesAsync(ct);
                return (await PerformanceQueries.TargetViewsAsync(db, [target], ct))[0];
            },
            cancellationToken);
    }

    public Task<TargetView> EditAsync(Guid id, TargetContent content, uint version, CancellationToken cancellationToken = default) =>
        OwnStepAsync(id, version, async (db, period, target, ct) =>
        {
            await EnsureSupportableAsync(db, target.EmployeeId, period, content, ct);
            target.Edit(period, content, timeProvider.GetUtcNow());
        }, cancellationToken);

    public Task<TargetView> ProposeAsync(Guid id, uint version, CancellationToken cancellationToken = default) =>
        OwnStepAsync(id, version, (_, period, target, _) =>
        {
            target.Propose(period, timeProvider.GetUtcNow(), currentUser.UserId);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<TargetView> ProposeChangeAsync(Guid id, TargetContent content, string? reason, uint version, CancellationToken cancellationToken = default) =>
        OwnStepAsync(id, version, async (db, period, target, ct) =>
        {
            await EnsureSupportableAsync(db, target.EmployeeId, period, content, ct);
            target.ProposeChange(period, content, reason, timeProvider.GetUtcNow(), currentUser.UserId);
        }, cancellationToken);

    public async Task DeleteAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var target = await db.PerformanceTargets.SingleOrDefaultAsync(t => t.Id == id && t.EmployeeId == me, cancellationToken)
            ?? throw new NotFoundException("PerformanceTarget", id);
        db.ExpectVersion(target, version);
        target.EnsureDeletable(await PerformanceQueries.PeriodAsync(db, target.PeriodId, cancellationToken));
        db.PerformanceTargets.Remove(target);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Last period's targets as new drafts: a start, when the period has none of the caller's yet.</summary>
    public async Task<IReadOnlyList<TargetView>> CopyPreviousAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var period = await PerformanceQueries.PeriodAsync(db, periodId, ct);
                await AdvisoryLocks.EmployeeAsync(db, me, ct);
                if (await db.PerformanceTargets.AnyAsync(t => t.EmployeeId == me && t.PeriodId == periodId, ct))
                {
                    throw new DomainException("TARGETS_ALREADY_THERE");
                }

                var previous = await db.PerformancePeriods.Where(p => p.From < period.From).OrderByDescending(p => p.From).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
                var source = previous is null
                    ? []
                    : await db.PerformanceTargets.AsNoTracking().Where(t => t.EmployeeId == me && t.PeriodId == previous).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
                if (source.Count == 0)
                {
                    throw new DomainException("TARGETS_NONE_TO_COPY");
                }

                var now = timeProvider.GetUtcNow();
                var copies = source.Select(t => t.CopyTo(period, now)).ToList();
                db.PerformanceTargets.AddRange(copies);
                await db.SaveChangesAsync(ct);
                return (IReadOnlyList<TargetView>)await PerformanceQueries.TargetViewsAsync(db, copies, ct);
            },
            cancellationToken);
    }

    /// <summary>Targets of the caller's people waiting for them: proposals and changes, in periods that still take targets.</summary>
    public async Task<IReadOnlyList<TargetView>> ToAgreeAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var team = await PerformanceRights.TeamAsync(db, me, await PerformanceQueries.TodayAsync(db, me, timeProvider, cancellationToken), cancellationToken);
        var ids = team.Select(m => m.EmployeeId).ToList();
        var targets = await db.PerformanceTargets.AsNoTracking()
            .Where(t => ids.Contains(t.EmployeeId) && (t.State == TargetState.Proposed || t.PendingChange != null)
                && db.PerformancePeriods.Any(p => p.Id == t.PeriodId && (p.State == PeriodState.Planning || p.State == PeriodState.Running)))
            .OrderBy(t => t.UpdatedAt).Take(500).ToListAsync(cancellationToken);
        return await PerformanceQueries.TargetViewsAsync(db, targets, cancellationToken);
    }

    /// <summary>All targets of the caller's people in a period.</summary>
    public async Task<IReadOnlyList<TargetView>> TeamAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await PerformanceQueries.PeriodAsync(db, periodId, cancellationToken);
        var team = await PerformanceRights.TeamAsync(db, me, await PerformanceQueries.TodayAsync(db, me, timeProvider, cancellationToken), cancellationToken);
        var ids = team.Select(m => m.EmployeeId).ToList();
        var targets = await db.PerformanceTargets.AsNoTracking().Where(t => ids.Contains(t.EmployeeId) && t.PeriodId == periodId)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return await PerformanceQueries.TargetViewsAsync(db, targets, cancellationToken);
    }

    public Task<TargetView> AgreeAsync(Guid id, string? comment, uint version, CancellationToken cancellationToken = default) =>
        SupervisorStepAsync(id, version, (period, target, by, now) => target.Agree(period, by, now, comment), cancellationToken);

    public Task<TargetView> ReturnAsync(Guid id, string? comment, uint version, CancellationToken cancellationToken = default) =>
        SupervisorStepAsync(id, version, (period, target, by, now) => target.Return(period, by, now, comment), cancellationToken);

    private async Task<TargetView> OwnStepAsync(
        Guid id, uint version, Func<IFlexWorkDbContext, PerformancePeriod, PerformanceTarget, CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        var me = currentUser.RequireEmployee();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var target = await db.PerformanceTargets.SingleOrDefaultAsync(t => t.Id == id && t.EmployeeId == me, ct) ?? throw new NotFoundException("PerformanceTarget", id);
                db.ExpectVersion(target, version);
                await step(db, await PerformanceQueries.PeriodAsync(db, target.PeriodId, ct), target, ct);
                await db.SaveChangesAsync(ct);
                return (await PerformanceQueries.TargetViewsAsync(db, [target], ct))[0];
            },
            cancellationToken);
    }

    private async Task<TargetView> SupervisorStepAsync(
        Guid id, uint version, Action<PerformancePeriod, PerformanceTarget, Decider, DateTimeOffset> step, CancellationToken cancellationToken)
    {
        var me = currentUser.RequireEmployee();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var target = await db.PerformanceTargets.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("PerformanceTarget", id);
                var principal = await PerformanceRights.ActingForAsync(db, me, target.EmployeeId, timeProvider, ct)
                    ?? throw (target.EmployeeId == me ? new ForbiddenAccessException("TARGET_OWN_DECISION") : new NotFoundException("PerformanceTarget", id));
                db.ExpectVersion(target, version);
                var by = await DecisionRights.ActorAsync(db, me, currentUser.UserId, principal, ct);
                step(await PerformanceQueries.PeriodAsync(db, target.PeriodId, ct), target, by, timeProvider.GetUtcNow());
                await db.SaveChangesAsync(ct);
                return (await PerformanceQueries.TargetViewsAsync(db, [target], ct))[0];
            },
            cancellationToken);
    }

    /// <summary>A target supports only an agreed target of the employee's own supervisor in the same period.</summary>
    private static async Task EnsureSupportableAsync(IFlexWorkDbContext db, Guid employeeId, PerformancePeriod period, TargetContent content, CancellationToken cancellationToken)
    {
        if (content.SupportsTargetId is not { } supported)
        {
            return;
        }

        var supervisor = await DecisionRights.DeciderAsync(db, employeeId, 1, cancellationToken);
        if (supervisor is null || !await db.PerformanceTargets.AnyAsync(
            t => t.Id == supported && t.EmployeeId == supervisor && t.PeriodId == period.Id && t.State == TargetState.Agreed, cancellationToken))
        {
            throw new DomainException("TARGET_SUPPORTS_UNKNOWN");
        }
    }
}
