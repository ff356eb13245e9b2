using System.Linq.Expressions;
using FlexWork.Application.Common;
using FlexWork.Domain.Agencies;
using FlexWork.Domain.Auditing;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Integrations;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Organization;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
using FlexWork.Domain.Requests;
using FlexWork.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FlexWork.Infrastructure.Persistence;

public sealed class FlexWorkDbContext(DbContextOptions<FlexWorkDbContext> options, ICurrentUser currentUser)
    : IdentityDbContext<ApplicationUser>(options), IFlexWorkDbContext, IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<OrganizationUnit> OrganizationUnits => Set<OrganizationUnit>();

    public DbSet<Position> Positions => Set<Position>();

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();

    public DbSet<CalendarEntry> CalendarEntries => Set<CalendarEntry>();

    public DbSet<RamadanPeriod> RamadanPeriods => Set<RamadanPeriod>();

    public DbSet<ApprovedLocation> ApprovedLocations => Set<ApprovedLocation>();

    public DbSet<WorkRequest> WorkRequests => Set<WorkRequest>();

    public DbSet<Delegation> Delegations => Set<Delegation>();

    public DbSet<RequestEvidence> RequestEvidence => Set<RequestEvidence>();

    public DbSet<RefusedSubmission> RefusedSubmissions => Set<RefusedSubmission>();

    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();

    public DbSet<PerformancePeriod> PerformancePeriods => Set<PerformancePeriod>();

    public DbSet<PerformanceTarget> PerformanceTargets => Set<PerformanceTarget>();

    public DbSet<WorkReport> WorkReports => Set<WorkReport>();

    public DbSet<ReportEvidence> ReportEvidence => Set<ReportEvidence>();

    public DbSet<Feedback> Feedback => Set<Feedback>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<PresenceDay> PresenceDays => Set<PresenceDay>();

    public DbSet<PresenceCorrection> PresenceCorrections => Set<PresenceCorrection>();

    public DbSet<IntegrationClient> IntegrationClients => Set<IntegrationClient>();

    public DbSet<PresenceEvent> PresenceEvents => Set<PresenceEvent>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private UnitTree? _unitTree;

    public ICurrentUser CurrentUser => currentUser;

    /// <summary>Notifications with an e-mail were saved and are not committed yet (<see cref="MailOutboxWakeInterceptor"/>).</summary>
    internal bool HasUncommittedMail { get; set; }

    public async Task<UnitTree> UnitTreeAsync(CancellationToken cancellationToken = default) =>
        _unitTree ??= new UnitTree(await OrganizationUnits.AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.ParentId, u.HeadEmployeeId, u.TimeZoneId))
            .ToListAsync(cancellationToken));

    /// <summary>
    /// The application's save: EF Core's conflicts become the application's own exceptions, so that
    /// no caller above needs EF Core to tell them apart. Identity's stores use the base save and
    /// keep the exceptions they expect.
    /// </summary>
    async Task<int> IFlexWorkDbContext.SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The row was changed or removed by someone else since it was read.", ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new DuplicateException(unique.ConstraintName, ex);
        }
    }

    /// <summary>Read by the tenant filter on every query; null matches no agency-owned row.</summary>
    private Guid? CurrentAgencyId => currentUser.AgencyId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(FlexWorkDbContext).Assembly);
        foreach (var aggregate in builder.Model.GetEntityTypes().Where(e => typeof(AggregateRoot).IsAssignableFrom(e.ClrType)).ToList())
        {
            builder.Entity(aggregate.ClrType).Ignore(nameof(AggregateRoot.DomainEvents)); // handled on save, never stored
        }

        // Every agency's rows are the caller's agency's only: one filter for each agency-owned
        // entity, e => e.AgencyId == CurrentAgencyId, read per query from this context.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IAgencyOwned).IsAssignableFrom(e.ClrType) && !e.IsOwned()).ToList())
        {
            var row = Expression.Parameter(entity.ClrType, "e");
            var sameAgency = Expression.Equal(
                Expression.Convert(Expression.Property(row, nameof(IAgencyOwned.AgencyId)), typeof(Guid?)),
                Expression.Property(Expression.Constant(this), nameof(CurrentAgencyId)));
            builder.Entity(entity.ClrType).HasQueryFilter(TenantFilter, Expression.Lambda(sameAgency, row));
        }

        builder.Entity<AuditEntry>().HasQueryFilter(TenantFilter, e => e.AgencyId == CurrentAgencyId);

        // A new agency-owned entity type without a filter would leak across agencies: fail fast.
        var unfiltered = builder.Model.GetEntityTypes()
            .Where(t => typeof(IAgencyOwned).IsAssignableFrom(t.ClrType) && t.GetDeclaredQueryFilters().Count == 0)
            .Select(t => t.ClrType.Name)
            .ToList();
        if (unfiltered.Count > 0)
        {
            throw new InvalidOperationException($"Agency-owned types without a tenant filter: {string.Join(", ", unfiltered)}");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
