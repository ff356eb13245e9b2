using FlexWork.Domain.Auditing;
using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Common;
using FlexWork.Application.Locations.ManageLocations;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Locations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Employees.ManageEmployees;

/// <summary>
/// Everything an admin keeps about an employee, including the eligibility facts the policy
/// engine reads. <see cref="Nip"/> is set on create only; <see cref="Version"/> is the version the
/// admin saw (ignored on create). The domicile's latitude, longitude and radius place the home on
/// the map (all three or none), for judging a home day's check-in.
/// </summary>
public sealed record EmployeeInput(
    string Nip,
    string FullName,
    string Email,
    Guid UnitId,
    Guid PositionId,
    Guid? SupervisorId,
    EmploymentType EmploymentType,
    DateOnly PositionStartDate,
    DisciplinaryStatus DisciplinaryStatus = DisciplinaryStatus.None,
    DateOnly? DisciplinaryFrom = null,
    DateOnly? DisciplinaryUntil = null,
    string? DisciplinaryReference = null,
    string? Domicile = null,
    string? TimeZoneId = null,
    string? EligibilityOverrideReason = null,
    DateOnly? EligibilityOverrideUntil = null,
    uint Version = 0,
    EligibilityOverrideKind EligibilityOverrideKind = EligibilityOverrideKind.SpecialCircumstances,
    double? DomicileLatitude = null,
    double? DomicileLongitude = null,
    int? DomicileRadiusMeters = null) : IAreaInput
{
    double? IAreaInput.Latitude => DomicileLatitude;

    double? IAreaInput.Longitude => DomicileLongitude;

    int? IAreaInput.RadiusMeters => DomicileRadiusMeters;
}

public sealed record EmployeeDetails(
    Guid Id, string Nip, string FullName, string Email, Guid UnitId, Guid PositionId, Guid? SupervisorId, string? SupervisorName,
    EmploymentType EmploymentType, DateOnly PositionStartDate, DisciplinaryStatus DisciplinaryStatus, DateOnly? DisciplinaryFrom,
    DateOnly? DisciplinaryUntil, string? DisciplinaryReference, string? Domicile, string? TimeZoneId, string? EligibilityOverrideReason,
    DateOnly? EligibilityOverrideUntil, EligibilityOverrideKind? EligibilityOverrideKind, bool IsActive, bool HasAccount, uint Version,
    double? DomicileLatitude, double? DomicileLongitude, int? DomicileRadiusMeters)
{
    public EmployeeInput ToInput() => new(
        Nip, FullName, Email, UnitId, PositionId, SupervisorId, EmploymentType, PositionStartDate, DisciplinaryStatus, DisciplinaryFrom,
        DisciplinaryUntil, DisciplinaryReference, Domicile, TimeZoneId, EligibilityOverrideReason, EligibilityOverrideUntil, Version,
        EligibilityOverrideKind ?? Domain.Employees.EligibilityOverrideKind.SpecialCircumstances, DomicileLatitude, DomicileLongitude, DomicileRadiusMeters);
}

public sealed class EmployeeInputValidator : AbstractValidator<EmployeeInput>
{
    public EmployeeInputValidator()
    {
        RuleFor(x => x.Nip).Must(nip => Domain.Employees.Nip.TryParse(nip, out _)).WithErrorCode("NIP_INVALID");
        RuleFor(x => x.FullName).NotEmpty().WithErrorCode("NAME_REQUIRED").MaximumLength(200).WithErrorCode("NAME_TOO_LONG");
        RuleFor(x => x.Email).NotEmpty().WithErrorCode("EMAIL_REQUIRED").EmailAddress().WithErrorCode("EMAIL_INVALID").MaximumLength(256).WithErrorCode("EMAIL_INVALID");
        RuleFor(x => x.UnitId).NotEmpty().WithErrorCode("UNIT_REQUIRED");
        RuleFor(x => x.PositionId).NotEmpty().WithErrorCode("POSITION_REQUIRED");
        RuleFor(x => x.EmploymentType).IsInEnum().WithErrorCode("EMPLOYMENT_TYPE_INVALID");
        RuleFor(x => x.PositionStartDate).NotEmpty().WithErrorCode("DATE_REQUIRED");
        RuleFor(x => x.DisciplinaryFrom).NotNull().When(x => x.DisciplinaryStatus != DisciplinaryStatus.None).WithErrorCode("DISCIPLINARY_START_REQUIRED");
        RuleFor(x => x.DisciplinaryUntil).GreaterThanOrEqualTo(x => x.DisciplinaryFrom).When(x => x.DisciplinaryUntil is not null && x.DisciplinaryFrom is not null).WithErrorCode("DATE_RANGE_INVALID");
        RuleFor(x => x.EligibilityOverrideUntil).NotNull().When(x => !string.IsNullOrWhiteSpace(x.EligibilityOverrideReason)).WithErrorCode("OVERRIDE_EXPIRY_REQUIRED");
        RuleFor(x => x.EligibilityOverrideReason).NotEmpty().When(x => x.EligibilityOverrideUntil is not null).WithErrorCode("OVERRIDE_REASON_REQUIRED");
        RuleFor(x => x.TimeZoneId).Must(tz => tz is null || IndonesianTimeZones.All.Contains(tz)).WithErrorCode("TIME_ZONE_INVALID");
        Include(new AreaInputRules<EmployeeInput>());
    }
}

/// <summary>
/// Agency admins create, edit, move and deactivate employees. Nobody with history is ever
/// deleted: deactivation keeps the record and the audit trail.
/// </summary>
public sealed class EmployeeAdministration(
    IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, IValidator<EmployeeInput> validator, TimeProvider timeProvider, IIdentityService identity)
{
    public async Task<EmployeeDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Employees.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EmployeeDetails(
                e.Id, e.Nip, e.FullName, e.Email, e.UnitId, e.PositionId, e.SupervisorId,
                db.Employees.Where(s => s.Id == e.SupervisorId).Select(s => s.FullName).FirstOrDefault(),
                e.EmploymentType, e.PositionStartDate, e.DisciplinaryStatus, e.DisciplinaryFrom, e.DisciplinaryUntil, e.DisciplinaryReference,
                e.Domicile, e.TimeZoneId, e.EligibilityOverrideReason, e.EligibilityOverrideUntil, e.EligibilityOverrideKind, e.IsActive, e.UserId != null, e.Version,
                e.DomicileLatitude, e.DomicileLongitude, e.DomicileRadiusMeters))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Employee", id);
    }

    public async Task<Guid> CreateAsync(EmployeeInput input, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        var nip = Nip.Parse(input.Nip).Value;
        if (await db.Employees.AnyAsync(e => e.Nip == nip, cancellationToken))
        {
            throw new DomainException("NIP_IN_USE", nip);
        }

        var employee = Employee.Create(agencyId, nip, input.FullName, input.Email, input.UnitId, input.PositionId, input.EmploymentType, input.PositionStartDate);
        await ApplyAsync(db, employee, input, cancellationToken);
        db.Employees.Add(employee);
        await db.SaveChangesAsync(cancellationToken);
        return employee.Id;
    }

    public async Task UpdateAsync(Guid id, EmployeeInput input, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        var employee = await FindAsync(db, id, cancellationToken);
        db.ExpectVersion(employee, input.Version);
        employee.UpdateDetails(input.FullName, input.Email, input.EmploymentType);
        employee.MoveTo(input.UnitId, input.PositionId, input.PositionStartDate);
        await ApplyAsync(db, employee, input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The employees holding the agency-leadership role (Pasal 35's PPK: monitors every unit, read-only).</summary>
    public async Task<IReadOnlySet<Guid>> LeadershipAsync(CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        var users = await identity.UsersInRoleAsync(agencyId, Roles.AgencyLeadership, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return (await db.Employees.Where(e => e.UserId != null && users.Contains(e.UserId)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>Grants or withdraws the agency-leadership role; the person's open sessions end so it holds at once. Audited.</summary>
    public async Task SetLeadershipAsync(Guid id, bool leads, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var employee = await FindAsync(db, id, ct);
                var userId = employee.UserId ?? throw new DomainException("ACCOUNT_NONE");
                await identity.SetRoleAsync(db, userId, Roles.AgencyLeadership, leads, ct);
                db.AuditEntries.Add(AuditEntry.Record(
                    agencyId, currentUser.UserId, "ApplicationUser", userId, leads ? "LeadershipGranted" : "LeadershipWithdrawn", "{}", timeProvider.GetUtcNow(), currentUser.IpAddress));
                await db.SaveChangesAsync(ct);
            },
            cancellationToken);
    }

    /// <summary>Deactivates the employee and, in the same transaction, ends their open sessions.</summary>
    public Task DeactivateAsync(Guid id, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, e => e.Deactivate(), endSessions: true, cancellationToken);

    public Task ReactivateAsync(Guid id, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, e => e.Reactivate(), endSessions: false, cancellationToken);

    private Task ChangeAsync(Guid id, uint version, Action<Employee> change, bool endSessions, CancellationToken cancellationToken)
    {
        currentUser.RequireAgencyAdmin();
        return dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var employee = await FindAsync(db, id, ct);
                db.ExpectVersion(employee, version);
                change(employee);
                await db.SaveChangesAsync(ct);
                if (endSessions && employee.UserId is { } userId)
                {
                    await identity.EndSessionsAsync(db, userId, ct);
                }
            },
            cancellationToken);
    }

    /// <summary>The checks and facts shared by create and update; unit, position and supervisor must be of this agency.</summary>
    private async Task ApplyAsync(IFlexWorkDbContext db, Employee employee, EmployeeInput input, CancellationToken cancellationToken)
    {
        var email = input.Email.Trim().ToLowerInvariant();
        if (await db.Employees.AnyAsync(e => e.Email == email && e.Id != employee.Id, cancellationToken))
        {
            throw new DomainException("EMAIL_IN_USE", email);
        }

        if (!await db.OrganizationUnits.AnyAsync(u => u.Id == input.UnitId, cancellationToken))
        {
            throw new DomainException("UNIT_UNKNOWN");
        }

        if (!await db.Positions.AnyAsync(p => p.Id == input.PositionId, cancellationToken))
        {
            throw new DomainException("POSITION_UNKNOWN");
        }

        if (input.SupervisorId != employee.SupervisorId)
        {
            var supervisor = input.SupervisorId is { } supervisorId
                ? await db.Employees.SingleOrDefaultAsync(e => e.Id == supervisorId, cancellationToken) ?? throw new DomainException("SUPERVISOR_UNKNOWN")
                : null;
            var chain = await db.Employees.AsNoTracking().Where(e => e.SupervisorId != null)
                .ToDictionaryAsync(e => e.Id, e => e.SupervisorId, cancellationToken);
            employee.AssignSupervisor(supervisor, id => chain.GetValueOrDefault(id));
        }

        employee.RecordDisciplinaryStatus(input.DisciplinaryStatus, input.DisciplinaryFrom, input.DisciplinaryUntil, input.DisciplinaryReference);
        employee.SetDomicile(input.Domicile, GeoArea.From(input.DomicileLatitude, input.DomicileLongitude, input.DomicileRadiusMeters));
        employee.SetTimeZone(input.TimeZoneId);

        if (input.EligibilityOverrideReason is { Length: > 0 } reason && input.EligibilityOverrideUntil is { } until)
        {
            if (reason != employee.EligibilityOverrideReason || until != employee.EligibilityOverrideUntil
                || input.EligibilityOverrideKind != employee.EligibilityOverrideKind)
            {
                employee.GrantEligibilityOverride(reason, until, DateOnly.FromDateTime(timeProvider.GetLocalNow().Date), input.EligibilityOverrideKind);
            }
        }
        else
        {
            employee.RevokeEligibilityOverride();
        }
    }

    private static async Task<Employee> FindAsync(IFlexWorkDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Employees.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException("Employee", id);
}
