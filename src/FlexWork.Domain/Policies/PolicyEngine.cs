using System.Globalization;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Locations;

using FlexWork.Domain.Requests;

namespace FlexWork.Domain.Policies;

/// <summary>
/// Judges a proposed request against a policy, rule by rule, and explains every verdict as a
/// <see cref="Finding"/>. Pure and allocation-light: a clean request allocates nothing but the
/// (empty) answer, which is why loops index lists instead of enumerating them. Weeks are ISO weeks (Monday first) of the employee's local dates; holidays
/// are not working days; caps count the employee's approved and pending days together with the
/// proposed ones.
/// </summary>
public static class PolicyEngine
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<Finding> Evaluate(PolicyCheckContext context)
    {
        var findings = new Findings(context.Policy);
        var days = context.Request.Days;
        if (days.Count == 0)
        {
            return [];
        }

        CheckRequest(context, ref findings);
        var earliest = EarliestAllowedDate(context);
        for (var i = 0; i < days.Count; i++)
        {
            CheckDay(context, days[i], earliest, ref findings);
        }

        var exemptFromCaps = context.Employee.OverrideKind is { } kind
            && context.Policy.Caps.ExemptOverrides.Contains(kind)
            && context.Employee.HasOverrideThrough(days[^1].Date);
        if (!exemptFromCaps)
        {
            CheckPeriodCap(context, weekly: true, ref findings);
            if (context.Policy.Caps.RemoteDaysPerMonth is not null)
            {
                CheckPeriodCap(context, weekly: false, ref findings);
            }

            if (context.Policy.Caps.MaxConsecutiveRemoteDays is not null)
            {
                CheckConsecutive(context, ref findings);
            }

            if (context.Policy.Caps.MinOfficeDaysPerWeek is not null)
            {
                CheckOfficeMinimum(context, ref findings);
            }
        }

        CheckWeeklyHours(context, ref findings);
        return findings.Items ?? [];
    }

    private static void CheckRequest(PolicyCheckContext context, ref Findings findings)
    {
        var policy = context.Policy;
        var request = context.Request;
        var days = request.Days;
        var span = days[^1].Date.DayNumber - days[0].Date.DayNumber + 1;
        if (span > policy.Requests.MaxRequestDays)
        {
            findings.Add(RuleCodes.RequestTooLong, null, Text(span), Text(policy.Requests.MaxRequestDays));
        }

        RequestDay? firstRemote = null, lastRemote = null, needsEvidence = null, needsPlan = null;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (day.Mode.IsRemote() && context.IsWorkingDay(day.Date))
            {
                firstRemote ??= day;
                lastRemote = day;
            }

            if (needsEvidence is null && policy.Requests.EvidenceRequiredFor.Contains(day.Mode))
            {
                needsEvidence = day;
            }

            if (needsPlan is null && policy.Requests.WorkPlanRequiredFor.Contains(day.Mode))
            {
                needsPlan = day;
            }
        }

        if (needsEvidence is not null && !request.HasEvidence)
        {
            findings.Add(RuleCodes.EvidenceRequired, needsEvidence.Date, needsEvidence.Mode.ToString());
        }

        if (needsPlan is not null && !HasWorkPlan(request))
        {
            findings.Add(RuleCodes.WorkPlanRequired, needsPlan.Date, needsPlan.Mode.ToString());
        }
        else if (needsPlan is not null && policy.Requests.WorkPlanNeedsTargets && OutputWithoutTarget(request) is { } output)
        {
            findings.AddVariant(RuleCodes.WorkPlanRequired, "Target", needsPlan.Date, output);
        }

        var overdue = context.Employee.OverdueReports;
        if (firstRemote is not null && policy.Performance.MaxOverdueReports is { } maxOverdue && overdue > maxOverdue)
        {
            findings.Add(RuleCodes.ReportsOverdue, null, Text(overdue), Text(maxOverdue));
        }

        if (firstRemote is not null && !context.Employee.HasOverrideThrough(lastRemote!.Date))
        {
            CheckEligibility(context, firstRemote.Date, lastRemote.Date, ref findings);
        }
    }

    /// <summary>Pasal 23 (the position) and Pasal 25 (the person); an eligibility override in force sets them aside.</summary>
    private static void CheckEligibility(PolicyCheckContext context, DateOnly firstRemote, DateOnly lastRemote, ref Findings findings)
    {
        var rules = context.Policy.Eligibility;
        var employee = context.Employee;
        if (rules.RequireEligiblePosition && !employee.PositionEligible)
        {
            findings.Add(RuleCodes.PositionNotEligible, null);
        }

        if (rules.ExcludeDisciplinary && employee.Disciplinary != DisciplinaryStatus.None
            && (employee.DisciplinaryFrom ?? DateOnly.MinValue) <= lastRemote
            && (employee.DisciplinaryUntil ?? DateOnly.MaxValue) >= firstRemote)
        {
            findings.AddVariant(RuleCodes.EmployeeNotEligible, employee.Disciplinary.ToString(), null, Text(employee.DisciplinaryUntil));
        }

        var eligibleFrom = employee.PositionStart.AddMonths(rules.MinMonthsInPosition);
        if (firstRemote < eligibleFrom)
        {
            findings.AddVariant(RuleCodes.EmployeeNotEligible, "Tenure", null, Text(rules.MinMonthsInPosition), Text(eligibleFrom));
        }

        if (rules.MinLastRating is { } minimum && employee.LastRating is { } rating && rating < minimum)
        {
            findings.AddVariant(RuleCodes.EmployeeNotEligible, "Rating", null, rating.ToString(), minimum.ToString());
        }

        // A poor predikat suspends flexible work for the period after it, where the policy says so.
        if (context.Policy.Performance.SuspendAtOrBelow is { } level && employee.LastEvaluation is { } last && last.Predikat <= level
            && last.NextPeriod.From <= lastRemote && last.NextPeriod.To >= firstRemote)
        {
            findings.AddVariant(
                RuleCodes.EmployeeNotEligible, "Suspended", null, last.PeriodCode, last.Predikat.ToString(), Text(last.NextPeriod.From), Text(last.NextPeriod.To));
        }
    }

    private static void CheckDay(PolicyCheckContext context, RequestDay day, DateOnly earliest, ref Findings findings)
    {
        var policy = context.Policy;
        var date = day.Date;
        if (!context.IsWorkingDay(date))
        {
            findings.AddVariant(RuleCodes.NonWorkingDay, context.Days.IsHoliday(date) ? "Holiday" : "Weekend", date, Text(date));
            return; // nothing else to judge on a day nobody works
        }

        if (date < earliest)
        {
            findings.Add(RuleCodes.NoticeTooShort, date, Text(policy.Requests.MinNoticeWorkingDays), Text(earliest));
        }

        if (context.Others.IndexOf(date) >= 0)
        {
            findings.Add(RuleCodes.OverlapsExisting, date, Text(date));
        }

        if (!policy.Locations.Allows(day.Mode))
        {
            findings.Add(RuleCodes.ModeNotAllowed, date, day.Mode.ToString());
        }
        else
        {
            CheckLocation(context, day, ref findings);
        }

        if (day.Mode.IsRemote())
        {
            if (context.Days.IsMandatoryOfficeDay(date))
            {
                findings.Add(RuleCodes.BlackoutDate, date, Text(date));
            }

            CheckUnitSafeguard(context, date, ref findings);
        }

        CheckHours(policy.Time, day, ref findings);
    }

    private static void CheckLocation(PolicyCheckContext context, RequestDay day, ref Findings findings)
    {
        var expected = day.Mode switch
        {
            WorkMode.OtherOffice => LocationKind.OtherOffice,
            WorkMode.OtherLocation => LocationKind.OtherLocation,
            _ => (LocationKind?)null,
        };
        if (expected is null)
        {
            return; // the own office and the registered domicile need no approval
        }

        if (day.LocationId is { } id)
        {
            if (context.ApprovedLocations is null || !context.ApprovedLocations.TryGetValue(id, out var kind) || kind != expected)
            {
                findings.AddVariant(RuleCodes.LocationNotApproved, "Unknown", day.Date, day.Mode.ToString());
            }
        }
        else if (day.Mode == WorkMode.OtherLocation && !string.IsNullOrWhiteSpace(day.Address))
        {
            if (!context.Policy.Locations.AllowOneOffAddress)
            {
                findings.AddVariant(RuleCodes.LocationNotApproved, "OneOffNotAllowed", day.Date, day.Address);
            }
            else if (context.Request.Reason is null)
            {
                findings.AddVariant(RuleCodes.LocationNotApproved, "JustificationMissing", day.Date, day.Address);
            }
        }
        else
        {
            findings.AddVariant(RuleCodes.LocationNotApproved, "Missing", day.Date, day.Mode.ToString());
        }
    }

    private static void CheckUnitSafeguard(PolicyCheckContext context, DateOnly date, ref Findings findings)
    {
        var headcount = context.Occupancy.ActiveHeadcount;
        if (headcount == 0)
        {
            return;
        }

        var safeguard = context.Policy.Safeguard;
        var away = context.Occupancy.OthersAwayOn(date) + 1;
        var onSite = headcount - away;
        if (away * 100 > safeguard.MaxAwayPercent * headcount)
        {
            findings.AddVariant(RuleCodes.UnitOnsiteMinimum, "Share", date, Text(away), Text(headcount), Text(safeguard.MaxAwayPercent));
        }
        else if (safeguard.MinOnSiteHeadcount is { } minimum && onSite < minimum)
        {
            findings.AddVariant(RuleCodes.UnitOnsiteMinimum, "Headcount", date, Text(onSite), Text(minimum));
        }
    }

    private static void CheckHours(WorkingTime time, RequestDay day, ref Findings findings)
    {
        if (day.Start is not { } start || day.End is not { } end)
        {
            return; // no hours given: the standard day applies
        }

        for (var i = 0; i < time.Shifts.Count; i++)
        {
            if (time.Shifts[i].Start == start && time.Shifts[i].End == end)
            {
                return; // a defined shift is its own window
            }
        }

        var window = time.Dynamic;
        var net = day.NetMinutes(time)!.Value;
        if (end <= start || start < window.EarliestStart || start > window.LatestStart || end > window.LatestEnd)
        {
            findings.AddVariant(RuleCodes.HoursOutsideWindow, "Start", day.Date, Text(start), Text(end), Text(window.EarliestStart), Text(window.LatestStart), Text(window.LatestEnd));
        }
        else if (net < window.MinDailyMinutes || net > window.MaxDailyMinutes)
        {
            findings.AddVariant(RuleCodes.HoursOutsideWindow, "Length", day.Date, Hours(net), Hours(window.MinDailyMinutes), Hours(window.MaxDailyMinutes));
        }

        if (start > window.CoreStart || end < window.CoreEnd)
        {
            findings.Add(RuleCodes.CoreHoursNotCovered, day.Date, Text(window.CoreStart), Text(window.CoreEnd));
        }
    }

    /// <summary>
    /// Weekly (ISO week) or monthly remote-day caps. Days already approved or pending count first;
    /// the proposed days then count in date order, and each one past the cap gets the finding.
    /// </summary>
    private static void CheckPeriodCap(PolicyCheckContext context, bool weekly, ref Findings findings)
    {
        var cap = weekly ? context.Policy.Caps.RemoteDaysPerWeek : context.Policy.Caps.RemoteDaysPerMonth!.Value;
        var days = context.Request.Days;
        var periodStart = DateOnly.MinValue;
        var count = 0;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (!day.Mode.IsRemote() || !context.IsWorkingDay(day.Date) || context.Others.IndexOf(day.Date) >= 0)
            {
                continue;
            }

            var start = weekly ? WeekStart(day.Date) : new DateOnly(day.Date.Year, day.Date.Month, 1);
            if (start != periodStart)
            {
                periodStart = start;
                count = CountOtherRemote(context, start, weekly ? start.AddDays(6) : start.AddMonths(1).AddDays(-1));
            }

            count++;
            if (count > cap)
            {
                findings.Add(weekly ? RuleCodes.WeeklyRemoteCap : RuleCodes.MonthlyRemoteCap, day.Date, Text(cap), Text(count));
            }
        }
    }

    private static void CheckConsecutive(PolicyCheckContext context, ref Findings findings)
    {
        var max = context.Policy.Caps.MaxConsecutiveRemoteDays!.Value;
        var days = context.Request.Days;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (!day.Mode.IsRemote() || !context.IsWorkingDay(day.Date))
            {
                continue;
            }

            // The run of remote working days that ends here; weekends and holidays do not break it.
            var run = 1;
            for (var date = day.Date.AddDays(-1); run <= max; date = date.AddDays(-1))
            {
                if (!context.IsWorkingDay(date))
                {
                    if (day.Date.DayNumber - date.DayNumber > 14)
                    {
                        break; // a long closure ends any run
                    }

                    continue;
                }

                if (!IsRemoteOn(context, date))
                {
                    break;
                }

                run++;
            }

            if (run > max)
            {
                findings.Add(RuleCodes.ConsecutiveRemoteCap, day.Date, Text(max));
            }
        }
    }

    private static void CheckOfficeMinimum(PolicyCheckContext context, ref Findings findings)
    {
        var minimum = context.Policy.Caps.MinOfficeDaysPerWeek!.Value;
        var days = context.Request.Days;
        for (var i = 0; i < days.Count; i++)
        {
            var weekStart = WeekStart(days[i].Date);
            var lastOfWeek = i;
            while (lastOfWeek + 1 < days.Count && WeekStart(days[lastOfWeek + 1].Date) == weekStart)
            {
                lastOfWeek++;
            }

            int workingDays = 0, remote = 0;
            for (var date = weekStart; date <= weekStart.AddDays(6); date = date.AddDays(1))
            {
                if (context.IsWorkingDay(date))
                {
                    workingDays++;
                    remote += IsRemoteOn(context, date) ? 1 : 0;
                }
            }

            var required = Math.Min(minimum, workingDays);
            if (workingDays - remote < required)
            {
                findings.Add(RuleCodes.WeeklyOfficeMinimum, days[lastOfWeek].Date, Text(required), Text(workingDays - remote));
            }

            i = lastOfWeek;
        }
    }

    /// <summary>
    /// The week's planned net hours against what the week owes (37.5 h, or the Ramadan 32.5 h, less
    /// holidays). Days without planned hours count as standard days.
    /// </summary>
    private static void CheckWeeklyHours(PolicyCheckContext context, ref Findings findings)
    {
        var time = context.Policy.Time;
        var days = context.Request.Days;
        for (var i = 0; i < days.Count; i++)
        {
            var weekStart = WeekStart(days[i].Date);
            var lastOfWeek = i;
            var anyHours = days[i].Start is not null;
            while (lastOfWeek + 1 < days.Count && WeekStart(days[lastOfWeek + 1].Date) == weekStart)
            {
                lastOfWeek++;
                anyHours |= days[lastOfWeek].Start is not null;
            }

            if (anyHours)
            {
                int owed = 0, planned = 0;
                for (var date = weekStart; date <= weekStart.AddDays(6); date = date.AddDays(1))
                {
                    if (!context.IsWorkingDay(date))
                    {
                        continue;
                    }

                    var standard = time.DailyMinutes(date);
                    owed += standard;
                    planned += PlannedMinutesOn(context, date) ?? standard;
                }

                if (planned < owed)
                {
                    findings.Add(RuleCodes.WeeklyHoursShort, days[lastOfWeek].Date, Hours(planned), Hours(owed));
                }
            }

            i = lastOfWeek;
        }
    }

    private static int? PlannedMinutesOn(PolicyCheckContext context, DateOnly date)
    {
        var time = context.Policy.Time;
        var index = context.Request.IndexOf(date);
        if (index >= 0)
        {
            return context.Request.Days[index].NetMinutes(time);
        }

        var other = context.Others.IndexOf(date);
        return other >= 0 && context.Others.Days[other] is { Start: { } start, End: { } end }
            ? (int)(end - start).TotalMinutes - time.BreakOn(date)
            : null;
    }

    private static bool IsRemoteOn(PolicyCheckContext context, DateOnly date)
    {
        var index = context.Request.IndexOf(date);
        if (index >= 0)
        {
            return context.Request.Days[index].Mode.IsRemote();
        }

        var other = context.Others.IndexOf(date);
        return other >= 0 && context.Others.Days[other].Mode.IsRemote();
    }

    private static int CountOtherRemote(PolicyCheckContext context, DateOnly from, DateOnly to)
    {
        var others = context.Others.Days;
        var count = 0;
        for (var i = context.Others.FirstOnOrAfter(from); i < others.Count && others[i].Date <= to; i++)
        {
            if (others[i].Mode.IsRemote() && context.IsWorkingDay(others[i].Date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The first day the notice period allows: at least N working days from today (today counts
    /// when it is a working day), so with one day's notice a Friday request may start on Monday.
    /// </summary>
    private static DateOnly EarliestAllowedDate(PolicyCheckContext context)
    {
        var date = context.Today;
        for (var counted = 0; counted < context.Policy.Requests.MinNoticeWorkingDays; date = date.AddDays(1))
        {
            if (context.IsWorkingDay(date))
            {
                counted++;
            }

            if (date.DayNumber - context.Today.DayNumber > 366)
            {
                break; // a calendar with no working days at all
            }
        }

        return date;
    }

    private static bool HasWorkPlan(ProposedRequest request)
    {
        for (var i = 0; i < request.WorkPlan.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(request.WorkPlan[i].Output))
            {
                return true;
            }
        }

        return false;
    }

    private static string? OutputWithoutTarget(ProposedRequest request)
    {
        for (var i = 0; i < request.WorkPlan.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(request.WorkPlan[i].Output) && request.WorkPlan[i].TargetId is null)
            {
                return request.WorkPlan[i].Output;
            }
        }

        return null;
    }

    /// <summary>Monday of the ISO week.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string Text(int value) => value.ToString(Invariant);

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    private static string Text(DateOnly? date) => date is { } d ? Text(d) : "";

    private static string Text(TimeOnly time) => time.ToString("HH:mm", Invariant);

    private static string Hours(int minutes) => (minutes / 60.0).ToString("0.##", Invariant);

    /// <summary>Collects findings; allocates only when there is something to say.</summary>
    private struct Findings(PolicySettings policy)
    {
        private List<Finding>? _items;

        public void Add(string code, DateOnly? date, params string[] arguments) => AddVariant(code, null, date, arguments);

        /// <summary>A finding whose message depends on why the rule failed (message key <c>CODE.Variant</c>).</summary>
        public void AddVariant(string code, string? variant, DateOnly? date, params string[] arguments)
        {
            _items ??= [];
            _items.Add(new Finding(
                code, policy.SeverityOf(code), date, variant is null ? code : $"{code}.{variant}", arguments, RuleCodes.ClauseOf(code)));
        }

        public readonly List<Finding>? Items => _items;
    }
}
