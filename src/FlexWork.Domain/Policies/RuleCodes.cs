namespace FlexWork.Domain.Policies;

/// <summary>The stable codes of the policy rules, with the clause each one rests on.</summary>
public static class RuleCodes
{
    public const string ModeNotAllowed = "MODE_NOT_ALLOWED";
    public const string LocationNotApproved = "LOCATION_NOT_APPROVED";
    public const string EmployeeNotEligible = "EMPLOYEE_NOT_ELIGIBLE";
    public const string PositionNotEligible = "POSITION_NOT_ELIGIBLE";
    public const string NoticeTooShort = "NOTICE_TOO_SHORT";
    public const string RequestTooLong = "REQUEST_TOO_LONG";
    public const string WeeklyRemoteCap = "WEEKLY_REMOTE_CAP";
    public const string MonthlyRemoteCap = "MONTHLY_REMOTE_CAP";
    public const string ConsecutiveRemoteCap = "CONSECUTIVE_REMOTE_CAP";
    public const string WeeklyOfficeMinimum = "WEEKLY_OFFICE_MINIMUM";
    public const string UnitOnsiteMinimum = "UNIT_ONSITE_MINIMUM";
    public const string BlackoutDate = "BLACKOUT_DATE";
    public const string NonWorkingDay = "NON_WORKING_DAY";
    public const string HoursOutsideWindow = "HOURS_OUTSIDE_WINDOW";
    public const string CoreHoursNotCovered = "CORE_HOURS_NOT_COVERED";
    public const string WeeklyHoursShort = "WEEKLY_HOURS_SHORT";
    public const string OverlapsExisting = "OVERLAPS_EXISTING";
    public const string EvidenceRequired = "EVIDENCE_REQUIRED";
    public const string WorkPlanRequired = "WORK_PLAN_REQUIRED";
    public const string ReportsOverdue = "REPORTS_OVERDUE";

    public static IReadOnlyList<string> All { get; } =
    [
        ModeNotAllowed, LocationNotApproved, EmployeeNotEligible, PositionNotEligible, NoticeTooShort, RequestTooLong,
        WeeklyRemoteCap, MonthlyRemoteCap, ConsecutiveRemoteCap, WeeklyOfficeMinimum, UnitOnsiteMinimum, BlackoutDate,
        NonWorkingDay, HoursOutsideWindow, CoreHoursNotCovered, WeeklyHoursShort, OverlapsExisting, EvidenceRequired,
        WorkPlanRequired, ReportsOverdue,
    ];

    /// <summary>
    /// Rules an agency may turn into warnings (or back into blocks). The others describe
    /// requests that cannot be carried out at all, or the regulation's hard lines.
    /// </summary>
    public static IReadOnlyList<string> SeverityConfigurable { get; } =
    [
        NoticeTooShort, MonthlyRemoteCap, ConsecutiveRemoteCap, WeeklyOfficeMinimum, UnitOnsiteMinimum, HoursOutsideWindow,
        CoreHoursNotCovered, WeeklyHoursShort, EvidenceRequired, WorkPlanRequired, ReportsOverdue,
    ];

    /// <summary>The regulation behind a rule, or the agency's own policy where the regulation leaves it to the agency.</summary>
    public static string ClauseOf(string code) => code switch
    {
        WeeklyRemoteCap => "PermenPANRB 4/2025 Pasal 13 ayat (1)",
        PositionNotEligible => "PermenPANRB 4/2025 Pasal 23",
        EmployeeNotEligible => "PermenPANRB 4/2025 Pasal 25",
        UnitOnsiteMinimum => "PermenPANRB 4/2025: proporsi pegawai yang bekerja di luar kantor (ditetapkan pimpinan instansi)",
        HoursOutsideWindow or CoreHoursNotCovered or WeeklyHoursShort or NonWorkingDay =>
            "Perpres 21/2023 (37,5 jam per minggu) dan kebijakan jam kerja instansi",
        ReportsOverdue => "PermenPANRB 4/2025 Pasal 35 (pemantauan kinerja) dan kebijakan laporan kerja instansi",
        _ => "Kebijakan kerja fleksibel instansi",
    };
}
