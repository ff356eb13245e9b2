using System.Globalization;
using FlexWork.Application.Presence;
using FlexWork.Domain.Common;
using FlexWork.Domain.Presence;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlexWork.Web.Components.Presence;

/// <summary>How the presence screens say things: a tap's time in the person's zone and what its location check found.</summary>
public static class PresenceText
{
    /// <summary>"07.25 WIB": the clock of the person's zone, not the server's.</summary>
    public static string Time(DateTimeOffset at, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        var zone = timeZoneId switch { IndonesianTimeZones.Wita => "WITA", IndonesianTimeZones.Wit => "WIT", _ => "WIB" };
        return $"{local.ToString("HH:mm", CultureInfo.CurrentCulture)} {zone}";
    }

    public static string Check(IStringLocalizer localizer, LocationCheck check) => check.Outcome switch
    {
        LocationOutcome.Inside => localizer["Presence.Inside"],
        LocationOutcome.Outside => localizer["Presence.Outside", Distance(check.DistanceMeters ?? 0)],
        LocationOutcome.TooImprecise => localizer["Presence.TooImprecise", check.AccuracyMeters ?? 0],
        LocationOutcome.NoPlace => localizer["Presence.NoPlace"],
        LocationOutcome.Device => localizer["Presence.Device"],
        _ => localizer["Presence.NotGiven"],
    };

    public static Color CheckColor(LocationCheck check) => check.Outcome switch
    {
        LocationOutcome.Inside => Color.Success,
        LocationOutcome.Outside => Color.Error,
        LocationOutcome.TooImprecise => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>"850 m" or "118 km".</summary>
    public static string Distance(int meters) => meters < 1_000
        ? $"{meters.ToString(CultureInfo.CurrentCulture)} m"
        : $"{(meters / 1_000.0).ToString(meters < 10_000 ? "0.#" : "0", CultureInfo.CurrentCulture)} km";

    /// <summary>"07.30 WIB–16.00 WIB", or the excuse of a day not worked.</summary>
    public static string Asked(IStringLocalizer localizer, CorrectionView correction, string timeZoneId) =>
        correction is { CheckedInAt: { } checkIn, CheckedOutAt: { } checkOut }
            ? $"{Time(checkIn, timeZoneId)}–{Time(checkOut, timeZoneId)}"
            : localizer[$"Presence.Excuse.{correction.Excuse}"];

    /// <summary>"37 j 30 m".</summary>
    public static string Duration(IStringLocalizer localizer, int minutes) => localizer["Hours.Duration", minutes / 60, minutes % 60];

    /// <summary>The rule the hours are measured by, cited next to them.</summary>
    public static string Clause(IStringLocalizer localizer, HoursClause clause) => localizer[
        "Hours.Clause", clause.PolicyNumber, (clause.LegalReference is { } reference ? $" ({reference})" : "") + (clause.RamadanThisWeek ? localizer["Hours.ClauseRamadan"] : ""),
        Duration(localizer, clause.WeeklyMinutes), Clock(clause.LatestStart), Clock(clause.CoreStart), Clock(clause.CoreEnd)];

    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.CurrentCulture);

    public static string Tap(IStringLocalizer localizer, PresenceTap tap, string timeZoneId) => $"{Time(tap.At, timeZoneId)} · {Check(localizer, tap.Check)}";
}
