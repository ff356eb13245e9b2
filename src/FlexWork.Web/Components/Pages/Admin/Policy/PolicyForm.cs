using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using Microsoft.AspNetCore.Components.Forms;

namespace FlexWork.Web.Components.Pages.Admin.Policy;

/// <summary>
/// The policy editor's mutable model: MudBlazor fields bind to it, and it converts to and from
/// the immutable <see cref="PolicySettings"/> the application validates and stores. Hours are
/// edited as hours, stored as minutes.
/// </summary>
public sealed partial class PolicyForm
{
    public static readonly WorkMode[] RemoteModes = [WorkMode.OtherOffice, WorkMode.Home, WorkMode.OtherLocation];

    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public HashSet<WorkMode> EnabledModes { get; set; } = [];

    public bool AllowOneOffAddress { get; set; }

    public int RemoteDaysPerWeek { get; set; }

    public int? RemoteDaysPerMonth { get; set; }

    public int? MaxConsecutiveRemoteDays { get; set; }

    public int? MinOfficeDaysPerWeek { get; set; }

    public HashSet<EligibilityOverrideKind> ExemptOverrides { get; set; } = [];

    public int MaxAwayPercent { get; set; }

    public int? MinOnSiteHeadcount { get; set; }

    public HashSet<DayOfWeek> WorkingDays { get; set; } = [];

    public double WeeklyHours { get; set; }

    public TimeSpan? StandardStart { get; set; }

    public int BreakMinutes { get; set; }

    public int FridayBreakMinutes { get; set; }

    public TimeSpan? EarliestStart { get; set; }

    public TimeSpan? LatestStart { get; set; }

    public TimeSpan? LatestEnd { get; set; }

    public TimeSpan? CoreStart { get; set; }

    public TimeSpan? CoreEnd { get; set; }

    public double MinDailyHours { get; set; }

    public double MaxDailyHours { get; set; }

    public List<ShiftRow> Shifts { get; set; } = [];

    public double RamadanWeeklyHours { get; set; }

    public TimeSpan? RamadanStart { get; set; }

    public int RamadanBreakMinutes { get; set; }

    public int RamadanFridayBreakMinutes { get; set; }

    public int MinNoticeWorkingDays { get; set; }

    public int MaxRequestDays { get; set; }

    public int EscalateAfterWorkingDays { get; set; }

    public int MaxEvidenceFilesPerRequest { get; set; }

    public int MaxEvidenceMegabytesPerEmployee { get; set; }

    public HashSet<WorkMode> EvidenceRequiredFor { get; set; } = [];

    public HashSet<WorkMode> WorkPlanRequiredFor { get; set; } = [];

    public List<ApprovalRow> Approval { get; set; } = [];

    public bool RequireEligiblePosition { get; set; }

    public bool ExcludeDisciplinary { get; set; }

    public int MinMonthsInPosition { get; set; }

    public PerformanceRating? MinLastRating { get; set; }

    public PeriodLength PeriodLength { get; set; }

    public ReportDays ReportsRequiredOn { get; set; }

    public int ReportDeadlineWorkingDays { get; set; }

    public TimeSpan? ReportDeadlineTime { get; set; }

    public int? MaxOverdueReports { get; set; }

    public int MaxEvidenceFilesPerReport { get; set; }

    public int PositionRetentionDays { get; set; }

    public int MaxAccuracyMeters { get; set; }

    public PerformanceRating? SuspendAtOrBelow { get; set; }

    public bool WorkPlanNeedsTargets { get; set; }

    /// <summary>Rule code → true when the rule only warns.</summary>
    public Dictionary<string, bool> WarnOnly { get; set; } = [];

    public List<UnitOverrideRow> UnitOverrides { get; set; } = [];

    public static PolicyForm From(PolicySettings s) => new()
    {
        EnabledModes = [.. s.Locations.EnabledModes.Where(m => m != WorkMode.Office)],
        AllowOneOffAddress = s.Locations.AllowOneOffAddress,
        RemoteDaysPerWeek = s.Caps.RemoteDaysPerWeek,
        RemoteDaysPerMonth = s.Caps.RemoteDaysPerMonth,
        MaxConsecutiveRemoteDays = s.Caps.MaxConsecutiveRemoteDays,
        MinOfficeDaysPerWeek = s.Caps.MinOfficeDaysPerWeek,
        ExemptOverrides = [.. s.Caps.ExemptOverrides],
        MaxAwayPercent = s.Safeguard.MaxAwayPercent,
        MinOnSiteHeadcount = s.Safeguard.MinOnSiteHeadcount,
        WorkingDays = [.. s.Time.WorkingDays],
        WeeklyHours = s.Time.WeeklyMinutes / 60.0,
        StandardStart = s.Time.StandardStart.ToTimeSpan(),
        BreakMinutes = s.Time.BreakMinutes,
        FridayBreakMinutes = s.Time.FridayBreakMinutes,
        EarliestStart = s.Time.Dynamic.EarliestStart.ToTimeSpan(),
        LatestStart = s.Time.Dynamic.LatestStart.ToTimeSpan(),
        LatestEnd = s.Time.Dynamic.LatestEnd.ToTimeSpan(),
        CoreStart = s.Time.Dynamic.CoreStart.ToTimeSpan(),
        CoreEnd = s.Time.Dynamic.CoreEnd.ToTimeSpan(),
        MinDailyHours = s.Time.Dynamic.MinDailyMinutes / 60.0,
        MaxDailyHours = s.Time.Dynamic.MaxDailyMinutes / 60.0,
        Shifts = [.. s.Time.Shifts.Select(x => new ShiftRow { Name = x.Name, Start = x.Start.ToTimeSpan(), End = x.End.ToTimeSpan() })],
        RamadanWeeklyHours = s.Time.Ramadan.WeeklyMinutes / 60.0,
        RamadanStart = s.Time.Ramadan.StandardStart.ToTimeSpan(),
        RamadanBreakMinutes = s.Time.Ramadan.BreakMinutes,
        RamadanFridayBreakMinutes = s.Time.Ramadan.FridayBreakMinutes,
        MinNoticeWorkingDays = s.Requests.MinNoticeWorkingDays,
        MaxRequestDays = s.Requests.MaxRequestDays,
        EscalateAfterWorkingDays = s.Requests.EscalateAfterWorkingDays,
        MaxEvidenceFilesPerRequest = s.Requests.MaxEvidenceFilesPerRequest,
        MaxEvidenceMegabytesPerEmployee = s.Requests.MaxEvidenceMegabytesPerEmployee,
        EvidenceRequiredFor = [.. s.Requests.EvidenceRequiredFor],
        WorkPlanRequiredFor = [.. s.Requests.WorkPlanRequiredFor],
        Approval = [.. s.Requests.Approval.Select(r => new ApprovalRow { Mode = r.Mode, FromRemoteDays = r.FromRemoteDays, Route = r.Route })],
        RequireEligiblePosition = s.Eligibility.RequireEligiblePosition,
        ExcludeDisciplinary = s.Eligibility.ExcludeDisciplinary,
        MinMonthsInPosition = s.Eligibility.MinMonthsInPosition,
        MinLastRating = s.Eligibility.MinLastRating,
        PeriodLength = s.Performance.PeriodLength,
        ReportsRequiredOn = s.Performance.ReportsRequiredOn,
        ReportDeadlineWorkingDays = s.Performance.ReportDeadlineWorkingDays,
        ReportDeadlineTime = s.Performance.ReportDeadlineTime.ToTimeSpan(),
        MaxOverdueReports = s.Performance.MaxOverdueReports,
        MaxEvidenceFilesPerReport = s.Performance.MaxEvidenceFilesPerReport,
        PositionRetentionDays = s.Presence.PositionRetentionDays,
        MaxAccuracyMeters = s.Presence.MaxAccuracyMeters,
        SuspendAtOrBelow = s.Performance.SuspendAtOrBelow,
        WorkPlanNeedsTargets = s.Requests.WorkPlanNeedsTargets,
        WarnOnly = RuleCodes.SeverityConfigurable.ToDictionary(c => c, c => s.SeverityOf(c) == FindingSeverity.Warn),
        UnitOverrides = [.. s.UnitOverrides.Select(UnitOverrideRow.From)],
    };

    public PolicySettings ToSettings() => new()
    {
        Locations = new LocationRules { EnabledModes = [.. RemoteModes.Where(EnabledModes.Contains)], AllowOneOffAddress = AllowOneOffAddress },
        Caps = new CapRules
        {
            RemoteDaysPerWeek = RemoteDaysPerWeek,
            RemoteDaysPerMonth = RemoteDaysPerMonth,
            MaxConsecutiveRemoteDays = MaxConsecutiveRemoteDays,
            MinOfficeDaysPerWeek = MinOfficeDaysPerWeek,
            ExemptOverrides = [.. Enum.GetValues<EligibilityOverrideKind>().Where(ExemptOverrides.Contains)],
        },
        Safeguard = new UnitSafeguard { MaxAwayPercent = MaxAwayPercent, MinOnSiteHeadcount = MinOnSiteHeadcount },
        Time = new WorkingTime
        {
            WorkingDays = [.. Week.Where(WorkingDays.Contains)],
            WeeklyMinutes = Minutes(WeeklyHours),
            StandardStart = Time(StandardStart),
            BreakMinutes = BreakMinutes,
            FridayBreakMinutes = FridayBreakMinutes,
            Dynamic = new DynamicHours
            {
                EarliestStart = Time(EarliestStart),
                LatestStart = Time(LatestStart),
                LatestEnd = Time(LatestEnd),
                CoreStart = Time(CoreStart),
                CoreEnd = Time(CoreEnd),
                MinDailyMinutes = Minutes(MinDailyHours),
                MaxDailyMinutes = Minutes(MaxDailyHours),
            },
            Shifts = [.. Shifts.Select(x => new ShiftPattern(x.Name.Trim(), Time(x.Start), Time(x.End)))],
            Ramadan = new RamadanSchedule
            {
                WeeklyMinutes = Minutes(RamadanWeeklyHours),
                StandardStart = Time(RamadanStart),
                BreakMinutes = RamadanBreakMinutes,
                FridayBreakMinutes = RamadanFridayBreakMinutes,
            },
        },
        Requests = new RequestRules
        {
            MinNoticeWorkingDays = MinNoticeWorkingDays,
            MaxRequestDays = MaxRequestDays,
            EscalateAfterWorkingDays = EscalateAfterWorkingDays,
            MaxEvidenceFilesPerRequest = MaxEvidenceFilesPerRequest,
            MaxEvidenceMegabytesPerEmployee = MaxEvidenceMegabytesPerEmployee,
            EvidenceRequiredFor = [.. RemoteModes.Where(EvidenceRequiredFor.Contains)],
            WorkPlanRequiredFor = [.. RemoteModes.Where(WorkPlanRequiredFor.Contains)],
            Approval = [.. Approval.Select(r => new ApprovalRule(r.Mode, r.FromRemoteDays, r.Route))],
            WorkPlanNeedsTargets = WorkPlanNeedsTargets,
        },
        Eligibility = new EligibilityRules
        {
            RequireEligiblePosition = RequireEligiblePosition,
            ExcludeDisciplinary = ExcludeDisciplinary,
            MinMonthsInPosition = MinMonthsInPosition,
            MinLastRating = MinLastRating,
        },
        Performance = new PerformanceRules
        {
            PeriodLength = PeriodLength,
            ReportsRequiredOn = ReportsRequiredOn,
            ReportDeadlineWorkingDays = ReportDeadlineWorkingDays,
            ReportDeadlineTime = Time(ReportDeadlineTime),
            MaxOverdueReports = MaxOverdueReports,
            MaxEvidenceFilesPerReport = MaxEvidenceFilesPerReport,
            SuspendAtOrBelow = SuspendAtOrBelow,
        },
        Presence = new PresenceRules { PositionRetentionDays = PositionRetentionDays, MaxAccuracyMeters = MaxAccuracyMeters },
        Severities = WarnOnly.Where(w => w.Value).ToDictionary(w => w.Key, _ => FindingSeverity.Warn), // rules block unless listed
        UnitOverrides = [.. UnitOverrides.Where(u => u.UnitId is not null).Select(u => u.ToOverride())],
    };

    /// <summary>
    /// The form field that a validation failure of <see cref="ToSettings"/> belongs to (the
    /// validator speaks of the settings, e.g. <c>Time.Shifts[1].End</c>), so that every message
    /// shows next to its field. A path with no field of its own stays on the form as a whole.
    /// </summary>
    public FieldIdentifier FieldOf(string path)
    {
        if (Row(path, "Time.Shifts", Shifts) is { } shift)
        {
            return shift;
        }

        if (Row(path, "UnitOverrides", [.. UnitOverrides.Where(u => u.UnitId is not null)]) is { } unit)
        {
            return unit;
        }

        return new FieldIdentifier(this, path switch
        {
            "Caps.RemoteDaysPerWeek" => nameof(RemoteDaysPerWeek),
            "Caps.RemoteDaysPerMonth" => nameof(RemoteDaysPerMonth),
            "Caps.MaxConsecutiveRemoteDays" => nameof(MaxConsecutiveRemoteDays),
            "Caps.MinOfficeDaysPerWeek" => nameof(MinOfficeDaysPerWeek),
            "Safeguard.MaxAwayPercent" => nameof(MaxAwayPercent),
            "Safeguard.MinOnSiteHeadcount" => nameof(MinOnSiteHeadcount),
            "Time.WorkingDays" => nameof(WorkingDays),
            "Time.WeeklyMinutes" => nameof(WeeklyHours),
            "Time.StandardStart" => nameof(StandardStart),
            "Time.BreakMinutes" => nameof(BreakMinutes),
            "Time.FridayBreakMinutes" => nameof(FridayBreakMinutes),
            "Time.Dynamic.LatestStart" => nameof(LatestStart),
            "Time.Dynamic.LatestEnd" => nameof(LatestEnd),
            "Time.Dynamic.CoreStart" => nameof(CoreStart),
            "Time.Dynamic.CoreEnd" => nameof(CoreEnd),
            "Time.Dynamic.MinDailyMinutes" => nameof(MinDailyHours),
            "Time.Dynamic.MaxDailyMinutes" => nameof(MaxDailyHours),
            "Time.Shifts" => nameof(Shifts),
            "Time.Ramadan.WeeklyMinutes" => nameof(RamadanWeeklyHours),
            "Time.Ramadan.BreakMinutes" => nameof(RamadanBreakMinutes),
            "Time.Ramadan.FridayBreakMinutes" => nameof(RamadanFridayBreakMinutes),
            "Requests.MinNoticeWorkingDays" => nameof(MinNoticeWorkingDays),
            "Requests.MaxRequestDays" => nameof(MaxRequestDays),
            "Requests.EscalateAfterWorkingDays" => nameof(EscalateAfterWorkingDays),
            "Requests.MaxEvidenceFilesPerRequest" => nameof(MaxEvidenceFilesPerRequest),
            "Requests.MaxEvidenceMegabytesPerEmployee" => nameof(MaxEvidenceMegabytesPerEmployee),
            "Eligibility.MinMonthsInPosition" => nameof(MinMonthsInPosition),
            "Performance.ReportDeadlineWorkingDays" => nameof(ReportDeadlineWorkingDays),
            "Performance.MaxOverdueReports" => nameof(MaxOverdueReports),
            "Performance.MaxEvidenceFilesPerReport" => nameof(MaxEvidenceFilesPerReport),
            "Presence.PositionRetentionDays" => nameof(PositionRetentionDays),
            "Presence.MaxAccuracyMeters" => nameof(MaxAccuracyMeters),
            "UnitOverrides" => nameof(UnitOverrides),
            _ => path,
        });
    }

    /// <summary>For <c>{list}[i].{member}</c>: the i-th row's field of that name (the rows' members are named as in the settings).</summary>
    private static FieldIdentifier? Row<TRow>(string path, string list, List<TRow> rows)
        where TRow : class
    {
        var match = RowPath().Match(path);
        return match.Success && match.Groups[1].Value == list && int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < rows.Count
            ? new FieldIdentifier(rows[i], match.Groups[3].Value)
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([\w.]+)\[(\d+)\]\.(\w+)$")]
    private static partial System.Text.RegularExpressions.Regex RowPath();

    private static int Minutes(double hours) => (int)Math.Round(hours * 60);

    private static TimeOnly Time(TimeSpan? value) => value is { } time ? TimeOnly.FromTimeSpan(time) : TimeOnly.MinValue;


    public sealed class ShiftRow
    {
        public string Name { get; set; } = "";

        public TimeSpan? Start { get; set; }

        public TimeSpan? End { get; set; }
    }

    public sealed class ApprovalRow
    {
        public WorkMode Mode { get; set; }

        public int FromRemoteDays { get; set; }

        public ApprovalRoute Route { get; set; }
    }

    public sealed class UnitOverrideRow
    {
        public Guid? UnitId { get; set; }

        /// <summary>False: the unit keeps the agency's modes.</summary>
        public bool OwnModes { get; set; }

        public HashSet<WorkMode> EnabledModes { get; set; } = [];

        public int? RemoteDaysPerWeek { get; set; }

        public int? RemoteDaysPerMonth { get; set; }

        public int? MinOfficeDaysPerWeek { get; set; }

        public int? MaxAwayPercent { get; set; }

        public int? MinOnSiteHeadcount { get; set; }

        public static UnitOverrideRow From(UnitOverride o) => new()
        {
            UnitId = o.UnitId,
            OwnModes = o.EnabledModes is not null,
            EnabledModes = [.. o.EnabledModes ?? []],
            RemoteDaysPerWeek = o.RemoteDaysPerWeek,
            RemoteDaysPerMonth = o.RemoteDaysPerMonth,
            MinOfficeDaysPerWeek = o.MinOfficeDaysPerWeek,
            MaxAwayPercent = o.MaxAwayPercent,
            MinOnSiteHeadcount = o.MinOnSiteHeadcount,
        };

        public UnitOverride ToOverride() => new()
        {
            UnitId = UnitId!.Value,
            EnabledModes = OwnModes ? [.. RemoteModes.Where(EnabledModes.Contains)] : null,
            RemoteDaysPerWeek = RemoteDaysPerWeek,
            RemoteDaysPerMonth = RemoteDaysPerMonth,
            MinOfficeDaysPerWeek = MinOfficeDaysPerWeek,
            MaxAwayPercent = MaxAwayPercent,
            MinOnSiteHeadcount = MinOnSiteHeadcount,
        };
    }
}
