using FlexWork.Domain.Calendar;

namespace FlexWork.Tests.Shared;

/// <summary>
/// Weeks for tests that plan working days. Only whole Monday–Friday weeks without a national
/// holiday or cuti bersama count, so that a test's days never land on a day off, whatever the date
/// the suite runs on.
/// </summary>
public static class TestWeeks
{
    public static DateOnly NextMonday(DateOnly date) => date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);

    /// <summary>The Monday of the <paramref name="n"/>-th (from 0) holiday-free week starting at least <paramref name="daysAhead"/> days from today.</summary>
    public static DateOnly Free(int n, int daysAhead = 14)
    {
        var monday = NextMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead));
        for (var found = 0; ; monday = monday.AddDays(7))
        {
            if (!NationalCalendar.Days.Any(d => d.Date >= monday && d.Date <= monday.AddDays(4)) && found++ == n)
            {
                return monday;
            }
        }
    }
}
