using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Requests;

namespace FlexWork.Domain.Policies;

/// <summary>An expected output of a request's work plan, and the agreed performance target it serves.</summary>
public sealed record WorkPlanItem(string Output, string? Indicator = null, string? Target = null, Guid? TargetId = null);

/// <summary>The employee's last final evaluation: its period, the predikat, and the dates of the period after it.</summary>
public sealed record LastEvaluation(string PeriodCode, PerformanceRating Predikat, DateRange NextPeriod);

/// <summary>A request as the employee proposes it. The days are kept in date order; a date may appear once.</summary>
public sealed class ProposedRequest
{
    public ProposedRequest(IEnumerable<RequestDay> days, string? reason = null, IReadOnlyList<WorkPlanItem>? workPlan = null, bool hasEvidence = false)
    {
        Days = [.. days.OrderBy(d => d.Date)];
        for (var i = 1; i < Days.Count; i++)
        {
            if (Days[i].Date == Days[i - 1].Date)
            {
                throw new DomainException("DAY_DUPLICATE", Days[i].Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        WorkPlan = workPlan ?? [];
        HasEvidence = hasEvidence;
    }

    public IReadOnlyList<RequestDay> Days { get; }

    public string? Reason { get; }

    public IReadOnlyList<WorkPlanItem> WorkPlan { get; }

    public bool HasEvidence { get; }

    /// <summary>Index of the day on <paramref name="date"/>, or a negative number.</summary>
    public int IndexOf(DateOnly date) => PlannedDays.Search(Days, date, d => d.Date);
}

/// <summary>What the rules need to know about the employee.</summary>
public sealed record EmployeeFacts(
    bool PositionEligible,
    DateOnly PositionStart,
    DisciplinaryStatus Disciplinary = DisciplinaryStatus.None,
    DateOnly? DisciplinaryFrom = null,
    DateOnly? DisciplinaryUntil = null,
    EligibilityOverrideKind? OverrideKind = null,
    DateOnly? OverrideUntil = null,
    LastEvaluation? LastEvaluation = null,
    int OverdueReports = 0)
{
    public PerformanceRating? LastRating => LastEvaluation?.Predikat;

    /// <summary>An override in force on every day from today through <paramref name="lastDay"/>.</summary>
    public bool HasOverrideThrough(DateOnly lastDay) => OverrideKind is not null && OverrideUntil >= lastDay;
}

/// <summary>A day the employee already has in another approved or pending request.</summary>
public readonly record struct PlannedDay(DateOnly Date, WorkMode Mode, TimeOnly? Start = null, TimeOnly? End = null);

/// <summary>The employee's other approved and pending days, in date order.</summary>
public sealed class PlannedDays
{
    public static PlannedDays None { get; } = new([]);

    public PlannedDays(IEnumerable<PlannedDay> days) => Days = [.. days.OrderBy(d => d.Date)];

    public IReadOnlyList<PlannedDay> Days { get; }

    public int IndexOf(DateOnly date) => Search(Days, date, d => d.Date);

    /// <summary>Index of the first day on or after <paramref name="date"/>.</summary>
    public int FirstOnOrAfter(DateOnly date)
    {
        var index = IndexOf(date);
        return index >= 0 ? index : ~index;
    }

    internal static int Search<T>(IReadOnlyList<T> items, DateOnly date, Func<T, DateOnly> dateOf)
    {
        int low = 0, high = items.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var comparison = dateOf(items[middle]).CompareTo(date);
            if (comparison == 0)
            {
                return middle;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}

/// <summary>The employee's unit: its active head-count and how many others are planned away per day.</summary>
public sealed class UnitOccupancy(int activeHeadcount, IReadOnlyDictionary<DateOnly, int> othersAwayByDate)
{
    public static UnitOccupancy Unknown { get; } = new(0, new Dictionary<DateOnly, int>());

    public int ActiveHeadcount { get; } = activeHeadcount;

    public int OthersAwayOn(DateOnly date) => othersAwayByDate.TryGetValue(date, out var count) ? count : 0;
}

/// <summary>The calendar as it applies to the employee: holidays and mandatory office days.</summary>
public sealed class WorkCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> mandatoryOfficeDays)
{
    public static WorkCalendar Empty { get; } = new([], []);

    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly HashSet<DateOnly> _mandatoryOffice = [.. mandatoryOfficeDays];

    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    public bool IsMandatoryOfficeDay(DateOnly date) => _mandatoryOffice.Contains(date);
}

/// <summary>Everything the engine judges a request against. Built by the application; the engine does no I/O.</summary>
public sealed record PolicyCheckContext(
    PolicySettings Policy,
    ProposedRequest Request,
    EmployeeFacts Employee,
    DateOnly Today,
    PlannedDays? OtherDays = null,
    UnitOccupancy? Unit = null,
    WorkCalendar? Calendar = null,
    IReadOnlyDictionary<Guid, LocationKind>? ApprovedLocations = null)
{
    public PlannedDays Others => OtherDays ?? PlannedDays.None;

    public UnitOccupancy Occupancy => Unit ?? UnitOccupancy.Unknown;

    public WorkCalendar Days => Calendar ?? WorkCalendar.Empty;

    /// <summary>The employee's local date: weeks, notice and "today" are counted in their time zone.</summary>
    public static DateOnly TodayIn(DateTimeOffset now, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(IndonesianTimeZones.Require(timeZoneId))).DateTime);

    public bool IsWorkingDay(DateOnly date) => Policy.Time.IsWorkingWeekday(date.DayOfWeek) && !Days.IsHoliday(date);
}
