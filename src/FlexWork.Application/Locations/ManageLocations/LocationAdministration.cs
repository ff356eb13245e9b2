using FlexWork.Application.Common;
using FlexWork.Domain.Locations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Locations.ManageLocations;

public sealed record LocationItem(
    Guid Id, string Name, LocationKind Kind, string Address, double? Latitude, double? Longitude, int? RadiusMeters, bool IsActive, uint Version);

/// <summary>Create or change a location; coordinates and radius come together or not at all.</summary>
public sealed record LocationInput(
    string Name, LocationKind Kind, string Address, double? Latitude = null, double? Longitude = null, int? RadiusMeters = null,
    bool IsActive = true, uint Version = 0) : IAreaInput;

/// <summary>An input with an optional area on the map (a location, a unit's office): all three fields or none.</summary>
public interface IAreaInput
{
    double? Latitude { get; }

    double? Longitude { get; }

    int? RadiusMeters { get; }
}

/// <summary>The rules of an area's three fields, for every input that has one.</summary>
public sealed class AreaInputRules<T> : AbstractValidator<T>
    where T : IAreaInput
{
    public AreaInputRules()
    {
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90).WithErrorCode("LOCATION_AREA_INVALID");
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180).WithErrorCode("LOCATION_AREA_INVALID");
        RuleFor(x => x.RadiusMeters).InclusiveBetween(10, 10_000).WithErrorCode("LOCATION_RADIUS_RANGE");
        RuleFor(x => x.Latitude)
            .Must((x, _) => (x.Latitude is null) == (x.Longitude is null) && (x.Latitude is null) == (x.RadiusMeters is null))
            .WithErrorCode("LOCATION_AREA_INCOMPLETE");
    }
}

public sealed class LocationInputValidator : AbstractValidator<LocationInput>
{
    public LocationInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("NAME_REQUIRED").MaximumLength(200).WithErrorCode("NAME_TOO_LONG");
        RuleFor(x => x.Kind).IsInEnum().WithErrorCode("LOCATION_KIND_INVALID");
        RuleFor(x => x.Address).NotEmpty().WithErrorCode("LOCATION_ADDRESS_REQUIRED")
            .MaximumLength(ApprovedLocation.MaxAddressLength).WithErrorCode("LOCATION_ADDRESS_TOO_LONG");
        Include(new AreaInputRules<LocationInput>());
    }
}

/// <summary>The agency's approved locations: other offices and other places where flexible work may happen.</summary>
public sealed class LocationAdministration(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, IValidator<LocationInput> validator)
{
    /// <summary>For admins: every location. Employees choose from the active ones (see <see cref="ListActiveAsync"/>).</summary>
    public async Task<IReadOnlyList<LocationItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        return await QueryAsync(activeOnly: false, cancellationToken);
    }

    public async Task<IReadOnlyList<LocationItem>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgency();
        return await QueryAsync(activeOnly: true, cancellationToken);
    }

    public async Task<Guid> CreateAsync(LocationInput input, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var location = ApprovedLocation.Create(agencyId, input.Name, input.Kind, input.Address, GeoArea.From(input.Latitude, input.Longitude, input.RadiusMeters));
        if (!input.IsActive)
        {
            location.Retire();
        }

        db.ApprovedLocations.Add(location);
        await db.SaveChangesAsync(cancellationToken);
        return location.Id;
    }

    public async Task UpdateAsync(Guid id, LocationInput input, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var location = await db.ApprovedLocations.SingleOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new NotFoundException("ApprovedLocation", id);
        db.ExpectVersion(location, input.Version);
        location.Update(input.Name, input.Kind, input.Address, GeoArea.From(input.Latitude, input.Longitude, input.RadiusMeters));
        if (input.IsActive)
        {
            location.Reactivate();
        }
        else
        {
            location.Retire();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<LocationItem>> QueryAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.ApprovedLocations.AsNoTracking()
            .Where(l => !activeOnly || l.IsActive)
            .OrderByDescending(l => l.IsActive).ThenBy(l => l.Name)
            .Select(l => new LocationItem(l.Id, l.Name, l.Kind, l.Address, l.Latitude, l.Longitude, l.RadiusMeters, l.IsActive, l.Version))
            .ToListAsync(cancellationToken);
    }
}
