using FlexWork.Domain.Common;
using FlexWork.Domain.Locations;

namespace FlexWork.Domain.Employees;

public enum EmploymentType
{
    Pns,
    Pppk,
}

public enum DisciplinaryStatus
{
    None,
    InProcess,
    ServingPenalty,
}

/// <summary>A civil servant (pegawai ASN) of one agency, linked 1:1 to a login account.</summary>
public sealed class Employee : IAgencyOwned
{
    private Employee(Guid id, Guid agencyId, string nip, string fullName, string email)
    {
        Id = id;
        AgencyId = agencyId;
        Nip = nip;
        FullName = fullName;
        Email = email;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): edits carry it so a stale save is refused.</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The 18-digit NIP, unique within the agency.</summary>
    public string Nip { get; private set; }

    public string FullName { get; private set; }

    public string Email { get; private set; }

    /// <summary>The Identity account of this employee.</summary>
    public string? UserId { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid PositionId { get; private set; }

    /// <summary>The direct supervisor (atasan langsung); supervisor rights derive from it.</summary>
    public Guid? SupervisorId { get; private set; }

    public EmploymentType EmploymentType { get; private set; }

    /// <summary>Start of the current position: the minimum-tenure ("new employee") rule reads it.</summary>
    public DateOnly PositionStartDate { get; private set; }

    public DisciplinaryStatus DisciplinaryStatus { get; private set; }

    public DateOnly? DisciplinaryFrom { get; private set; }

    public DateOnly? DisciplinaryUntil { get; private set; }

    /// <summary>The decree or case number behind the disciplinary status.</summary>
    public string? DisciplinaryReference { get; private set; }

    /// <summary>
    /// Why this person may work flexibly despite the usual rules ("keadaan khusus"), e.g. a
    /// medical reason; null when there is no override.
    /// </summary>
    public string? EligibilityOverrideReason { get; private set; }

    /// <summary>Keadaan khusus, or duties that must be done outside the office (which the policy may exempt from the caps).</summary>
    public EligibilityOverrideKind? EligibilityOverrideKind { get; private set; }

    /// <summary>Last day the override holds; it lapses by itself afterwards.</summary>
    public DateOnly? EligibilityOverrideUntil { get; private set; }

    /// <summary>
    /// SHA-256 (hex) of the secret in the URL of the personal iCalendar feed; null until one is made.
    /// The secret itself is shown once and never stored.
    /// </summary>
    public string? CalendarFeedSecretHash { get; private set; }

    /// <summary>The registered domicile: the "Home" location of flexible work.</summary>
    public string? Domicile { get; private set; }

    /// <summary>The domicile on the map: where a home day's check-in counts as being at home (none: not judged).</summary>
    public double? DomicileLatitude { get; private set; }

    public double? DomicileLongitude { get; private set; }

    public int? DomicileRadiusMeters { get; private set; }

    public GeoArea? DomicileArea => GeoArea.From(DomicileLatitude, DomicileLongitude, DomicileRadiusMeters);

    /// <summary>Overrides the unit's or agency's time zone for this person.</summary>
    public string? TimeZoneId { get; private set; }

    public bool IsActive { get; private set; }

    public static Employee Create(
        Guid agencyId,
        string nip,
        string fullName,
        string email,
        Guid unitId,
        Guid positionId,
        EmploymentType employmentType,
        DateOnly positionStartDate)
    {
        var employee = new Employee(Guid.CreateVersion7(), agencyId, Employees.Nip.Parse(nip).Value, Guard.Name(fullName), EmailAddress.Normalize(email))
        {
            UnitId = unitId,
            PositionId = positionId,
            EmploymentType = employmentType,
            PositionStartDate = positionStartDate,
        };
        return employee;
    }

    public void LinkAccount(string userId)
    {
        if (UserId is not null && UserId != userId)
        {
            throw new DomainException("ACCOUNT_ALREADY_LINKED");
        }

        UserId = userId;
    }

    /// <summary>Sets the direct supervisor; refuses self-supervision, other agencies and loops.</summary>
    /// <param name="supervisorOf">Looks up the current supervisor of any employee of the agency.</param>
    public void AssignSupervisor(Employee? supervisor, Func<Guid, Guid?> supervisorOf)
    {
        if (supervisor is not null)
        {
            if (supervisor.AgencyId != AgencyId)
            {
                throw new DomainException("CROSS_AGENCY_REFERENCE");
            }

            if (Hierarchy.WouldCreateCycle(Id, supervisor.Id, supervisorOf))
            {
                throw new DomainException("SUPERVISOR_CYCLE", FullName, supervisor.FullName);
            }
        }

        SupervisorId = supervisor?.Id;
    }

    /// <summary>
    /// Sets the direct supervisor by id, for bulk work that does not load every supervisor; the
    /// composite foreign key keeps the supervisor inside the agency. Refuses loops.
    /// </summary>
    public void AssignSupervisorById(Guid? supervisorId, Func<Guid, Guid?> supervisorOf)
    {
        if (supervisorId is { } id && Hierarchy.WouldCreateCycle(Id, id, supervisorOf))
        {
            throw new DomainException("SUPERVISOR_CYCLE", FullName, id);
        }

        SupervisorId = supervisorId;
    }

    public void MoveTo(Guid unitId, Guid positionId, DateOnly positionStartDate)
    {
        if (positionId != PositionId)
        {
            PositionStartDate = positionStartDate;
        }

        UnitId = unitId;
        PositionId = positionId;
    }

    public void UpdateDetails(string fullName, string email, EmploymentType employmentType)
    {
        FullName = Guard.Name(fullName);
        Email = EmailAddress.Normalize(email);
        EmploymentType = employmentType;
    }

    public void RecordDisciplinaryStatus(DisciplinaryStatus status, DateOnly? from, DateOnly? until, string? reference = null)
    {
        if (status == DisciplinaryStatus.None)
        {
            (from, until, reference) = (null, null, null);
        }
        else if (from is null)
        {
            throw new DomainException("DISCIPLINARY_START_REQUIRED");
        }
        else if (until is not null && until < from)
        {
            throw new DomainException("DATE_RANGE_INVALID");
        }

        DisciplinaryStatus = status;
        DisciplinaryFrom = from;
        DisciplinaryUntil = until;
        DisciplinaryReference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
    }

    /// <summary>Grants an eligibility override ("keadaan khusus") with a reason, until a date that is not past.</summary>
    public void GrantEligibilityOverride(
        string reason, DateOnly until, DateOnly today, EligibilityOverrideKind kind = Employees.EligibilityOverrideKind.SpecialCircumstances)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("OVERRIDE_REASON_REQUIRED");
        }

        if (until < today)
        {
            throw new DomainException("OVERRIDE_EXPIRY_PAST");
        }

        EligibilityOverrideReason = reason.Trim();
        EligibilityOverrideUntil = until;
        EligibilityOverrideKind = kind;
    }

    public void RevokeEligibilityOverride() => (EligibilityOverrideReason, EligibilityOverrideUntil, EligibilityOverrideKind) = (null, null, null);

    public bool HasEligibilityOverrideOn(DateOnly day) => EligibilityOverrideUntil is { } until && day <= until;

    /// <summary>A new feed secret (its hash): the old URL stops working (e.g. after it was shared by mistake).</summary>
    public void RenewCalendarFeed(string secretHash) =>
        CalendarFeedSecretHash = secretHash.Length == 64 && secretHash.All(char.IsAsciiHexDigitLower) ? secretHash : throw new DomainException("CALENDAR_TOKEN_WEAK");

    public void SetDomicile(string? domicile, GeoArea? area = null)
    {
        area = area?.Validate();
        Domicile = string.IsNullOrWhiteSpace(domicile) ? null : domicile.Trim();
        (DomicileLatitude, DomicileLongitude, DomicileRadiusMeters) = (area?.Latitude, area?.Longitude, area?.RadiusMeters);
    }

    public void SetTimeZone(string? timeZoneId) =>
        TimeZoneId = timeZoneId is null ? null : IndonesianTimeZones.Require(timeZoneId);

    /// <summary>Never hard-delete someone with history: deactivate instead.</summary>
    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
