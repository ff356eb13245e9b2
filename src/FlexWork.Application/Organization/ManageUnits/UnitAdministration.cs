using FlexWork.Application.Common;
using FlexWork.Application.Locations.ManageLocations;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Organization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Organization.ManageUnits;

public sealed record UnitItem(
    Guid Id, string Name, Guid? ParentId, Guid? HeadEmployeeId, string? HeadName, string? TimeZoneId, int EmployeeCount, uint Version,
    double? Latitude, double? Longitude, int? RadiusMeters);

/// <summary>
/// Create or change a unit. <see cref="Version"/> is the one the admin saw (ignored on create);
/// the latitude, longitude and radius place the unit's office on the map (all three or none).
/// </summary>
public sealed record UnitInput(
    string Name, Guid? ParentId, Guid? HeadEmployeeId, string? TimeZoneId, uint Version = 0, double? Latitude = null, double? Longitude = null, int? RadiusMeters = null)
    : IAreaInput;

public sealed class UnitInputValidator : AbstractValidator<UnitInput>
{
    public UnitInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("NAME_REQUIRED").MaximumLength(200).WithErrorCode("NAME_TOO_LONG");
        RuleFor(x => x.TimeZoneId).Must(tz => tz is null || Domain.Common.IndonesianTimeZones.All.Contains(tz)).WithErrorCode("TIME_ZONE_INVALID");
        Include(new AreaInputRules<UnitInput>());
    }
}

/// <summary>The agency's unit tree, kept by its admins: create, rename, move, set head, time zone and the office on the map.</summary>
public sealed class UnitAdministration(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, IValidator<UnitInput> validator)
{
    public async Task<IReadOnlyList<UnitItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.OrganizationUnits.AsNoTracking()
            .OrderBy(u => u.Name)
            .Select(u => new UnitItem(
                u.Id, u.Name, u.ParentId, u.HeadEmployeeId,
                db.Employees.Where(e => e.Id == u.HeadEmployeeId).Select(e => e.FullName).FirstOrDefault(),
                u.TimeZoneId,
                db.Employees.Count(e => e.UnitId == u.Id && e.IsActive),
                u.Version,
                u.OfficeLatitude,
                u.OfficeLongitude,
                u.OfficeRadiusMeters))
            .ToListAsync(cancellationToken);
    }

    public async Task<Guid> CreateAsync(UnitInput input, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        var parent = input.ParentId is { } parentId ? await FindAsync(db, parentId, cancellationToken) : null;
        var unit = OrganizationUnit.Create(agencyId, input.Name, parent);
        await ApplyDetailsAsync(db, unit, input, cancellationToken);
        db.OrganizationUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return unit.Id;
    }

    public async Task UpdateAsync(Guid id, UnitInput input, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        var unit = await FindAsync(db, id, cancellationToken);
        db.ExpectVersion(unit, input.Version);
        unit.Rename(input.Name);
        if (input.ParentId != unit.ParentId)
        {
            var parents = await db.OrganizationUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
            var parent = input.ParentId is { } parentId ? await FindAsync(db, parentId, cancellationToken) : null;
            unit.MoveUnder(parent, u => parents.GetValueOrDefault(u));
        }

        await ApplyDetailsAsync(db, unit, input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyDetailsAsync(IFlexWorkDbContext db, OrganizationUnit unit, UnitInput input, CancellationToken cancellationToken)
    {
        if (input.HeadEmployeeId != unit.HeadEmployeeId)
        {
            var head = input.HeadEmployeeId is { } headId
                ? await db.Employees.SingleOrDefaultAsync(e => e.Id == headId, cancellationToken) ?? throw new NotFoundException("Employee", headId)
                : null;
            unit.SetHead(head);
        }

        unit.SetTimeZone(input.TimeZoneId);
        unit.LocateOffice(GeoArea.From(input.Latitude, input.Longitude, input.RadiusMeters));
    }

    private static async Task<OrganizationUnit> FindAsync(IFlexWorkDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.OrganizationUnits.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("OrganizationUnit", id);
}
