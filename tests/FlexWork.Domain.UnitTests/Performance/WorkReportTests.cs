using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using static FlexWork.Domain.UnitTests.Performance.PerformanceTestKit;

namespace FlexWork.Domain.UnitTests.Performance;

public class WorkReportTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTimeOffset Deadline = new(2026, 12, 8, 3, 0, 0, TimeSpan.Zero); // Tuesday 10:00 WIB

    private static readonly ReportItem Item = new("Menyusun bab 2 laporan analisis", "Draf bab 2", 1);

    [Fact]
    public void A_report_written_by_the_deadline_is_on_time_and_one_written_after_it_is_late()
    {
        var onTime = WorkReport.Write(AgencyId, EmployeeId, Day(Today), [Item], Today, Deadline.AddHours(-1));
        var late = WorkReport.Write(AgencyId, EmployeeId, Day(Today), [Item], Today.AddDays(1), Deadline.AddMinutes(1));

        Assert.Equal((ReportStatus.OnTime, ReportStatus.Late), (onTime.Status, late.Status));
        Assert.IsType<ReportWritten>(Assert.Single(onTime.DomainEvents));
    }

    [Fact]
    public void A_day_without_a_report_is_due_until_its_deadline_and_overdue_after()
    {
        Assert.Equal(ReportStatus.Due, WorkReport.StatusOf(Deadline, null, Deadline));
        Assert.Equal(ReportStatus.Overdue, WorkReport.StatusOf(Deadline, null, Deadline.AddSeconds(1)));
        Assert.Equal(ReportStatus.Late, WorkReport.StatusOf(Deadline, Deadline.AddSeconds(1), Deadline.AddDays(3)));
    }

    [Theory]
    [InlineData(1, true, null, "REPORT_DAY_FUTURE")]
    [InlineData(-1, false, null, "REPORT_DAY_NOT_PLANNED")]
    [InlineData(-1, true, PeriodState.Closed, "PERIOD_CLOSED")]
    [InlineData(-32, true, null, "REPORT_DAY_TOO_OLD")]
    public void A_report_is_for_a_working_day_up_to_today_in_a_period_still_open(int offset, bool workingDay, PeriodState? period, string code)
    {
        var day = new ReportDay(Today.AddDays(offset), WorkMode.Home, workingDay, Deadline, period is { } state ? Period(state) : null);
        Assert.Equal(code, Assert.Throws<DomainException>(() => WorkReport.Write(AgencyId, EmployeeId, day, [Item], Today, Now)).Code);
    }

    [Fact]
    public void A_day_in_an_evaluated_period_may_still_be_reported_late()
    {
        var day = new ReportDay(Today.AddDays(-40), WorkMode.Home, true, Deadline, Period(PeriodState.Evaluation));
        Assert.True(day.IsReportable(Today));
    }

    [Theory]
    [InlineData(" ", null, "REPORT_ACTIVITY_REQUIRED")]
    [InlineData("Rapat koordinasi", -1, "REPORT_QUANTITY_NEGATIVE")]
    public void Every_item_says_what_was_done_and_no_quantity_is_negative(string activity, int? quantity, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => WorkReport.Write(AgencyId, EmployeeId, Day(Today), [new ReportItem(activity, null, quantity)], Today, Now)).Code);

    [Fact]
    public void A_report_has_one_to_twenty_items()
    {
        Assert.Equal("REPORT_ITEMS_REQUIRED", Assert.Throws<DomainException>(() => WorkReport.Write(AgencyId, EmployeeId, Day(Today), [], Today, Now)).Code);
        Assert.Equal("REPORT_TOO_MANY_ITEMS", Assert.Throws<DomainException>(() => WorkReport.Write(AgencyId, EmployeeId, Day(Today), [.. Enumerable.Repeat(Item, 21)], Today, Now)).Code);
    }

    [Fact]
    public void A_corrected_report_keeps_its_first_time_and_becomes_unread_again()
    {
        var report = WorkReport.Write(AgencyId, EmployeeId, Day(Today), [Item], Today, Deadline.AddHours(-1));
        report.MarkRead(Supervisor, Now);
        report.Revise(Period(PeriodState.Running), [Item, new ReportItem("Rapat daring dengan Biro SDM")], Deadline.AddDays(1));

        Assert.Equal((2, ReportStatus.OnTime, (DateTimeOffset?)null), (report.Items.Count, report.Status, report.ReadAt));
        Assert.Equal("PERIOD_CLOSED", Assert.Throws<DomainException>(() => report.Revise(Period(PeriodState.Closed), [Item], Now)).Code);
        Assert.Equal("REPORT_OWN_READ", Assert.Throws<DomainException>(() => report.MarkRead(Self, Now)).Code);
    }

    [Fact]
    public void Evidence_is_counted_on_the_report_up_to_the_policys_cap_and_makes_it_unread_again()
    {
        var report = WorkReport.Write(AgencyId, EmployeeId, Day(Today), [Item], Today, Now);
        var photo = EvidenceFile.Of("foto-rapat.jpg", [0xFF, 0xD8, 0xFF, 0xE0]);
        report.MarkRead(Supervisor, Now);

        var evidence = ReportEvidence.Attach(report, Period(PeriodState.Running), maxFiles: 2, photo, Now, "u");
        ReportEvidence.Attach(report, Period(PeriodState.Running), maxFiles: 2, photo, Now, "u");

        Assert.Equal((report.Id, EmployeeId, AgencyId, "image/jpeg"), (evidence.ReportId, evidence.EmployeeId, evidence.AgencyId, evidence.ContentType));
        Assert.Equal((2, true, (DateTimeOffset?)null), (report.EvidenceFiles, report.HasEvidence, report.ReadAt));
        Assert.Equal("REPORT_EVIDENCE_TOO_MANY_FILES", Assert.Throws<DomainException>(() => ReportEvidence.Attach(report, Period(PeriodState.Running), 2, photo, Now, "u")).Code);
        Assert.Equal("PERIOD_CLOSED", Assert.Throws<DomainException>(() => report.RemoveEvidence(Period(PeriodState.Closed), Now)).Code);
        Assert.Equal(2, report.EvidenceFiles);

        report.RemoveEvidence(Period(PeriodState.Running), Now);
        report.RemoveEvidence(null, Now);
        Assert.False(report.HasEvidence);
    }

    [Fact]
    public void The_deadline_is_the_policys_working_days_later_at_its_time_skipping_weekends_and_holidays()
    {
        var rules = new PerformanceRules { ReportDeadlineWorkingDays = 1, ReportDeadlineTime = new TimeOnly(10, 0) };
        var time = new WorkingTime();
        var christmas = new WorkCalendar([new DateOnly(2026, 12, 25)], []);

        Assert.Equal(new DateTime(2026, 12, 8, 10, 0, 0), rules.ReportDeadline(new DateOnly(2026, 12, 7), time, WorkCalendar.Empty));
        Assert.Equal(new DateTime(2026, 12, 28, 10, 0, 0), rules.ReportDeadline(new DateOnly(2026, 12, 24), time, christmas));
        Assert.Equal(new DateTime(2026, 12, 7, 10, 0, 0), (rules with { ReportDeadlineWorkingDays = 0 }).ReportDeadline(new DateOnly(2026, 12, 7), time, WorkCalendar.Empty));
    }

    private static ReportDay Day(DateOnly date) => new(date, WorkMode.Home, true, Deadline, Period(PeriodState.Running));
}
