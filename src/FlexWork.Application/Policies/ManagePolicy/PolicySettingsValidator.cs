using FlexWork.Domain.Policies;
using FluentValidation;

namespace FlexWork.Application.Policies.ManagePolicy;

/// <summary>
/// Settings that contradict themselves or the calendar are refused with a message that says
/// which rule and why (the error code is the message key, e.g. <c>Error.POLICY_CORE_OUTSIDE_WINDOW</c>).
/// </summary>
public sealed class PolicySettingsValidator : AbstractValidator<PolicySettings>
{
    public PolicySettingsValidator()
    {
        RuleFor(x => x.Locations.EnabledModes).Must(m => m.Distinct().Count() == m.Count).WithErrorCode("POLICY_MODES_REPEATED");

        RuleFor(x => x.Caps.RemoteDaysPerWeek)
            .Must((settings, cap) => cap >= 0 && cap <= settings.Time.WorkingDays.Count).WithErrorCode("POLICY_WEEKLY_CAP_RANGE");
        RuleFor(x => x.Caps.RemoteDaysPerMonth).InclusiveBetween(0, 23).WithErrorCode("POLICY_MONTHLY_CAP_RANGE");
        RuleFor(x => x.Caps.MaxConsecutiveRemoteDays).InclusiveBetween(1, 23).WithErrorCode("POLICY_CONSECUTIVE_RANGE");
        RuleFor(x => x.Caps.MinOfficeDaysPerWeek)
            .Must((settings, min) => min is null || (min >= 0 && min <= settings.Time.WorkingDays.Count)).WithErrorCode("POLICY_OFFICE_MINIMUM_RANGE");

        RuleFor(x => x.Safeguard.MaxAwayPercent).InclusiveBetween(0, 100).WithErrorCode("POLICY_AWAY_SHARE_RANGE");
        RuleFor(x => x.Safeguard.MinOnSiteHeadcount).InclusiveBetween(0, 10_000).WithErrorCode("POLICY_ONSITE_HEADCOUNT_RANGE");

        RuleFor(x => x.Time.WorkingDays).NotEmpty().WithErrorCode("POLICY_WORKING_DAYS_REQUIRED")
            .Must(d => d.Distinct().Count() == d.Count).WithErrorCode("POLICY_WORKING_DAYS_REPEATED");
        RuleFor(x => x.Time.WeeklyMinutes).InclusiveBetween(60, 3600).WithErrorCode("POLICY_WEEKLY_HOURS_RANGE");
        RuleFor(x => x.Time.BreakMinutes).InclusiveBetween(0, 240).WithErrorCode("POLICY_BREAK_RANGE");
        RuleFor(x => x.Time.FridayBreakMinutes).InclusiveBetween(0, 240).WithErrorCode("POLICY_BREAK_RANGE");
        RuleFor(x => x.Time.StandardStart)
            .Must((settings, start) => start >= settings.Time.Dynamic.EarliestStart && start <= settings.Time.Dynamic.LatestStart)
            .WithErrorCode("POLICY_STANDARD_START_OUTSIDE_WINDOW");

        RuleFor(x => x.Time.Dynamic.LatestStart)
            .Must((settings, latest) => latest >= settings.Time.Dynamic.EarliestStart).WithErrorCode("POLICY_START_WINDOW_INVALID");
        RuleFor(x => x.Time.Dynamic.LatestEnd)
            .Must((settings, end) => end > settings.Time.Dynamic.LatestStart).WithErrorCode("POLICY_LATEST_END_INVALID");
        RuleFor(x => x.Time.Dynamic.CoreEnd)
            .Must((settings, end) => end > settings.Time.Dynamic.CoreStart).WithErrorCode("POLICY_CORE_HOURS_INVALID");
        RuleFor(x => x.Time.Dynamic.CoreStart)
            .Must((settings, start) => start >= settings.Time.Dynamic.EarliestStart && settings.Time.Dynamic.CoreEnd <= settings.Time.Dynamic.LatestEnd)
            .WithErrorCode("POLICY_CORE_OUTSIDE_WINDOW")
            .Must((settings, start) => start >= settings.Time.Dynamic.LatestStart)
            .WithErrorCode("POLICY_CORE_BEFORE_LATEST_START");
        RuleFor(x => x.Time.Dynamic.MinDailyMinutes).InclusiveBetween(0, 1440).WithErrorCode("POLICY_DAILY_HOURS_RANGE");
        RuleFor(x => x.Time.Dynamic.MaxDailyMinutes)
            .Must((settings, max) => max >= settings.Time.Dynamic.MinDailyMinutes && max <= 1440).WithErrorCode("POLICY_DAILY_HOURS_RANGE");

        RuleForEach(x => x.Time.Shifts).ChildRules(shift =>
        {
            shift.RuleFor(s => s.Name).NotEmpty().WithErrorCode("POLICY_SHIFT_NAME_REQUIRED").MaximumLength(100).WithErrorCode("NAME_TOO_LONG");
            shift.RuleFor(s => s.End).Must((s, end) => end > s.Start).WithErrorCode("POLICY_SHIFT_TIMES_INVALID");
        });
        RuleFor(x => x.Time.Shifts).Must(s => s.Select(x => x.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == s.Count)
            .WithErrorCode("POLICY_SHIFT_NAME_REPEATED");

        RuleFor(x => x.Time.Ramadan.WeeklyMinutes).InclusiveBetween(60, 3600).WithErrorCode("POLICY_WEEKLY_HOURS_RANGE");
        RuleFor(x => x.Time.Ramadan.BreakMinutes).InclusiveBetween(0, 240).WithErrorCode("POLICY_BREAK_RANGE");
        RuleFor(x => x.Time.Ramadan.FridayBreakMinutes).InclusiveBetween(0, 240).WithErrorCode("POLICY_BREAK_RANGE");

        RuleFor(x => x.Requests.MinNoticeWorkingDays).InclusiveBetween(0, 30).WithErrorCode("POLICY_NOTICE_RANGE");
        RuleFor(x => x.Requests.MaxRequestDays).InclusiveBetween(1, 366).WithErrorCode("POLICY_REQUEST_LENGTH_RANGE");
        RuleFor(x => x.Requests.EscalateAfterWorkingDays).InclusiveBetween(1, 30).WithErrorCode("POLICY_ESCALATION_RANGE");
        RuleFor(x => x.Requests.MaxEvidenceFilesPerRequest).InclusiveBetween(1, 20).WithErrorCode("POLICY_EVIDENCE_FILES_RANGE");
        RuleFor(x => x.Requests.MaxEvidenceMegabytesPerEmployee).InclusiveBetween(5, 1024).WithErrorCode("POLICY_EVIDENCE_STORAGE_RANGE");
        RuleForEach(x => x.Requests.Approval).Must(r => r.FromRemoteDays is >= 0 and <= 366).WithErrorCode("POLICY_APPROVAL_RULE_INVALID");

        RuleFor(x => x.Eligibility.MinMonthsInPosition).InclusiveBetween(0, 120).WithErrorCode("POLICY_TENURE_RANGE");

        RuleFor(x => x.Performance.PeriodLength).IsInEnum().WithErrorCode("POLICY_PERFORMANCE_OPTION_INVALID");
        RuleFor(x => x.Performance.ReportsRequiredOn).IsInEnum().WithErrorCode("POLICY_PERFORMANCE_OPTION_INVALID");
        RuleFor(x => x.Performance.SuspendAtOrBelow).IsInEnum().WithErrorCode("POLICY_PERFORMANCE_OPTION_INVALID");
        RuleFor(x => x.Eligibility.MinLastRating).IsInEnum().WithErrorCode("POLICY_PERFORMANCE_OPTION_INVALID");
        RuleFor(x => x.Performance.ReportDeadlineWorkingDays).InclusiveBetween(0, 10).WithErrorCode("POLICY_REPORT_DEADLINE_RANGE");
        RuleFor(x => x.Performance.MaxOverdueReports).InclusiveBetween(0, 100).WithErrorCode("POLICY_OVERDUE_RANGE");
        RuleFor(x => x.Presence.PositionRetentionDays).InclusiveBetween(1, 365).WithErrorCode("POLICY_PRESENCE_RETENTION_RANGE");
        RuleFor(x => x.Presence.MaxAccuracyMeters).InclusiveBetween(10, 5000).WithErrorCode("POLICY_PRESENCE_ACCURACY_RANGE");
        RuleFor(x => x.Performance.MaxEvidenceFilesPerReport).InclusiveBetween(1, 20).WithErrorCode("POLICY_REPORT_EVIDENCE_FILES_RANGE");

        RuleFor(x => x.Severities)
            .Must(s => s.Keys.All(RuleCodes.SeverityConfigurable.Contains)).WithErrorCode("POLICY_SEVERITY_NOT_CONFIGURABLE");

        RuleFor(x => x.UnitOverrides).Must(o => o.Select(u => u.UnitId).Distinct().Count() == o.Count).WithErrorCode("POLICY_UNIT_OVERRIDE_REPEATED");
        RuleForEach(x => x.UnitOverrides).ChildRules(unit =>
        {
            unit.RuleFor(u => u.RemoteDaysPerWeek).InclusiveBetween(0, 7).WithErrorCode("POLICY_WEEKLY_CAP_RANGE");
            unit.RuleFor(u => u.RemoteDaysPerMonth).InclusiveBetween(0, 23).WithErrorCode("POLICY_MONTHLY_CAP_RANGE");
            unit.RuleFor(u => u.MinOfficeDaysPerWeek).InclusiveBetween(0, 7).WithErrorCode("POLICY_OFFICE_MINIMUM_RANGE");
            unit.RuleFor(u => u.MaxAwayPercent).InclusiveBetween(0, 100).WithErrorCode("POLICY_AWAY_SHARE_RANGE");
            unit.RuleFor(u => u.MinOnSiteHeadcount).InclusiveBetween(0, 10_000).WithErrorCode("POLICY_ONSITE_HEADCOUNT_RANGE");
        });
    }
}
