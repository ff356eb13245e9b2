using FlexWork.Domain.Common;

namespace FlexWork.Application.Common;

/// <summary>
/// Reacts to a domain event while the change that raised it is being saved: what it adds to
/// the context is written in the same transaction, and nothing is written when that
/// transaction rolls back. Plain handlers resolved from the container, no mediator (ADR-009).
/// </summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, IFlexWorkDbContext db, CancellationToken cancellationToken);
}
