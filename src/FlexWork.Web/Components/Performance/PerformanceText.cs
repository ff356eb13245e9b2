using System.Globalization;
using FlexWork.Application.Performance;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlexWork.Web.Components.Performance;

/// <summary>How the performance screens say things: a period's name, a target's value, the colours of states.</summary>
public static class PerformanceText
{
    /// <summary>"Desember 2026", or "Triwulan I 2027".</summary>
    public static string PeriodName(IStringLocalizer localizer, DateOnly from, PeriodLength length) => length == PeriodLength.Quarterly
        ? localizer["Period.Quarter", ((from.Month - 1) / 3) + 1, from.Year]
        : from.ToDateTime(TimeOnly.MinValue).ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    public static string PeriodName(IStringLocalizer localizer, PeriodView period) => PeriodName(localizer, period.From, period.Length);

    /// <summary>"4 dokumen", or the qualitative target.</summary>
    public static string Target(TargetContent content) =>
        content.Value is { } value ? $"{value.ToString("0.##", CultureInfo.CurrentCulture)} {content.Unit}" : content.Qualitative ?? "";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    public static Color StateColor(TargetState state) => state switch
    {
        TargetState.Agreed => Color.Success,
        TargetState.Proposed => Color.Info,
        TargetState.Returned => Color.Warning,
        _ => Color.Default,
    };

    public static Color StatusColor(ReportStatus status) => status switch
    {
        ReportStatus.OnTime => Color.Success,
        ReportStatus.Late => Color.Warning,
        ReportStatus.Overdue => Color.Error,
        _ => Color.Info,
    };

    public static Color PredikatColor(PerformanceRating rating) => rating switch
    {
        PerformanceRating.SangatBaik or PerformanceRating.Baik => Color.Success,
        PerformanceRating.ButuhPerbaikan => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>Share of the target the reports reached, for a progress bar (0–100), or null for a qualitative target.</summary>
    public static double? Progress(TargetView target) =>
        target.Content.Value is { } value && value > 0 ? (double)Math.Min(100m, target.Reported * 100m / value) : null;

    public static string When(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    /// <summary>A deadline on its own clock (the person's time zone), with the zone: "Rab, 2 Des 10.00 WIB".</summary>
    public static string Deadline(DateTimeOffset at) =>
        $"{at.DateTime.ToString("ddd, d MMM HH:mm", CultureInfo.CurrentCulture)} {at.Offset.TotalHours switch { 7 => "WIB", 8 => "WITA", 9 => "WIT", _ => at.ToString("zzz", CultureInfo.InvariantCulture) }}";

    public static string Day(DateOnly date) => date.ToString("ddd, d MMM yyyy", CultureInfo.CurrentCulture);
}
