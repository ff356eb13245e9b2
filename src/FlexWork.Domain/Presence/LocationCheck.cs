using FlexWork.Domain.Common;
using FlexWork.Domain.Locations;

namespace FlexWork.Domain.Presence;

/// <summary>
/// Where the browser put the person, taken once at check-in or check-out with their consent:
/// the position and how precise the browser says it is, in metres.
/// </summary>
public sealed record LocationReading(double Latitude, double Longitude, double AccuracyMeters)
{
    public LocationReading Checked() =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude) && double.IsFinite(AccuracyMeters)
        && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180 && AccuracyMeters is >= 0 and <= 100_000
            ? this
            : throw new DomainException("PRESENCE_LOCATION_INVALID");

    /// <summary>The great-circle distance to a point, in metres (haversine on the mean Earth radius).</summary>
    public double DistanceTo(double latitude, double longitude)
    {
        const double EarthRadius = 6_371_008.8;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude - Latitude);
        var dLon = Radians(longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

public enum LocationOutcome
{
    /// <summary>No location: the person did not consent, or the browser gave none.</summary>
    NotGiven,

    /// <summary>The approved place has no coordinates to compare with.</summary>
    NoPlace,

    Inside,

    /// <summary>Outside the place's radius even allowing for the reading's imprecision: a flag for the supervisor.</summary>
    Outside,

    /// <summary>The reading is less precise than the policy accepts: it can say neither, a flag weaker than <see cref="Outside"/>.</summary>
    TooImprecise,

    /// <summary>Recorded by the agency's attendance machine: the place is where the machine stands.</summary>
    Device,
}

/// <summary>
/// What a reading says about the approved place of the day. Never a sanction: a mismatch is a
/// flag for people to judge. The benefit of the doubt goes to the person: only a reading whose
/// whole circle of imprecision lies outside the radius counts as outside, and a reading less
/// precise than the policy accepts judges nothing.
/// </summary>
public sealed record LocationCheck(LocationOutcome Outcome, int? DistanceMeters, int? AccuracyMeters)
{
    public static LocationCheck NotGiven { get; } = new(LocationOutcome.NotGiven, null, null);

    public static LocationCheck Device { get; } = new(LocationOutcome.Device, null, null);

    public bool IsFlag => Outcome is LocationOutcome.Outside or LocationOutcome.TooImprecise;

    /// <param name="maxAccuracyMeters">The policy's limit: a reading less precise than this is <see cref="LocationOutcome.TooImprecise"/>.</param>
    public static LocationCheck Of(LocationReading? reading, GeoArea? place, int maxAccuracyMeters)
    {
        if (reading is null)
        {
            return NotGiven;
        }

        var accuracy = (int)Math.Ceiling(reading.Checked().AccuracyMeters);
        if (place is null)
        {
            return new LocationCheck(LocationOutcome.NoPlace, null, accuracy);
        }

        var distance = (int)Math.Round(reading.DistanceTo(place.Latitude, place.Longitude));
        var outcome = accuracy > maxAccuracyMeters ? LocationOutcome.TooImprecise
            : distance - accuracy <= place.RadiusMeters ? LocationOutcome.Inside
            : LocationOutcome.Outside;
        return new LocationCheck(outcome, distance, accuracy);
    }
}
