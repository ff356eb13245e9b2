using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;

namespace FlexWork.Domain.Policies;

/// <summary>
/// Everything an agency configures about flexible work, in one immutable value. Every number
/// defaults to the regulation's value (PermenPANRB 4/2025), see <see cref="Regulation"/>.
/// A policy version stores one of these as it was published.
/// </summary>
public sealed record PolicySettings
{
    public LocationRules Locations { get; init; } = new();

    public CapRules Caps { get; init; } = new();

    public UnitSafeguard Safeguard { get; init; } = new();

    public WorkingTime Time { get; init; } = new();

    public RequestRules Requests { get; init; } = new();

    public EligibilityRules Eligibility { get; init; } = new();

    public PerformanceRules Performance { get; init; } = new();

    public PresenceRules Presence { get; init; } = new();

    /// <summary>
    /// Rules whose severity the agency chose (e.g. the unit on-site minimum as a warning the
    /// supervisor sees rather than a block). Rules not listed block.
    /// </summary>
    public IReadOnlyDictionary<string, FindingSeverity> Severities { get; init; } = new Dictionary<string, FindingSeverity>();

    /// <summary>Settings that differ for a unit (and the units under it).</summary>
    public IReadOnlyList<UnitOverride> UnitOverrides { get; init; } = [];

    /// <summary>The regulation's defaults: what a new agency starts from.</summary>
    public static PolicySettings Regulation { get; } = new()
    {
        Severities = new Dictionary<string, FindingSeverity>
        {
            [RuleCodes.UnitOnsiteMinimum] = FindingSeverity.Warn,
            [RuleCodes.WeeklyHoursShort] = FindingSeverity.Warn,
        },
    };

    public FindingSeverity SeverityOf(string code) =>
        Severities.TryGetValue(code, out var severity) ? severity : FindingSeverity.Block;

    /// <summary>The same settings with the agency's days of Ramadan (calendar data, see <see cref="RamadanSchedule.Periods"/>).</summary>
    public PolicySettings WithRamadan(IReadOnlyList<DateRange> periods) => this with { Time = Time with { Ramadan = Time.Ramadan with { Periods = periods } } };

    /// <summary>
    /// The settings in force for a unit: each overridable setting comes from the nearest unit up
    /// the tree that overrides it, else from the agency.
    /// </summary>
    /// <param name="unitPath">The unit, then its parent, up to the top of the tree.</param>
    public PolicySettings ForUnit(IReadOnlyList<Guid> unitPath)
    {
        if (UnitOverrides.Count == 0)
        {
            return this;
        }

        var result = this;
        for (var i = unitPath.Count - 1; i >= 0; i--) // from the top down, so the nearest unit wins
        {
            foreach (var unitOverride in UnitOverrides)
            {
                if (unitOverride.UnitId == unitPath[i])
                {
                    result = unitOverride.ApplyTo(result);
                }
            }
        }

        return result with { UnitOverrides = [] };
    }
}

public sealed record LocationRules
{
    /// <summary>Modes employees may ask for besides the office (the office is always allowed).</summary>
    public IReadOnlyList<WorkMode> EnabledModes { get; init; } = [WorkMode.OtherOffice, WorkMode.Home, WorkMode.OtherLocation];

    /// <summary>Whether OtherLocation may be a one-off address with a justification instead of a listed location.</summary>
    public bool AllowOneOffAddress { get; init; }

    public bool Allows(WorkMode mode) => mode == WorkMode.Office || EnabledModes.Contains(mode);
}

public sealed record CapRules
{
    /// <summary>Pasal 13(1): location flexibility at most 2 working days a week.</summary>
    public int RemoteDaysPerWeek { get; init; } = 2;

    /// <summary>Null: no monthly cap besides the weekly one.</summary>
    public int? RemoteDaysPerMonth { get; init; } = 8;

    /// <summary>Null: no limit on consecutive remote working days.</summary>
    public int? MaxConsecutiveRemoteDays { get; init; }

    /// <summary>Null: only the weekly remote cap.</summary>
    public int? MinOfficeDaysPerWeek { get; init; }

    /// <summary>Eligibility overrides whose holders the caps do not bind (duties that must be done outside the office).</summary>
    public IReadOnlyList<EligibilityOverrideKind> ExemptOverrides { get; init; } = [EligibilityOverrideKind.DutyOutsideOffice];
}

/// <summary>The public-service safeguard: how much of a unit may be away from the office on a working day.</summary>
public sealed record UnitSafeguard
{
    /// <summary>Maximum share of a unit's active employees away on one day, in percent.</summary>
    public int MaxAwayPercent { get; init; } = 30;

    /// <summary>Null: only the share counts. Otherwise at least this many people on site.</summary>
    public int? MinOnSiteHeadcount { get; init; }

    /// <summary>The fewest people of a unit of this size who must be on site: the stricter of share and head-count.</summary>
    public int MinimumOnSite(int headcount) =>
        Math.Max((int)Math.Ceiling(headcount * (100 - MaxAwayPercent) / 100.0), MinOnSiteHeadcount ?? 0);
}

public sealed record WorkingTime
{
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>37.5 hours a week, excluding breaks.</summary>
    public int WeeklyMinutes { get; init; } = 2250;

    public TimeOnly StandardStart { get; init; } = new(7, 30);

    public int BreakMinutes { get; init; } = 60;

    public int FridayBreakMinutes { get; init; } = 90;

    public DynamicHours Dynamic { get; init; } = new();

    /// <summary>Fixed patterns (e.g. front-line services); a day planned exactly as a shift is judged by the shift, not the dynamic window.</summary>
    public IReadOnlyList<ShiftPattern> Shifts { get; init; } = [];

    public RamadanSchedule Ramadan { get; init; } = new();

    public bool IsWorkingWeekday(DayOfWeek day) => WorkingDays.Contains(day);

    /// <summary>Net minutes owed on a working day: the week's minutes spread over its working days.</summary>
    public int DailyMinutes(DateOnly date) =>
        (Ramadan.Covers(date) ? Ramadan.WeeklyMinutes : WeeklyMinutes) / Math.Max(1, WorkingDays.Count);

    public int BreakOn(DateOnly date) => (Ramadan.Covers(date), date.DayOfWeek == DayOfWeek.Friday) switch
    {
        (true, true) => Ramadan.FridayBreakMinutes,
        (true, false) => Ramadan.BreakMinutes,
        (false, true) => FridayBreakMinutes,
        (false, false) => BreakMinutes,
    };

    public TimeOnly StartOn(DateOnly date) => Ramadan.Covers(date) ? Ramadan.StandardStart : StandardStart;
}

/// <summary>Dynamic hours: start inside a window, be there for the core hours, work a sensible day.</summary>
public sealed record DynamicHours
{
    public TimeOnly EarliestStart { get; init; } = new(6, 0);

    public TimeOnly LatestStart { get; init; } = new(9, 0);

    public TimeOnly LatestEnd { get; init; } = new(20, 0);

    public TimeOnly CoreStart { get; init; } = new(9, 0);

    public TimeOnly CoreEnd { get; init; } = new(15, 0);

    /// <summary>Net minutes (breaks excluded).</summary>
    public int MinDailyMinutes { get; init; } = 240;

    public int MaxDailyMinutes { get; init; } = 600;
}

public sealed record ShiftPattern(string Name, TimeOnly Start, TimeOnly End);

/// <summary>The Ramadan schedule: 32.5 hours a week from 08:00, with shorter breaks, on the days of Ramadan.</summary>
public sealed record RamadanSchedule
{
    /// <summary>
    /// The days of Ramadan: calendar data of the agency (<see cref="Calendar.RamadanPeriod"/>), not
    /// part of a policy version. The application fills them in when it loads a policy; never stored.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DateRange> Periods { get; init; } = [];

    public int WeeklyMinutes { get; init; } = 1950;

    public TimeOnly StandardStart { get; init; } = new(8, 0);

    public int BreakMinutes { get; init; } = 30;

    public int FridayBreakMinutes { get; init; } = 60;

    public bool Covers(DateOnly date)
    {
        for (var i = 0; i < Periods.Count; i++) // indexed: the engine calls this per day and must not allocate
        {
            if (Periods[i].Contains(date))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed record DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

public enum ApprovalRoute
{
    /// <summary>Approved on submission.</summary>
    Auto,

    Supervisor,

    /// <summary>The direct supervisor, then the unit head.</summary>
    SupervisorThenUnitHead,
}

/// <summary>From <see cref="FromRemoteDays"/> remote days in one request on, <see cref="Mode"/> days go this route.</summary>
public sealed record ApprovalRule(WorkMode Mode, int FromRemoteDays, ApprovalRoute Route);

public sealed record RequestRules
{
    /// <summary>Working days between asking and the first requested day.</summary>
    public int MinNoticeWorkingDays { get; init; } = 1;

    /// <summary>From the first to the last requested day, in calendar days (a quarter by default).</summary>
    public int MaxRequestDays { get; init; } = 92;

    /// <summary>Modes for which supporting evidence (bukti dukung) must be attached.</summary>
    public IReadOnlyList<WorkMode> EvidenceRequiredFor { get; init; } = [WorkMode.OtherLocation];

    /// <summary>Evidence files one request may carry.</summary>
    public int MaxEvidenceFilesPerRequest { get; init; } = 5;

    /// <summary>Evidence one employee may store over all their requests and work reports, in megabytes (files are kept in the database).</summary>
    public int MaxEvidenceMegabytesPerEmployee { get; init; } = 50;

    /// <summary>Modes for which a work plan with expected outputs is required.</summary>
    public IReadOnlyList<WorkMode> WorkPlanRequiredFor { get; init; } = [WorkMode.OtherOffice, WorkMode.Home, WorkMode.OtherLocation];

    /// <summary>Whether every output of a required work plan must name the agreed target it serves.</summary>
    public bool WorkPlanNeedsTargets { get; init; }

    public IReadOnlyList<ApprovalRule> Approval { get; init; } =
    [
        new(WorkMode.Office, 0, ApprovalRoute.Auto),
        new(WorkMode.OtherOffice, 0, ApprovalRoute.Supervisor),
        new(WorkMode.Home, 0, ApprovalRoute.Supervisor),
        new(WorkMode.OtherLocation, 0, ApprovalRoute.Supervisor),
        new(WorkMode.Home, 10, ApprovalRoute.SupervisorThenUnitHead),
        new(WorkMode.OtherLocation, 5, ApprovalRoute.SupervisorThenUnitHead),
    ];

    /// <summary>Pending longer than this (working days) goes to the next level.</summary>
    public int EscalateAfterWorkingDays { get; init; } = 3;

    /// <summary>The strictest route any day of the request needs.</summary>
    public ApprovalRoute RouteFor(IReadOnlyList<WorkMode> modes)
    {
        var remoteDays = modes.Count(m => m.IsRemote());
        var route = ApprovalRoute.Auto;
        foreach (var mode in modes.Distinct())
        {
            var forMode = Approval.Where(r => r.Mode == mode && (mode.IsRemote() ? remoteDays : 0) >= r.FromRemoteDays)
                .OrderByDescending(r => r.FromRemoteDays).Select(r => (ApprovalRoute?)r.Route).FirstOrDefault() ?? ApprovalRoute.Supervisor;
            route = (ApprovalRoute)Math.Max((int)route, (int)forMode);
        }

        return route;
    }
}

public sealed record EligibilityRules
{
    /// <summary>Pasal 23: the position's duties must allow flexible work.</summary>
    public bool RequireEligiblePosition { get; init; } = true;

    /// <summary>Pasal 25: not under, or in the process of, a disciplinary penalty.</summary>
    public bool ExcludeDisciplinary { get; init; } = true;

    /// <summary>Pasal 25: not a new employee; months in the current position.</summary>
    public int MinMonthsInPosition { get; init; } = 12;

    /// <summary>Optional: the last performance rating must be at least this good.</summary>
    public PerformanceRating? MinLastRating { get; init; }
}

/// <summary>Which days need a daily work report.</summary>
public enum ReportDays
{
    /// <summary>Days away from the office (the regulation's minimum).</summary>
    FlexibleDays,

    AllWorkingDays,
}

/// <summary>
/// Presence (presensi): how a check-in's location is judged and how long its raw position is kept
/// (UU 27/2022 on personal data: no longer than needed; the outcome of the check stays).
/// </summary>
public sealed record PresenceRules
{
    public int PositionRetentionDays { get; init; } = 30;

    /// <summary>A reading less precise than this (in metres) judges nothing: too imprecise.</summary>
    public int MaxAccuracyMeters { get; init; } = 500;
}

/// <summary>Performance management (PermenPANRB 6/2022) as it bears on flexible work: periods, reports, and what a poor predikat does.</summary>
public sealed record PerformanceRules
{
    public PeriodLength PeriodLength { get; init; } = PeriodLength.Monthly;

    public ReportDays ReportsRequiredOn { get; init; } = ReportDays.FlexibleDays;

    /// <summary>The report for a day is due this many working days later (0: the same day) ...</summary>
    public int ReportDeadlineWorkingDays { get; init; } = 1;

    /// <summary>... at this local time.</summary>
    public TimeOnly ReportDeadlineTime { get; init; } = new(10, 0);

    /// <summary>Null: overdue reports never refuse new flexible days. Otherwise more than this many refuse them (<c>REPORTS_OVERDUE</c>).</summary>
    public int? MaxOverdueReports { get; init; }

    /// <summary>Evidence files one work report may carry (their megabytes count towards <see cref="RequestRules.MaxEvidenceMegabytesPerEmployee"/>).</summary>
    public int MaxEvidenceFilesPerReport { get; init; } = 3;

    /// <summary>Null: no suspension. Otherwise a final predikat at or below this suspends flexible work for the next period.</summary>
    public PerformanceRating? SuspendAtOrBelow { get; init; }

    public bool NeedsReport(WorkMode mode) => ReportsRequiredOn == ReportDays.AllWorkingDays || mode.IsRemote();

    /// <summary>The local date and time by which the report for <paramref name="day"/> is due.</summary>
    public DateTime ReportDeadline(DateOnly day, WorkingTime time, WorkCalendar calendar)
    {
        var date = day;
        for (var counted = 0; counted < ReportDeadlineWorkingDays && date.DayNumber - day.DayNumber <= 366;)
        {
            date = date.AddDays(1);
            if (time.IsWorkingWeekday(date.DayOfWeek) && !calendar.IsHoliday(date))
            {
                counted++;
            }
        }

        return date.ToDateTime(ReportDeadlineTime);
    }
}

/// <summary>A unit's own values for the settings a unit may change; null keeps the agency's (or a parent unit's).</summary>
public sealed record UnitOverride
{
    public Guid UnitId { get; init; }

    /// <summary>Empty list: the unit works from the office only (e.g. front-line services).</summary>
    public IReadOnlyList<WorkMode>? EnabledModes { get; init; }

    public int? RemoteDaysPerWeek { get; init; }

    public int? RemoteDaysPerMonth { get; init; }

    public int? MinOfficeDaysPerWeek { get; init; }

    public int? MaxAwayPercent { get; init; }

    public int? MinOnSiteHeadcount { get; init; }

    public PolicySettings ApplyTo(PolicySettings settings) => settings with
    {
        Locations = EnabledModes is null ? settings.Locations : settings.Locations with { EnabledModes = EnabledModes },
        Caps = settings.Caps with
        {
            RemoteDaysPerWeek = RemoteDaysPerWeek ?? settings.Caps.RemoteDaysPerWeek,
            RemoteDaysPerMonth = RemoteDaysPerMonth ?? settings.Caps.RemoteDaysPerMonth,
            MinOfficeDaysPerWeek = MinOfficeDaysPerWeek ?? settings.Caps.MinOfficeDaysPerWeek,
        },
        Safeguard = new UnitSafeguard
        {
            MaxAwayPercent = MaxAwayPercent ?? settings.Safeguard.MaxAwayPercent,
            MinOnSiteHeadcount = MinOnSiteHeadcount ?? settings.Safeguard.MinOnSiteHeadcount,
        },
    };
}
