using FlexWork.Application.Common;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Notifications;

/// <summary>
/// Who hears what of performance management: the evaluator that a target or a change waits for
/// them, the employee what became of it and of their rating, the evaluator's superior that an
/// objection waits for them. Written with the step, in its transaction, like request notifications.
/// </summary>
public sealed class PerformanceNotifications(INotificationMailer mailer) :
    IDomainEventHandler<TargetProposed>,
    IDomainEventHandler<TargetDecided>,
    IDomainEventHandler<FeedbackGiven>,
    IDomainEventHandler<EvaluationRated>,
    IDomainEventHandler<EvaluationObjected>,
    IDomainEventHandler<EvaluationFinal>
{
    /// <summary>The official who agrees the employee's targets (an acting official sees it in Kinerja tim too).</summary>
    public async Task HandleAsync(TargetProposed domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken)
    {
        var target = domainEvent.Target;
        if (await Requests.DecisionRights.DeciderAsync(db, target.EmployeeId, 1, cancellationToken) is { } evaluator)
        {
            await AddAsync(db, target.AgencyId, evaluator, NotificationKind.TargetProposed, target.Id, target.EmployeeId, target.UpdatedAt, cancellationToken);
        }
    }

    public Task HandleAsync(TargetDecided domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        AddAsync(db, domainEvent.Target.AgencyId, domainEvent.Target.EmployeeId, domainEvent.Agreed ? NotificationKind.TargetAgreed : NotificationKind.TargetReturned,
            domainEvent.Target.Id, domainEvent.By.EmployeeId, domainEvent.Target.UpdatedAt, cancellationToken);

    public Task HandleAsync(FeedbackGiven domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        AddAsync(db, domainEvent.Feedback.AgencyId, domainEvent.Feedback.EmployeeId, NotificationKind.FeedbackGiven,
            domainEvent.Feedback.Id, domainEvent.Feedback.AuthorEmployeeId, domainEvent.Feedback.CreatedAt, cancellationToken);

    public Task HandleAsync(EvaluationRated domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        AddAsync(db, domainEvent.Evaluation.AgencyId, domainEvent.Evaluation.EmployeeId, NotificationKind.EvaluationRated,
            domainEvent.Evaluation.Id, domainEvent.Evaluation.EvaluatorEmployeeId!.Value, domainEvent.Evaluation.UpdatedAt, cancellationToken);

    public Task HandleAsync(EvaluationObjected domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        AddAsync(db, domainEvent.Evaluation.AgencyId, domainEvent.SuperiorEmployeeId, NotificationKind.ObjectionFiled,
            domainEvent.Evaluation.Id, domainEvent.Evaluation.EmployeeId, domainEvent.Evaluation.UpdatedAt, cancellationToken);

    /// <summary>Acknowledged: the evaluator hears it. Decided on objection: the employee and the evaluator. Deemed accepted: the employee.</summary>
    public async Task HandleAsync(EvaluationFinal domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken)
    {
        var evaluation = domainEvent.Evaluation;
        var evaluator = evaluation.EvaluatorEmployeeId!.Value;
        if (evaluation.AcknowledgedAt is not null)
        {
            await AddAsync(db, evaluation.AgencyId, evaluator, NotificationKind.EvaluationAcknowledged, evaluation.Id, evaluation.EmployeeId, evaluation.UpdatedAt, cancellationToken);
        }
        else if (evaluation.ObjectionDecision is not null)
        {
            var superior = evaluation.ObjectionDeciderEmployeeId!.Value;
            await AddAsync(db, evaluation.AgencyId, evaluation.EmployeeId, NotificationKind.ObjectionDecided, evaluation.Id, superior, evaluation.UpdatedAt, cancellationToken);
            await AddAsync(db, evaluation.AgencyId, evaluator, NotificationKind.ObjectionDecided, evaluation.Id, superior, evaluation.UpdatedAt, cancellationToken);
        }
        else
        {
            await AddAsync(db, evaluation.AgencyId, evaluation.EmployeeId, NotificationKind.EvaluationFinal, evaluation.Id, evaluator, evaluation.UpdatedAt, cancellationToken);
        }
    }

    /// <summary>One bell entry (and its mail when SMTP is set up), naming the other person in the story.</summary>
    private async Task AddAsync(
        IFlexWorkDbContext db, Guid agencyId, Guid recipient, NotificationKind kind, Guid subjectId, Guid otherPerson, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var name = await db.Employees.Where(e => e.Id == otherPerson).Select(e => e.FullName).SingleAsync(cancellationToken);
        db.Notifications.Add(Notification.Create(agencyId, recipient, kind, subjectId, name, at, mail: mailer.IsConfigured));
    }
}
