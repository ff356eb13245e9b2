using FlexWork.Domain.Common;

namespace FlexWork.Domain.Locations;

/// <summary>
/// A place the agency approved for flexible work: another of its offices, or another location
/// (e.g. a co-working space). Coordinates and radius are kept for check-in later. Retired
/// locations stay for the history of the requests that used them.
/// </summary>
public sealed class ApprovedLocation : IAgencyOwned
{
    public const int MaxAddressLength = 500;

    private ApprovedLocation(Guid id, Guid agencyId, string name)
    {
        Id = id;
        AgencyId = agencyId;
        Name = name;
        Address = "";
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Name { get; private set; }

    public LocationKind Kind { get; private set; }

    public string Address { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>Metres around the coordinates that count as being there.</summary>
    public int? RadiusMeters { get; private set; }

    public bool IsActive { get; private set; }

    public static ApprovedLocation Create(Guid agencyId, string name, LocationKind kind, string address, GeoArea? area = null)
    {
        var location = new ApprovedLocation(Guid.CreateVersion7(), agencyId, Guard.Name(name));
        location.Update(name, kind, address, area);
        return location;
    }

    public void Update(string name, LocationKind kind, string address, GeoArea? area)
    {
        Name = Guard.Name(name);
        Kind = kind;
        Address = string.IsNullOrWhiteSpace(address) ? throw new DomainException("LOCATION_ADDRESS_REQUIRED") : address.Trim();
        if (Address.Length > MaxAddressLength)
        {
            throw new DomainException("LOCATION_ADDRESS_TOO_LONG", MaxAddressLength);
        }

        area = area?.Validate();
        (Latitude, Longitude, RadiusMeters) = area is null ? (null, null, null) : ((double?)area.Latitude, (double?)area.Longitude, (int?)area.RadiusMeters);
    }

    public void Retire() => IsActive = false;

    public void Reactivate() => IsActive = true;
}

/// <summary>A circle on the map: where check-in counts as being at the location.</summary>
public sealed record GeoArea(double Latitude, double Longitude, int RadiusMeters)
{
    /// <summary>The area of three optional fields, or null unless all three are given.</summary>
    public static GeoArea? From(double? latitude, double? longitude, int? radiusMeters) =>
        latitude is { } lat && longitude is { } lon && radiusMeters is { } radius ? new GeoArea(lat, lon, radius) : null;

    public GeoArea Validate() =>
        Latitude is < -90 or > 90 || Longitude is < -180 or > 180 || RadiusMeters is < 10 or > 10_000
            ? throw new DomainException("LOCATION_AREA_INVALID")
            : this;
}
