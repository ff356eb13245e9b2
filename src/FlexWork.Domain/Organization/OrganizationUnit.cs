using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Locations;

namespace FlexWork.Domain.Organization;

/// <summary>An organisational unit (unit organisasi) in the agency's tree.</summary>
public sealed class OrganizationUnit : IAgencyOwned
{
    private OrganizationUnit(Guid id, Guid agencyId, string name)
    {
        Id = id;
        AgencyId = agencyId;
        Name = name;
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): edits carry it so a stale save is refused.</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Name { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>The head of the unit (pimpinan unit); unit-head rights derive from it.</summary>
    public Guid? HeadEmployeeId { get; private set; }

    /// <summary>Overrides the agency's time zone when the unit sits elsewhere (e.g. a WITA office).</summary>
    public string? TimeZoneId { get; private set; }

    /// <summary>The unit's office on the map: where an office day's check-in counts as being there (none: not judged).</summary>
    public double? OfficeLatitude { get; private set; }

    public double? OfficeLongitude { get; private set; }

    public int? OfficeRadiusMeters { get; private set; }

    public GeoArea? Office => GeoArea.From(OfficeLatitude, OfficeLongitude, OfficeRadiusMeters);

    public static OrganizationUnit Create(Guid agencyId, string name, OrganizationUnit? parent = null)
    {
        var unit = new OrganizationUnit(Guid.CreateVersion7(), agencyId, Guard.Name(name));
        if (parent is not null)
        {
            unit.EnsureSameAgency(parent.AgencyId);
            unit.ParentId = parent.Id;
        }

        return unit;
    }

    public void Rename(string name) => Name = Guard.Name(name);

    /// <summary>Moves the unit under <paramref name="parent"/> (null: to the top of the tree).</summary>
    /// <param name="parentOf">Looks up the current parent of any unit of the agency.</param>
    public void MoveUnder(OrganizationUnit? parent, Func<Guid, Guid?> parentOf)
    {
        if (parent is not null)
        {
            EnsureSameAgency(parent.AgencyId);
            if (Hierarchy.WouldCreateCycle(Id, parent.Id, parentOf))
            {
                throw new DomainException("UNIT_CYCLE", Name, parent.Name);
            }
        }

        ParentId = parent?.Id;
    }

    /// <summary>Names the head (pimpinan unit): an active employee of the same agency, or nobody.</summary>
    public void SetHead(Employee? head)
    {
        if (head is not null)
        {
            EnsureSameAgency(head.AgencyId);
            if (!head.IsActive)
            {
                throw new DomainException("EMPLOYEE_INACTIVE", head.FullName);
            }
        }

        HeadEmployeeId = head?.Id;
    }

    public void LocateOffice(GeoArea? area)
    {
        area = area?.Validate();
        (OfficeLatitude, OfficeLongitude, OfficeRadiusMeters) = (area?.Latitude, area?.Longitude, area?.RadiusMeters);
    }

    public void SetTimeZone(string? timeZoneId) =>
        TimeZoneId = timeZoneId is null ? null : IndonesianTimeZones.Require(timeZoneId);

    private void EnsureSameAgency(Guid otherAgencyId)
    {
        if (otherAgencyId != AgencyId)
        {
            throw new DomainException("CROSS_AGENCY_REFERENCE");
        }
    }
}
