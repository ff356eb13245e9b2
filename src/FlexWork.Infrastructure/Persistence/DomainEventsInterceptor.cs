using System.Collections.Concurrent;
using System.Reflection;
using FlexWork.Application.Common;
using FlexWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.Infrastructure.Persistence;

/// <summary>
/// Hands the domain events of the tracked aggregates to their handlers just before the save, so
/// that what the handlers add goes out in the same save and transaction (after
/// jasontaylordev/CleanArchitecture's DispatchDomainEventsInterceptor, without a mediator).
/// </summary>
public sealed class DomainEventsInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<Type, (Type Handler, MethodInfo Handle)> HandlerTypes = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FlexWorkDbContext db)
        {
            await DispatchAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is { } db && db.ChangeTracker.Entries<AggregateRoot>().Any(e => e.Entity.DomainEvents.Count > 0)
            ? throw new InvalidOperationException("Changes that raise domain events are saved with SaveChangesAsync: their handlers read the database.")
            : result;

    private async Task DispatchAsync(FlexWorkDbContext db, CancellationToken cancellationToken)
    {
        // A handler may change aggregates that raise events of their own: until none are left.
        for (var events = PendingEvents(db); events.Count > 0; events = PendingEvents(db))
        {
            foreach (var domainEvent in events)
            {
                var (handlerType, handle) = HandlerTypes.GetOrAdd(domainEvent.GetType(), type =>
                {
                    var handler = typeof(IDomainEventHandler<>).MakeGenericType(type);
                    return (handler, handler.GetMethod(nameof(IDomainEventHandler<>.HandleAsync))!);
                });
                foreach (var handler in services.GetServices(handlerType))
                {
                    await (Task)handle.Invoke(handler, [domainEvent, db, cancellationToken])!;
                }
            }
        }
    }

    /// <summary>The events raised since the last save, taken off their aggregates.</summary>
    private static List<IDomainEvent> PendingEvents(DbContext db)
    {
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        var events = aggregates.SelectMany(a => a.DomainEvents).ToList();
        aggregates.ForEach(a => a.ClearDomainEvents());
        return events;
    }
}
