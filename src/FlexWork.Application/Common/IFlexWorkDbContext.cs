using FlexWork.Domain.Agencies;
using FlexWork.Domain.Auditing;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Integrations;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Organization;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
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

    DbSet<RamadanPeriod> RamadanPeriods { get; }

    DbSet<ApprovedLocation> ApprovedLocations { get; }

    DbSet<WorkRequest> WorkRequests { get; }

    DbSet<Delegation> Delegations { get; }

    DbSet<RequestEvidence> RequestEvidence { get; }

    DbSet<RefusedSubmission> RefusedSubmissions { get; }

    DbSet<Domain.Notifications.Notification> Notifications { get; }

    DbSet<PerformancePeriod> PerformancePeriods { get; }

    DbSet<PerformanceTarget> PerformanceTargets { get; }

    DbSet<WorkReport> WorkReports { get; }

    DbSet<ReportEvidence> ReportEvidence { get; }

    DbSet<Feedback> Feedback { get; }

    DbSet<Evaluation> Evaluations { get; }

    DbSet<PresenceDay> PresenceDays { get; }

    DbSet<PresenceCorrection> PresenceCorrections { get; }

    DbSet<IntegrationClient> IntegrationClients { get; }

    DbSet<PresenceEvent> PresenceEvents { get; }

    /// <summary>
    /// The agency's unit tree, read once per context, that is per operation: every rule that walks
    /// the org chart in one operation (decision rights, escalation, schedules, the policy engine's
    /// unit path) sees the same chart, and the table is read once, not once per request judged.
    /// </summary>
    Task<UnitTree> UnitTreeAsync(CancellationToken cancellationToken = default);

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

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on a fresh context and commits it. When the
    /// connection fails on the way (a restart, a failover) the whole of it runs again on another
    /// fresh context, so what it reads and decides is redone against the database as it is then:
    /// <paramref name="work"/> keeps no state of its own between attempts.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<IFlexWorkDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}

public static class FlexWorkDbContextFactoryExtensions
{
    /// <inheritdoc cref="IFlexWorkDbContextFactory.InTransactionAsync{T}"/>
    public static Task InTransactionAsync(this IFlexWorkDbContextFactory factory, Func<IFlexWorkDbContext, CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        factory.InTransactionAsync(
            async (db, ct) =>
            {
                await work(db, ct);
                return true;
            },
            cancellationToken);
}
