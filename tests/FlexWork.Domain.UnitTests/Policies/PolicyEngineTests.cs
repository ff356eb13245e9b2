using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using static FlexWork.Domain.UnitTests.Policies.PolicyTestKit;

namespace FlexWork.Domain.UnitTests.Policies;

public class PolicyEngineTests
{
    [Fact]
    public void Two_home_days_with_a_work_plan_under_the_regulation_defaults_are_clean() =>
        Assert.Empty(Check([Home(Dec(15)), Home(Dec(17))]));

    [Fact]
    public void An_empty_request_has_nothing_to_judge() => Assert.Empty(Check([]));

    // MODE_NOT_ALLOWED

    [Fact]
    public void A_mode_the_policy_does_not_enable_is_blocked_and_the_office_is_always_allowed()
    {
        var homeOnly = PolicySettings.Regulation with { Locations = new LocationRules { EnabledModes = [WorkMode.Home] } };
        var findings = Check([Day(Dec(14), WorkMode.OtherOffice, locationId: OtherOfficeId), Home(Dec(15)), Office(Dec(16))], homeOnly);

        Assert.Equal(["MODE_NOT_ALLOWED@2026-12-14"], Codes(findings, RuleCodes.ModeNotAllowed));
        Assert.Equal(FindingSeverity.Block, findings.Single(f => f.Code == RuleCodes.ModeNotAllowed).Severity);
        Assert.Equal(["OtherOffice"], findings.Single(f => f.Code == RuleCodes.ModeNotAllowed).Arguments);
    }

    // LOCATION_NOT_APPROVED

    [Fact]
    public void Other_office_and_other_location_days_need_an_approved_location_of_the_right_kind()
    {
        var findings = Check(
        [
            Day(Dec(14), WorkMode.OtherOffice),                              // none given
            Day(Dec(15), WorkMode.OtherOffice, locationId: Guid.NewGuid()), // not on the list
            Day(Dec(16), WorkMode.OtherOffice, locationId: CoworkingId),    // listed, but not an office
            Day(Dec(17), WorkMode.OtherOffice, locationId: OtherOfficeId),  // fine
        ], PolicySettings.Regulation with { Caps = new CapRules { RemoteDaysPerWeek = 5 } });

        Assert.Equal(
            ["LOCATION_NOT_APPROVED@2026-12-14", "LOCATION_NOT_APPROVED@2026-12-15", "LOCATION_NOT_APPROVED@2026-12-16"],
            Codes(findings, RuleCodes.LocationNotApproved));
        Assert.Equal("LOCATION_NOT_APPROVED.Missing", findings.First(f => f.Code == RuleCodes.LocationNotApproved).MessageKey);
    }

    [Fact]
    public void A_one_off_address_needs_the_policy_to_allow_it_and_a_justification()
    {
        RequestDay[] days = [Day(Dec(15), WorkMode.OtherLocation, address: "Perpustakaan Nasional, Jl. Medan Merdeka Selatan 11")];
        var allowed = PolicySettings.Regulation with { Locations = new LocationRules { AllowOneOffAddress = true } };

        Assert.Equal("LOCATION_NOT_APPROVED.OneOffNotAllowed", Check(days, evidence: true).Single().MessageKey);
        Assert.Empty(Check(days, allowed, evidence: true));
        Assert.Equal("LOCATION_NOT_APPROVED.JustificationMissing", Check(days, allowed, evidence: true, reason: " ").Single().MessageKey);
        Assert.Empty(Check([Day(Dec(15), WorkMode.OtherLocation, locationId: CoworkingId)], evidence: true));
    }

    // EMPLOYEE_NOT_ELIGIBLE and POSITION_NOT_ELIGIBLE

    [Fact]
    public void A_disciplinary_process_that_overlaps_the_remote_days_makes_the_employee_ineligible()
    {
        var inProcess = Eligible with { Disciplinary = DisciplinaryStatus.InProcess, DisciplinaryFrom = new DateOnly(2026, 11, 1) };
        var finding = Check([Home(Dec(15))], employee: inProcess).Single();
        Assert.Equal((RuleCodes.EmployeeNotEligible, "EMPLOYEE_NOT_ELIGIBLE.InProcess", (DateOnly?)null), (finding.Code, finding.MessageKey, finding.Date));
        Assert.Equal("PermenPANRB 4/2025 Pasal 25", finding.Clause);

        var served = Eligible with
        {
            Disciplinary = DisciplinaryStatus.ServingPenalty, DisciplinaryFrom = new DateOnly(2026, 1, 1), DisciplinaryUntil = Dec(14),
        };
        Assert.Empty(Check([Home(Dec(15))], employee: served));
        Assert.Single(Check([Home(Dec(14)), Home(Dec(15))], employee: served, today: new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [InlineData("2025-12-14", true)]  // exactly 12 months on the day
    [InlineData("2025-12-15", false)] // one day short
    [InlineData("2026-09-01", false)]
    public void The_new_employee_rule_counts_months_in_the_position_up_to_the_first_remote_day(string positionStart, bool eligible)
    {
        var employee = Eligible with { PositionStart = DateOnly.Parse(positionStart, System.Globalization.CultureInfo.InvariantCulture) };
        var findings = Check([Home(Dec(14))], employee: employee);
        Assert.Equal(eligible, findings.Count == 0);
        if (!eligible)
        {
            Assert.Equal("EMPLOYEE_NOT_ELIGIBLE.Tenure", findings.Single().MessageKey);
        }
    }

    [Fact]
    public void An_optional_minimum_rating_blocks_a_worse_rating_but_not_a_missing_one()
    {
        var policy = PolicySettings.Regulation with { Eligibility = new EligibilityRules { MinLastRating = PerformanceRating.Baik } };
        Assert.Equal("EMPLOYEE_NOT_ELIGIBLE.Rating", Check([Home(Dec(15))], policy, Eligible with { LastEvaluation = new("2026-11", PerformanceRating.ButuhPerbaikan, new(Dec(1), Dec(31))) }).Single().MessageKey);
        Assert.Empty(Check([Home(Dec(15))], policy, Eligible with { LastEvaluation = new("2026-11", PerformanceRating.Baik, new(Dec(1), Dec(31))) }));
        Assert.Empty(Check([Home(Dec(15))], policy, Eligible));
    }

    [Fact]
    public void An_ineligible_position_blocks_remote_days_but_not_office_days()
    {
        var frontLine = Eligible with { PositionEligible = false };
        var finding = Check([Home(Dec(15))], employee: frontLine).Single();
        Assert.Equal((RuleCodes.PositionNotEligible, "PermenPANRB 4/2025 Pasal 23"), (finding.Code, finding.Clause));
        Assert.Empty(Check([Office(Dec(15))], employee: frontLine));
        Assert.Empty(Check([Home(Dec(15))], PolicySettings.Regulation with { Eligibility = new EligibilityRules { RequireEligiblePosition = false } }, frontLine));
    }

    [Fact]
    public void An_eligibility_override_in_force_through_the_last_remote_day_sets_the_eligibility_rules_aside()
    {
        var ineligible = Eligible with
        {
            PositionEligible = false, PositionStart = new DateOnly(2026, 10, 1), Disciplinary = DisciplinaryStatus.InProcess,
            DisciplinaryFrom = new DateOnly(2026, 11, 1), OverrideKind = EligibilityOverrideKind.SpecialCircumstances,
        };
        Assert.Empty(Check([Home(Dec(15))], employee: ineligible with { OverrideUntil = Dec(15) }));
        Assert.Equal(3, Check([Home(Dec(15))], employee: ineligible with { OverrideUntil = Dec(14) }).Count);
    }

    // NOTICE_TOO_SHORT

    [Fact]
    public void One_working_day_of_notice_lets_a_friday_request_start_on_monday_but_not_a_monday_request()
    {
        Assert.Empty(Check([Home(Dec(14))], today: new DateOnly(2026, 12, 11)));
        var finding = Check([Home(Dec(14)), Home(Dec(15))], today: Dec(14)).Single();
        Assert.Equal(("NOTICE_TOO_SHORT", (DateOnly?)Dec(14)), (finding.Code, finding.Date));
        Assert.Equal(["1", "2026-12-15"], finding.Arguments);
    }

    [Fact]
    public void Notice_is_counted_from_the_employees_local_date_so_a_wita_employee_is_a_day_ahead_at_midnight()
    {
        var now = new DateTimeOffset(2026, 12, 14, 16, 30, 0, TimeSpan.Zero); // 23:30 WIB, 00:30 WITA on the 15th
        var wib = PolicyCheckContext.TodayIn(now, IndonesianTimeZones.Wib);
        var wita = PolicyCheckContext.TodayIn(now, IndonesianTimeZones.Wita);
        Assert.Equal((Dec(14), Dec(15)), (wib, wita));

        Assert.Empty(Check([Home(Dec(15))], today: wib));
        Assert.Equal(["NOTICE_TOO_SHORT@2026-12-15"], Codes(Check([Home(Dec(15))], today: wita)));
    }

    // REQUEST_TOO_LONG

    [Fact]
    public void A_request_may_span_92_days_but_not_93()
    {
        var start = Dec(14);
        Assert.Empty(Check([Office(start), Office(start.AddDays(91))]));
        var finding = Check([Office(start), Office(start.AddDays(94))]).Single(); // a Thursday, 95 days in all
        Assert.Equal((RuleCodes.RequestTooLong, (DateOnly?)null), (finding.Code, finding.Date));
        Assert.Equal(["95", "92"], finding.Arguments);
    }

    // WEEKLY_REMOTE_CAP

    [Fact]
    public void Two_remote_days_in_a_week_pass_and_the_third_is_blocked_on_that_day()
    {
        Assert.Empty(Check([Home(Dec(14)), Home(Dec(15))]));
        var findings = Check([Home(Dec(14)), Home(Dec(15)), Home(Dec(16))]);
        var finding = Assert.Single(findings);
        Assert.Equal(("WEEKLY_REMOTE_CAP", (DateOnly?)Dec(16), FindingSeverity.Block), (finding.Code, finding.Date, finding.Severity));
        Assert.Equal("PermenPANRB 4/2025 Pasal 13 ayat (1)", finding.Clause);
    }

    [Fact]
    public void Approved_and_pending_days_count_against_the_cap_first()
    {
        var findings = Check([Home(Dec(16)), Home(Dec(17))], others: [new PlannedDay(Dec(14), WorkMode.Home), new PlannedDay(Dec(18), WorkMode.Office)]);
        Assert.Equal(["WEEKLY_REMOTE_CAP@2026-12-17"], Codes(findings));
    }

    [Fact]
    public void A_week_that_spans_two_months_is_one_week_for_the_weekly_cap()
    {
        var findings = Check([Home(new DateOnly(2026, 11, 30)), Home(Dec(1)), Home(Dec(2))], today: new DateOnly(2026, 11, 23));
        Assert.Equal(["WEEKLY_REMOTE_CAP@2026-12-02"], Codes(findings));
    }

    [Fact]
    public void A_holiday_in_the_week_is_not_a_working_day_and_does_not_count()
    {
        var christmasEve = new WorkCalendar([Dec(24), Dec(25)], []);
        var findings = Check([Home(Dec(22)), Home(Dec(23)), Home(Dec(24))], calendar: christmasEve);
        Assert.Equal(["NON_WORKING_DAY@2026-12-24"], Codes(findings));
        Assert.Equal("NON_WORKING_DAY.Holiday", findings.Single().MessageKey);
    }

    [Fact]
    public void An_override_the_policy_exempts_lifts_the_caps_and_other_overrides_do_not()
    {
        RequestDay[] threeDays = [Home(Dec(14)), Home(Dec(15)), Home(Dec(16))];
        var duty = Eligible with { OverrideKind = EligibilityOverrideKind.DutyOutsideOffice, OverrideUntil = Dec(31) };
        Assert.Empty(Check(threeDays, employee: duty));
        Assert.Equal(["WEEKLY_REMOTE_CAP@2026-12-16"], Codes(Check(threeDays, employee: duty with { OverrideKind = EligibilityOverrideKind.SpecialCircumstances })));
    }

    // MONTHLY_REMOTE_CAP

    [Fact]
    public void Eight_remote_days_in_a_month_pass_and_the_ninth_is_blocked_even_in_a_quiet_week()
    {
        RequestDay[] eight = [Home(Dec(8)), Home(Dec(9)), Home(Dec(15)), Home(Dec(16)), Home(Dec(22)), Home(Dec(23)), Home(Dec(29)), Home(Dec(30))];
        Assert.Empty(Check(eight, today: new DateOnly(2026, 12, 1)));
        var findings = Check([.. eight, Home(Dec(2))], today: new DateOnly(2026, 12, 1));
        Assert.Equal(["MONTHLY_REMOTE_CAP@2026-12-30"], Codes(findings, RuleCodes.MonthlyRemoteCap));
    }

    [Fact]
    public void The_monthly_cap_counts_each_day_in_its_own_month()
    {
        var policy = PolicySettings.Regulation with { Caps = new CapRules { RemoteDaysPerMonth = 1 } };
        Assert.Empty(Check([Home(new DateOnly(2026, 11, 30)), Home(Dec(1))], policy, today: new DateOnly(2026, 11, 23)));
    }

    // CONSECUTIVE_REMOTE_CAP and WEEKLY_OFFICE_MINIMUM

    [Fact]
    public void Consecutive_remote_days_run_across_a_weekend()
    {
        var policy = PolicySettings.Regulation with { Caps = new CapRules { MaxConsecutiveRemoteDays = 2 } };
        Assert.Equal(["CONSECUTIVE_REMOTE_CAP@2026-12-21"], Codes(Check([Home(Dec(17)), Home(Dec(18)), Home(Dec(21))], policy)));
        Assert.Empty(Check([Home(Dec(17)), Home(Dec(18)), Office(Dec(21)), Home(Dec(22))], policy));
    }

    [Fact]
    public void A_minimum_of_office_days_counts_the_weeks_working_days_less_holidays()
    {
        var policy = PolicySettings.Regulation with { Caps = new CapRules { RemoteDaysPerWeek = 3, MinOfficeDaysPerWeek = 3 } };
        Assert.Empty(Check([Home(Dec(14)), Home(Dec(15))], policy));
        Assert.Equal(["WEEKLY_OFFICE_MINIMUM@2026-12-16"], Codes(Check([Home(Dec(14)), Home(Dec(15)), Home(Dec(16))], policy)));
    }

    // UNIT_ONSITE_MINIMUM

    [Fact]
    public void The_unit_may_have_30_percent_away_and_more_is_a_warning_by_default()
    {
        Assert.Empty(Check([Home(Dec(15))], unit: new UnitOccupancy(10, new Dictionary<DateOnly, int> { [Dec(15)] = 2 })));

        var finding = Check([Home(Dec(15))], unit: new UnitOccupancy(10, new Dictionary<DateOnly, int> { [Dec(15)] = 3 })).Single();
        Assert.Equal((RuleCodes.UnitOnsiteMinimum, FindingSeverity.Warn, "UNIT_ONSITE_MINIMUM.Share"), (finding.Code, finding.Severity, finding.MessageKey));
        Assert.Equal(["4", "10", "30"], finding.Arguments);
    }

    [Fact]
    public void A_minimum_head_count_on_site_and_a_policy_that_makes_it_a_block()
    {
        var policy = PolicySettings.Regulation with
        {
            Safeguard = new UnitSafeguard { MaxAwayPercent = 50, MinOnSiteHeadcount = 8 },
            Severities = new Dictionary<string, FindingSeverity> { [RuleCodes.UnitOnsiteMinimum] = FindingSeverity.Block },
        };
        Assert.Empty(Check([Home(Dec(15))], policy, unit: new UnitOccupancy(10, new Dictionary<DateOnly, int> { [Dec(15)] = 1 })));
        var finding = Check([Home(Dec(15))], policy, unit: new UnitOccupancy(10, new Dictionary<DateOnly, int> { [Dec(15)] = 2 })).Single();
        Assert.Equal(("UNIT_ONSITE_MINIMUM.Headcount", FindingSeverity.Block), (finding.MessageKey, finding.Severity));
    }

    // BLACKOUT_DATE and NON_WORKING_DAY

    [Fact]
    public void A_mandatory_office_day_blocks_remote_work_but_not_the_office()
    {
        var apel = new WorkCalendar([], [Dec(17)]);
        Assert.Equal(["BLACKOUT_DATE@2026-12-17"], Codes(Check([Home(Dec(17))], calendar: apel)));
        Assert.Empty(Check([Office(Dec(17))], calendar: apel));
    }

    [Fact]
    public void Weekends_and_holidays_are_not_working_days_whatever_the_mode()
    {
        var findings = Check([Office(Dec(19)), Home(Dec(25))], calendar: new WorkCalendar([Dec(25)], []));
        Assert.Equal(["NON_WORKING_DAY@2026-12-19", "NON_WORKING_DAY@2026-12-25"], Codes(findings));
        Assert.Equal(["NON_WORKING_DAY.Weekend", "NON_WORKING_DAY.Holiday"], findings.Select(f => f.MessageKey));
    }

    // HOURS_OUTSIDE_WINDOW and CORE_HOURS_NOT_COVERED

    [Theory]
    [InlineData("06:00", "15:00", true)]  // earliest start
    [InlineData("05:59", "15:00", false)]
    [InlineData("09:00", "17:30", true)]  // latest start
    [InlineData("09:01", "17:30", false)]
    [InlineData("09:00", "20:01", false)] // after the latest end
    [InlineData("07:00", "19:30", false)] // 11.5 h net: more than 10
    public void Start_and_length_must_fit_the_dynamic_window(string start, string end, bool fits)
    {
        var findings = Check([Home(Dec(15), start, end)]);
        Assert.Equal(fits, !findings.Any(f => f.Code == RuleCodes.HoursOutsideWindow));
    }

    [Fact]
    public void Core_hours_must_be_covered_unless_the_day_is_a_defined_shift()
    {
        Assert.Equal(["CORE_HOURS_NOT_COVERED@2026-12-15"], Codes(Check([Home(Dec(15), "06:00", "14:59")]), RuleCodes.CoreHoursNotCovered));
        Assert.DoesNotContain(Check([Home(Dec(15), "06:00", "15:00")]), f => f.Code == RuleCodes.CoreHoursNotCovered);

        var shifts = PolicySettings.Regulation with { Time = new WorkingTime { Shifts = [new ShiftPattern("Sore", new TimeOnly(13, 0), new TimeOnly(21, 30))] } };
        Assert.Empty(Check([Office(Dec(15), "13:00", "21:30")], shifts));
        Assert.Contains(RuleCodes.HoursOutsideWindow, Check([Office(Dec(15), "13:00", "21:30")]).Select(f => f.Code));
    }

    // WEEKLY_HOURS_SHORT

    [Fact]
    public void A_friday_has_a_90_minute_break_so_it_must_end_at_1630_to_keep_the_week_at_375_hours()
    {
        Assert.Empty(Check([Home(Dec(18), "07:30", "16:30")]));
        var finding = Check([Home(Dec(18), "07:30", "16:00")]).Single();
        Assert.Equal(("WEEKLY_HOURS_SHORT", (DateOnly?)Dec(18), FindingSeverity.Warn), (finding.Code, finding.Date, finding.Severity));
        Assert.Equal(["37", "37.5"], finding.Arguments);
    }

    [Fact]
    public void A_ramadan_week_owes_325_hours_from_0800_with_shorter_breaks()
    {
        var ramadan = new DateOnly(2026, 3, 2);
        RequestDay[] week =
        [
            Office(ramadan, "08:00", "15:00"), Office(ramadan.AddDays(1), "08:00", "15:00"), Office(ramadan.AddDays(2), "08:00", "15:00"),
            Office(ramadan.AddDays(3), "08:00", "15:00"), Office(ramadan.AddDays(4), "08:00", "15:30"),
        ];
        var withRamadan = PolicySettings.Regulation.WithRamadan([new DateRange(new DateOnly(2026, 2, 18), new DateOnly(2026, 3, 20))]);
        Assert.Empty(Check(week, withRamadan, today: new DateOnly(2026, 2, 23)));

        // The same hours fall short of 37.5 hours in an ordinary week, and in a Ramadan the calendar does not hold.
        var ordinary = week.Select(d => d with { Date = d.Date.AddDays(7 * 40) }).ToList(); // 2026-12-07
        Assert.Equal(["WEEKLY_HOURS_SHORT@2026-12-11"], Codes(Check(ordinary, withRamadan, today: new DateOnly(2026, 11, 30))));
        Assert.Equal(["WEEKLY_HOURS_SHORT@2026-03-06"], Codes(Check(week, PolicySettings.Regulation, today: new DateOnly(2026, 2, 23))));
    }

    [Theory]
    [InlineData(27, false)]
    [InlineData(28, true)]
    [InlineData(30, true)]
    [InlineData(31, true)]
    [InlineData(32, false)]
    public void A_ramadan_period_is_a_lunar_month(int days, bool valid)
    {
        var from = new DateOnly(2027, 2, 8);
        if (valid)
        {
            Assert.Equal(days, Calendar.RamadanPeriod.Create(Guid.NewGuid(), from, from.AddDays(days - 1), "Ramadan 1448 H").ToRange().To.DayNumber - from.DayNumber + 1);
        }
        else
        {
            Assert.Equal("RAMADAN_PERIOD_LENGTH", Assert.Throws<DomainException>(() => Calendar.RamadanPeriod.Create(Guid.NewGuid(), from, from.AddDays(days - 1), "Ramadan")).Code);
        }
    }

    [Fact]
    public void A_holiday_lowers_what_the_week_owes()
    {
        var christmas = new WorkCalendar([Dec(25)], []);
        RequestDay[] fourDays = [Office(Dec(21), "07:30", "16:00"), Office(Dec(22), "07:30", "16:00"), Office(Dec(23), "07:30", "16:00"), Office(Dec(24), "07:30", "16:00")];
        Assert.Empty(Check(fourDays, calendar: christmas));
    }

    // OVERLAPS_EXISTING, EVIDENCE_REQUIRED, WORK_PLAN_REQUIRED

    [Fact]
    public void A_day_already_in_another_request_is_an_overlap()
    {
        var findings = Check([Home(Dec(15))], others: [new PlannedDay(Dec(15), WorkMode.Home)]);
        Assert.Equal(["OVERLAPS_EXISTING@2026-12-15"], Codes(findings));
    }

    [Fact]
    public void Evidence_is_required_for_the_modes_the_policy_lists()
    {
        RequestDay[] coworking = [Day(Dec(15), WorkMode.OtherLocation, locationId: CoworkingId)];
        Assert.Equal(["EVIDENCE_REQUIRED@2026-12-15"], Codes(Check(coworking)));
        Assert.Empty(Check(coworking, evidence: true));
        Assert.Empty(Check([Home(Dec(15))]));
    }

    [Fact]
    public void A_work_plan_with_an_output_is_required_for_remote_days_only()
    {
        Assert.Equal(["WORK_PLAN_REQUIRED@2026-12-15"], Codes(Check([Office(Dec(14)), Home(Dec(15))], plan: [])));
        Assert.Equal(["WORK_PLAN_REQUIRED@2026-12-15"], Codes(Check([Home(Dec(15))], plan: [new WorkPlanItem(" ")])));
        Assert.Empty(Check([Office(Dec(15))], plan: []));
    }

    [Fact]
    public void Where_the_policy_asks_every_output_names_the_agreed_target_it_serves()
    {
        var policy = PolicySettings.Regulation with { Requests = new RequestRules { WorkPlanNeedsTargets = true } };
        var finding = Check([Home(Dec(15))], policy, plan: [new("Notulen rapat", TargetId: Guid.NewGuid()), new("Draf kajian")]).Single();

        Assert.Equal(("WORK_PLAN_REQUIRED.Target", "Draf kajian"), (finding.MessageKey, finding.Arguments.Single()));
        Assert.Empty(Check([Home(Dec(15))], policy, plan: [new("Draf kajian", TargetId: Guid.NewGuid())]));
        Assert.Empty(Check([Home(Dec(15))], plan: [new("Draf kajian")]));
    }

    // REPORTS_OVERDUE

    [Fact]
    public void More_overdue_reports_than_the_policy_allows_refuse_new_flexible_days_but_not_office_days()
    {
        var policy = PolicySettings.Regulation with { Performance = new PerformanceRules { MaxOverdueReports = 2 } };
        var finding = Check([Home(Dec(15))], policy, Eligible with { OverdueReports = 3 }).Single();

        Assert.Equal((RuleCodes.ReportsOverdue, FindingSeverity.Block), (finding.Code, finding.Severity));
        Assert.Equal(["3", "2"], finding.Arguments);
        Assert.Contains("Pasal 35", finding.Clause, StringComparison.Ordinal);
        Assert.Empty(Check([Home(Dec(15))], policy, Eligible with { OverdueReports = 2 }));
        Assert.Empty(Check([Office(Dec(15))], policy, Eligible with { OverdueReports = 9 }));
        Assert.Empty(Check([Home(Dec(15))], employee: Eligible with { OverdueReports = 9 }));
    }

    // Suspension after a poor predikat

    [Fact]
    public void A_predikat_at_or_below_the_policys_level_suspends_flexible_work_in_the_next_period_only()
    {
        var policy = PolicySettings.Regulation with { Performance = new PerformanceRules { SuspendAtOrBelow = PerformanceRating.ButuhPerbaikan } };
        var poor = Eligible with { LastEvaluation = new("2026-11", PerformanceRating.ButuhPerbaikan, new(Dec(1), Dec(31))) };
        var finding = Check([Home(Dec(15))], policy, poor).Single();

        Assert.Equal("EMPLOYEE_NOT_ELIGIBLE.Suspended", finding.MessageKey);
        Assert.Equal(["2026-11", "ButuhPerbaikan", "2026-12-01", "2026-12-31"], finding.Arguments);
        Assert.Empty(Check([Home(Dec(15))], policy, poor with { LastEvaluation = poor.LastEvaluation! with { Predikat = PerformanceRating.Baik } }));
        Assert.Empty(Check([Home(Dec(15))], policy, poor with { LastEvaluation = poor.LastEvaluation! with { NextPeriod = new(Dec(1), Dec(14)) } }));
        Assert.Empty(Check([Home(Dec(15))], employee: poor));
    }

    [Fact]
    public void An_eligibility_override_still_wins_over_a_suspension()
    {
        var policy = PolicySettings.Regulation with { Performance = new PerformanceRules { SuspendAtOrBelow = PerformanceRating.Kurang } };
        var poor = Eligible with
        {
            LastEvaluation = new("2026-11", PerformanceRating.SangatKurang, new(Dec(1), Dec(31))),
            OverrideKind = EligibilityOverrideKind.SpecialCircumstances, OverrideUntil = Dec(31),
        };
        Assert.Empty(Check([Home(Dec(15))], policy, poor));
    }

    // Severities, unit overrides, approval routes

    [Fact]
    public void An_agency_can_turn_a_configurable_rule_into_a_warning()
    {
        var policy = PolicySettings.Regulation with
        {
            Severities = new Dictionary<string, FindingSeverity> { [RuleCodes.NoticeTooShort] = FindingSeverity.Warn },
        };
        Assert.Equal(FindingSeverity.Warn, Check([Home(Dec(14))], policy, today: Dec(14)).Single().Severity);
    }

    [Fact]
    public void Unit_overrides_apply_down_the_tree_and_the_nearest_unit_wins()
    {
        Guid directorate = Guid.NewGuid(), frontDesk = Guid.NewGuid(), analysts = Guid.NewGuid();
        var policy = PolicySettings.Regulation with
        {
            UnitOverrides =
            [
                new UnitOverride { UnitId = directorate, RemoteDaysPerWeek = 3, MaxAwayPercent = 50 },
                new UnitOverride { UnitId = frontDesk, EnabledModes = [] },
                new UnitOverride { UnitId = analysts, RemoteDaysPerWeek = 1 },
            ],
        };

        var forFrontDesk = policy.ForUnit([frontDesk, directorate]);
        Assert.Equal((3, 50), (forFrontDesk.Caps.RemoteDaysPerWeek, forFrontDesk.Safeguard.MaxAwayPercent));
        Assert.Equal(["MODE_NOT_ALLOWED@2026-12-15"], Codes(Check([Home(Dec(15))], forFrontDesk)));

        var forAnalysts = policy.ForUnit([analysts, directorate]);
        Assert.Equal(["WEEKLY_REMOTE_CAP@2026-12-16"], Codes(Check([Home(Dec(15)), Home(Dec(16))], forAnalysts)));
        Assert.Empty(Check([Home(Dec(14)), Home(Dec(15)), Home(Dec(16))], policy.ForUnit([directorate])));
        Assert.Same(PolicySettings.Regulation, PolicySettings.Regulation.ForUnit([analysts]));
    }

    [Fact]
    public void Approval_routes_follow_mode_and_length()
    {
        var rules = new RequestRules();
        Assert.Equal(ApprovalRoute.Auto, rules.RouteFor([WorkMode.Office, WorkMode.Office]));
        Assert.Equal(ApprovalRoute.Supervisor, rules.RouteFor([WorkMode.Office, WorkMode.Home]));
        Assert.Equal(ApprovalRoute.SupervisorThenUnitHead, rules.RouteFor([.. Enumerable.Repeat(WorkMode.Home, 10)]));
        Assert.Equal(ApprovalRoute.SupervisorThenUnitHead, rules.RouteFor([.. Enumerable.Repeat(WorkMode.OtherLocation, 5)]));
    }

    [Fact]
    public void A_date_may_appear_once_in_a_request() =>
        Assert.Equal("DAY_DUPLICATE", Assert.Throws<DomainException>(() => new ProposedRequest([Home(Dec(15)), Office(Dec(15))])).Code);
}
