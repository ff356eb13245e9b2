using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>
/// Evaluation per period (PermenPANRB 6/2022): the employee adds a self-assessment, the
/// supervisor (or the acting official) rates results and behaviour during the period's
/// evaluation, the employee acknowledges or objects, and the evaluator's superior decides an
/// objection. Nobody evaluates themselves or decides an objection to their own rating.
/// </summary>
public sealed class EvaluationService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<EvaluationView> MineAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var period = await PerformanceQueries.PeriodAsync(db, periodId, cancellationToken);
        var evaluation = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(e => e.PeriodId == periodId && e.EmployeeId == me, cancellationToken);
        return (await ViewsAsync(db, period, [me], evaluation is null ? [] : [evaluation], cancellationToken))[0];
    }

    public async Task<EvaluationView> SelfAssessAsync(Guid periodId, string? text, uint? version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        return await InPeriodAsync(periodId, me, version, (period, evaluation) => evaluation.WriteSelfAssessment(period, text, timeProvider.GetUtcNow()), cancellationToken);
    }

    public Task<EvaluationView> AcknowledgeAsync(Guid id, uint version, CancellationToken cancellationToken = default) =>
        OwnStepAsync(id, version, (_, period, evaluation, _) =>
        {
            evaluation.Acknowledge(period, timeProvider.GetUtcNow(), currentUser.UserId);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The objection goes to the evaluator's own superior; with nobody above the evaluator it cannot be filed.</summary>
    public Task<EvaluationView> ObjectAsync(Guid id, string? reason, uint version, CancellationToken cancellationToken = default) =>
        OwnStepAsync(id, version, async (db, period, evaluation, ct) =>
        {
            var superior = evaluation.EvaluatorEmployeeId is { } evaluator ? await PerformanceRights.SuperiorOfAsync(db, evaluator, ct) : null;
            evaluation.FileObjection(period, reason, superior ?? throw new DomainException("OBJECTION_NO_SUPERIOR"), timeProvider.GetUtcNow(), currentUser.UserId);
        }, cancellationToken);

    /// <summary>The evaluations of the caller's people for a period, one per person (not begun: no id yet).</summary>
    public async Task<IReadOnlyList<EvaluationView>> TeamAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var period = await PerformanceQueries.PeriodAsync(db, periodId, cancellationToken);
        var team = await PerformanceRights.TeamAsync(db, me, await PerformanceQueries.TodayAsync(db, me, timeProvider, cancellationToken), cancellationToken);
        var ids = team.Select(m => m.EmployeeId).ToList();
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.PeriodId == periodId && ids.Contains(e.EmployeeId)).ToListAsync(cancellationToken);
        return await ViewsAsync(db, period, ids, evaluations, cancellationToken);
    }

    /// <summary>What the evaluator works from for one person: targets with reported realisation, the reports' punctuality.</summary>
    public async Task<EvaluationDraft> DraftAsync(Guid periodId, Guid employeeId, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await PerformanceRights.RequireActingForAsync(db, me, employeeId, timeProvider, cancellationToken);
        var period = await PerformanceQueries.PeriodAsync(db, periodId, cancellationToken);
        var evaluation = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(e => e.PeriodId == periodId && e.EmployeeId == employeeId, cancellationToken);
        var view = (await ViewsAsync(db, period, [employeeId], evaluation is null ? [] : [evaluation], cancellationToken))[0];
        var targets = await db.PerformanceTargets.AsNoTracking().Where(t => t.EmployeeId == employeeId && t.PeriodId == periodId && t.State == TargetState.Agreed)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var people = await ReportCalendar.PeopleAsync(db, [employeeId], cancellationToken);
        var today = await PerformanceQueries.TodayAsync(db, employeeId, timeProvider, cancellationToken);
        var end = period.To < today ? period.To : today;
        var due = end < period.From ? [] : (await ReportCalendar.DueAsync(db, people, period.From, end, today, now, cancellationToken))[employeeId];
        return new EvaluationDraft(
            view, await PerformanceQueries.TargetViewsAsync(db, targets, cancellationToken),
            due.Count(d => d.Status == ReportStatus.OnTime), due.Count(d => d.Status == ReportStatus.Late), due.Count(d => d.Status == ReportStatus.Overdue));
    }

    public async Task<EvaluationView> RateAsync(Guid periodId, Guid employeeId, EvaluationRating rating, uint? version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var principal = await PerformanceRights.RequireActingForAsync(db, me, employeeId, timeProvider, ct);
                var period = await PerformanceQueries.PeriodAsync(db, periodId, ct);
                var agreed = await db.PerformanceTargets.Where(t => t.EmployeeId == employeeId && t.PeriodId == periodId && t.State == TargetState.Agreed)
                    .Select(t => t.Id).ToListAsync(ct);
                if (rating.Realisations.Any(r => !agreed.Contains(r.TargetId)))
                {
                    throw new DomainException("REALISATION_TARGET_UNKNOWN");
                }

                var evaluation = await OpenAsync(db, period, employeeId, version, ct);
                evaluation.Rate(period, await DecisionRights.ActorAsync(db, me, currentUser.UserId, principal, ct), rating, timeProvider.GetUtcNow());
                await db.SaveChangesAsync(ct);
                return (await ViewsAsync(db, period, [employeeId], [evaluation], ct))[0];
            },
            cancellationToken);
    }

    /// <summary>Objections waiting for the caller: as the evaluators' superior, or as that superior's acting official today.</summary>
    public async Task<IReadOnlyList<EvaluationView>> ObjectionsAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var principals = await PerformanceRights.PrincipalsAsync(db, me, await PerformanceQueries.TodayAsync(db, me, timeProvider, cancellationToken), cancellationToken);
        var evaluations = await db.Evaluations.AsNoTracking()
            .Where(e => e.State == EvaluationState.Objected && e.ObjectionDeciderEmployeeId != null && principals.Contains(e.ObjectionDeciderEmployeeId.Value) && e.EmployeeId != me)
            .OrderBy(e => e.UpdatedAt).Take(200).ToListAsync(cancellationToken);
        var result = new List<EvaluationView>();
        foreach (var group in evaluations.GroupBy(e => e.PeriodId))
        {
            var period = await PerformanceQueries.PeriodAsync(db, group.Key, cancellationToken);
            result.AddRange(await ViewsAsync(db, period, [.. group.Select(e => e.EmployeeId)], [.. group], cancellationToken));
        }

        return result;
    }

    public async Task<EvaluationView> DecideObjectionAsync(
        Guid id, Expectation? results, Expectation? behaviour, string? reason, uint version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var evaluation = await db.Evaluations.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Evaluation", id);
                var principals = await PerformanceRights.PrincipalsAsync(db, me, await PerformanceQueries.TodayAsync(db, me, timeProvider, ct), ct);
                if (evaluation.ObjectionDeciderEmployeeId is not { } decider || !principals.Contains(decider))
                {
                    throw evaluation.EmployeeId == me || evaluation.EvaluatorEmployeeId == me
                        ? new ForbiddenAccessException("OBJECTION_OWN_DECISION")
                        : new NotFoundException("Evaluation", id);
                }

                db.ExpectVersion(evaluation, version);
                evaluation.DecideObjection(await DecisionRights.ActorAsync(db, me, currentUser.UserId, decider, ct), results, behaviour, reason, timeProvider.GetUtcNow());
                await db.SaveChangesAsync(ct);
                var period = await PerformanceQueries.PeriodAsync(db, evaluation.PeriodId, ct);
                return (await ViewsAsync(db, period, [evaluation.EmployeeId], [evaluation], ct))[0];
            },
            cancellationToken);
    }

    private async Task<EvaluationView> InPeriodAsync(Guid periodId, Guid employeeId, uint? version, Action<PerformancePeriod, Evaluation> step, CancellationToken cancellationToken) =>
        await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var period = await PerformanceQueries.PeriodAsync(db, periodId, ct);
                var evaluation = await OpenAsync(db, period, employeeId, version, ct);
                step(period, evaluation);
                await db.SaveChangesAsync(ct);
                return (await ViewsAsync(db, period, [employeeId], [evaluation], ct))[0];
            },
            cancellationToken);

    private async Task<EvaluationView> OwnStepAsync(
        Guid id, uint version, Func<IFlexWorkDbContext, PerformancePeriod, Evaluation, CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        var me = currentUser.RequireEmployee();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var evaluation = await db.Evaluations.SingleOrDefaultAsync(e => e.Id == id && e.EmployeeId == me, ct) ?? throw new NotFoundException("Evaluation", id);
                db.ExpectVersion(evaluation, version);
                var period = await PerformanceQueries.PeriodAsync(db, evaluation.PeriodId, ct);
                await step(db, period, evaluation, ct);
                await db.SaveChangesAsync(ct);
                return (await ViewsAsync(db, period, [me], [evaluation], ct))[0];
            },
            cancellationToken);
    }

    /// <summary>The person's evaluation of the period, begun now when there is none (two beginnings at once: the unique key lets one win).</summary>
    private async Task<Evaluation> OpenAsync(IFlexWorkDbContext db, PerformancePeriod period, Guid employeeId, uint? version, CancellationToken cancellationToken)
    {
        var evaluation = await db.Evaluations.SingleOrDefaultAsync(e => e.PeriodId == period.Id && e.EmployeeId == employeeId, cancellationToken);
        if (evaluation is null)
        {
            evaluation = Evaluation.Open(period, employeeId, timeProvider.GetUtcNow());
            db.Evaluations.Add(evaluation);
        }
        else if (version is { } seen)
        {
            db.ExpectVersion(evaluation, seen);
        }

        return evaluation;
    }

    /// <summary>One view per person, in the given order; a person without an evaluation gets an open one without an id.</summary>
    private static async Task<List<EvaluationView>> ViewsAsync(
        IFlexWorkDbContext db, PerformancePeriod period, IReadOnlyList<Guid> employeeIds, IReadOnlyList<Evaluation> evaluations, CancellationToken cancellationToken)
    {
        var byEmployee = evaluations.ToDictionary(e => e.EmployeeId);
        var names = await PerformanceQueries.NamesAsync(db, [.. employeeIds, .. evaluations.Where(e => e.EvaluatorEmployeeId is not null).Select(e => e.EvaluatorEmployeeId!.Value)], cancellationToken);
        return
        [
            .. employeeIds.Select(id => byEmployee.GetValueOrDefault(id) is { } e
                ? new EvaluationView(
                    e.Id, period.Id, period.Code, period.State, id, names.GetValueOrDefault(id, ""), e.State, e.SelfAssessment, e.Results, e.Behaviour, e.Values,
                    e.Realisations, e.FeedbackText, e.Predikat, e.EvaluatorEmployeeId is { } by ? names.GetValueOrDefault(by) : null, e.RatedAt, e.AcknowledgedAt,
                    e.ObjectionReason, e.ObjectionDecision, e.ObjectionUpheld, e.FinalAt, e.Version)
                : new EvaluationView(
                    null, period.Id, period.Code, period.State, id, names.GetValueOrDefault(id, ""), EvaluationState.Open, null, null, null, [], [], null, null, null,
                    null, null, null, null, null, null, 0)),
        ];
    }
}
