using FlexWork.Domain.Policies;

namespace FlexWork.Domain.Presence;

/// <summary>
/// A day's checked-in hours against the working-time rules in force that day: net minutes (the
/// day's break taken off), a start after the dynamic window's latest start, core hours not
/// covered. A day without a check-out has no hours yet.
/// </summary>
public sealed record DayHours(DateOnly Date, int NetMinutes, bool LateStart, bool CoreHoursMissed, bool Open)
{
    /// <param name="checkedIn">Local time of the check-in, in the person's zone.</param>
    /// <param name="checkedOut">Local time of the check-out, or null while the day is open.</param>
    public static DayHours Of(DateOnly date, TimeOnly checkedIn, TimeOnly? checkedOut, WorkingTime time)
    {
        var dynamic = time.Dynamic;
        var late = checkedIn > (time.Ramadan.Covers(date) ? Later(dynamic.LatestStart, time.Ramadan.StandardStart) : dynamic.LatestStart);
        if (checkedOut is not { } outAt || outAt < checkedIn)
        {
            return new DayHours(date, 0, late, CoreHoursMissed: false, Open: true);
        }

        var gross = (int)(outAt - checkedIn).TotalMinutes;
        var net = Math.Max(0, gross - time.BreakOn(date));
        return new DayHours(date, net, late, checkedIn > dynamic.CoreStart || outAt < dynamic.CoreEnd, Open: false);
    }

    private static TimeOnly Later(TimeOnly a, TimeOnly b) => a > b ? a : b;
}

/// <summary>A week's checked-in hours against what the week owes: the days' net minutes, and the week's working days' share of the weekly hours.</summary>
public sealed record WeekHours(DateOnly Monday, int NetMinutes, int OwedMinutes, IReadOnlyList<DayHours> Days)
{
    public bool IsShort => NetMinutes < OwedMinutes;

    public int ShortByMinutes => Math.Max(0, OwedMinutes - NetMinutes);

    /// <param name="workingDays">The week's working days for the person (holidays left out, so a short week owes less).</param>
    public static WeekHours Of(DateOnly monday, IReadOnlyList<DayHours> days, IEnumerable<DateOnly> workingDays, WorkingTime time) =>
        new(monday, days.Sum(d => d.NetMinutes), workingDays.Sum(time.DailyMinutes), days);
}
