namespace FlexWork.Domain.Common;

/// <summary>Something that happened to an aggregate which others react to (a notification, later more).</summary>
public interface IDomainEvent;

/// <summary>
/// An aggregate that records what happened to it as domain events. They are handled when the
/// change is saved, in the same transaction (see the persistence layer's domain events
/// interceptor), so a reaction is never written for a change that did not happen.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}
