using FlexWork.Domain.Employees;
using FlexWork.Domain.Policies;

namespace FlexWork.Application.Monitoring;

/// <summary>
/// What Pasal 35 asks a unit head and the PPK to watch, for a group of people over some working
/// days: counts that add up (<see cref="Plus"/>) across people, units and months, and the rates
/// the dashboard compares, which stay comparable between a small unit and the whole agency.
/// </summary>
public sealed record MonitoringFigures
{
    public static MonitoringFigures None { get; } = new();

    /// <summary>Active people counted (in a sum over months: person-months).</summary>
    public int People { get; init; }

    /// <summary>Person-days that were working days, up to today.</summary>
    public int WorkingDays { get; init; }

    /// <summary>Approved days away from the own office, by mode (never <see cref="WorkMode.Office"/>).</summary>
    public IReadOnlyDictionary<WorkMode, int> FlexibleByMode { get; init; } = new Dictionary<WorkMode, int>();

    /// <summary>Working days on which the unit had fewer people on site than its policy minimum.</summary>
    public int DaysUnderMinimum { get; init; }

    /// <summary>Person-days presence counts: working days before today, since the agency began presence.</summary>
    public int PresenceDays { get; init; }

    public int Present { get; init; }

    /// <summary>Check-ins or check-outs outside the approved place: flags for people to judge.</summary>
    public int Flagged { get; init; }

    /// <summary>Days off with an approved excuse (leave, sick, official duty).</summary>
    public int Excused { get; init; }

    /// <summary>Work reports the policy asked for whose deadline passed.</summary>
    public int ReportsDue { get; init; }

    /// <summary>Reports written for those days.</summary>
    public int ReportsWritten { get; init; }

    /// <summary>Agreed targets with a value, and the sum of their realisation ratios (reported / target).</summary>
    public int Targets { get; init; }

    public decimal RealisationSum { get; init; }

    public IReadOnlyDictionary<PerformanceRating, int> Predikat { get; init; } = new Dictionary<PerformanceRating, int>();

    public int FlexibleDays => FlexibleByMode.Values.Sum();

    public int OfficeDays => Math.Max(0, WorkingDays - FlexibleDays);

    public int Absent => Math.Max(0, PresenceDays - Present - Excused);

    public int ReportsOverdue => Math.Max(0, ReportsDue - ReportsWritten);

    public int Rated => Predikat.Values.Sum();

    public decimal? FlexibleSharePercent => Percent(FlexibleDays, WorkingDays);

    public decimal? FlaggedPercent => Percent(Flagged, Present);

    public decimal? AbsentPercent => Percent(Absent, PresenceDays);

    public decimal? OverduePercent => Percent(ReportsOverdue, ReportsDue);

    public decimal? RealisationPercent => Targets == 0 ? null : Math.Round(RealisationSum * 100 / Targets, 1);

    /// <summary>Share of the rated who got Baik or Sangat Baik.</summary>
    public decimal? GoodPredikatPercent => Percent(Predikat.Where(p => p.Key >= PerformanceRating.Baik).Sum(p => p.Value), Rated);

    public int DaysIn(WorkMode mode) => mode == WorkMode.Office ? OfficeDays : FlexibleByMode.GetValueOrDefault(mode);

    public MonitoringFigures Plus(MonitoringFigures other) => new()
    {
        People = People + other.People,
        WorkingDays = WorkingDays + other.WorkingDays,
        FlexibleByMode = Merge(FlexibleByMode, other.FlexibleByMode),
        DaysUnderMinimum = DaysUnderMinimum + other.DaysUnderMinimum,
        PresenceDays = PresenceDays + other.PresenceDays,
        Present = Present + other.Present,
        Flagged = Flagged + other.Flagged,
        Excused = Excused + other.Excused,
        ReportsDue = ReportsDue + other.ReportsDue,
        ReportsWritten = ReportsWritten + other.ReportsWritten,
        Targets = Targets + other.Targets,
        RealisationSum = RealisationSum + other.RealisationSum,
        Predikat = Merge(Predikat, other.Predikat),
    };

    public static MonitoringFigures Sum(IEnumerable<MonitoringFigures> figures) => figures.Aggregate(None, (sum, f) => sum.Plus(f));

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1);

    private static Dictionary<TKey, int> Merge<TKey>(IReadOnlyDictionary<TKey, int> a, IReadOnlyDictionary<TKey, int> b)
        where TKey : notnull
    {
        var merged = new Dictionary<TKey, int>(a);
        foreach (var (key, value) in b)
        {
            merged[key] = merged.GetValueOrDefault(key) + value;
        }

        return merged;
    }
}
