using System.Globalization;

namespace FlexWork.Web.Components.Shared;

public static class GeoText
{
    /// <summary>An area as maps write it: coordinates with a decimal point, whatever the language (a comma would run into the separator), then the radius.</summary>
    public static string Area(double latitude, double longitude, int? radiusMeters) =>
        string.Create(CultureInfo.InvariantCulture, $"{latitude:0.####}, {longitude:0.####} · {radiusMeters} m");
}
