namespace FlexWork.Domain.Common;

/// <summary>The three Indonesian time zones, by IANA id: WIB, WITA and WIT.</summary>
public static class IndonesianTimeZones
{
    public const string Wib = "Asia/Jakarta";
    public const string Wita = "Asia/Makassar";
    public const string Wit = "Asia/Jayapura";

    public static IReadOnlyList<string> All { get; } = [Wib, Wita, Wit];

    public static string Require(string timeZoneId) =>
        All.Contains(timeZoneId) ? timeZoneId : throw new DomainException("TIME_ZONE_INVALID", timeZoneId);
}
