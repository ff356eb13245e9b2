using FlexWork.Domain.Agencies;
using FlexWork.Domain.Auditing;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Organization;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FlexWork.Application.Common;

/// <summary>
/// The application's view of the database. Agency-owned sets are already filtered to the
/// caller's agency; services still check rights explicitly.
/// </summary>
public interface IFlexWorkDbContext : IAsyncDisposable
{
    DbSet<Agency> Agencies { get; }

    DbSet<OrganizationUnit> OrganizationUnits { get; }

    DbSet<Position> Positions { get; }

    DbSet<Employee> Employees { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<PolicyVersion> PolicyVersions { get; }

    DbSet<CalendarEntry> CalendarEntries { get; }

    DbSet<ApprovedLocation> ApprovedLocations { get; }

    DbSet<WorkRequest> WorkRequests { get; }

    DbSet<Delegation> Delegations { get; }

    DbSet<RequestEvidence> RequestEvidence { get; }

    DbSet<Domain.Notifications.Notification> Notifications { get; }

    /// <summary>For work that spans several saves (bulk import) in one transaction.</summary>
    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Creates a short-lived context per operation: Blazor Server circuits live for hours, so a
/// context must never live as long as the circuit.
/// </summary>
public interface IFlexWorkDbContextFactory
{
    Task<IFlexWorkDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
