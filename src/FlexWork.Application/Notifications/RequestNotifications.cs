using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Notifications;

/// <summary>
/// Tells the next person what a request's step asks of them: the decider that a request waits
/// for them, the employee what was decided. Written with the step itself; the e-mail waits in the
/// outbox (<see cref="MailOutbox"/>), so a mail server that is away never fails the change.
/// </summary>
public sealed class RequestNotifications(INotificationMailer mailer) :
    IDomainEventHandler<RequestSubmitted>,
    IDomainEventHandler<RequestDecided>,
    IDomainEventHandler<RequestReturned>,
    IDomainEventHandler<RequestWithdrawn>,
    IDomainEventHandler<RequestRevoked>,
    IDomainEventHandler<RequestEscalated>
{
    public Task HandleAsync(RequestSubmitted domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        ToDeciderAsync(db, domainEvent.Request, NotificationKind.Submitted, cancellationToken);

    /// <summary>After the first of two levels the unit head is asked next; otherwise the employee hears the outcome.</summary>
    public Task HandleAsync(RequestDecided domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        domainEvent.Request.Status switch
        {
            RequestStatus.Submitted => ToDeciderAsync(db, domainEvent.Request, NotificationKind.Submitted, cancellationToken),
            RequestStatus.Approved => ToEmployeeAsync(db, domainEvent.Request, NotificationKind.Approved, domainEvent.By, cancellationToken),
            _ => ToEmployeeAsync(db, domainEvent.Request, NotificationKind.Rejected, domainEvent.By, cancellationToken),
        };

    public Task HandleAsync(RequestReturned domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        ToEmployeeAsync(db, domainEvent.Request, NotificationKind.Returned, domainEvent.By, cancellationToken);

    public Task HandleAsync(RequestWithdrawn domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        ToDeciderAsync(db, domainEvent.Request, NotificationKind.Withdrawn, cancellationToken);

    public Task HandleAsync(RequestRevoked domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        ToEmployeeAsync(db, domainEvent.Request, NotificationKind.Revoked, domainEvent.By, cancellationToken);

    /// <summary>Whoever now decides, as the inbox sees it; at level 2 already, that official is reminded.</summary>
    public Task HandleAsync(RequestEscalated domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        ToDeciderAsync(db, domainEvent.Request, NotificationKind.Escalated, cancellationToken);

    /// <summary>
    /// The official deciding at the request's level (never the employee themselves), about the
    /// employee: one read of the employee per event (an escalation round raises thousands).
    /// </summary>
    private async Task ToDeciderAsync(IFlexWorkDbContext db, WorkRequest request, NotificationKind kind, CancellationToken cancellationToken)
    {
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == request.EmployeeId)
            .Select(e => new { e.SupervisorId, e.UnitId, e.FullName }).SingleAsync(cancellationToken);
        var tree = await db.UnitTreeAsync(cancellationToken);
        if (DecisionRights.Decider(request.EmployeeId, employee.SupervisorId, employee.UnitId, Math.Max(1, request.Level), tree) is { } decider)
        {
            Add(db, request, decider, kind, employee.FullName);
        }
    }

    /// <summary>The employee, about the official who acted (an acting official by their own name).</summary>
    private async Task ToEmployeeAsync(IFlexWorkDbContext db, WorkRequest request, NotificationKind kind, Decider by, CancellationToken cancellationToken) =>
        Add(db, request, request.EmployeeId, kind, await NameOfAsync(db, by.EmployeeId, cancellationToken));

    /// <summary>Dated like the step it announces (every step sets the request's <see cref="WorkRequest.UpdatedAt"/>).</summary>
    private void Add(IFlexWorkDbContext db, WorkRequest request, Guid recipient, NotificationKind kind, string subjectName) =>
        db.Notifications.Add(Notification.Create(
            request.AgencyId, recipient, kind, request.Id, subjectName, request.UpdatedAt, mail: mailer.IsConfigured));

    private static Task<string> NameOfAsync(IFlexWorkDbContext db, Guid employeeId, CancellationToken cancellationToken) =>
        db.Employees.Where(e => e.Id == employeeId).Select(e => e.FullName).SingleAsync(cancellationToken);
}
