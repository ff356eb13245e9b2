using FlexWork.Application.Performance;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Performance;

/// <summary>
/// Performance bears on flexibility: the last final predikat (minimum rating, suspension for the
/// next period), overdue reports, and work plans that name agreed targets. The policy with these
/// rules takes effect tomorrow; the checks run the day after.
/// </summary>
public class PerformanceEligibilityTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private readonly TestClock _dayAfterTomorrow = new(DateTimeOffset.UtcNow.AddDays(2));

    [Fact]
    public async Task A_poor_predikat_suspends_the_next_period_and_an_override_still_wins()
    {
        await PublishAsync();
        var (email, employeeId) = await RatedButuhPerbaikanAsync();
        await using var member = await fixture.ActAsAsync(email);
        var current = (await member.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.State == PeriodState.Running);
        var target = (await member.Get<TargetService>().MineAsync(current.Id, Ct))[0];
        var input = new ProposedRequestInput([new RequestDay(WorkingDayIn(current), WorkMode.Home)], "Fokus", [new WorkPlanItem("Arsip", TargetId: target.Id)]);

        var findings = (await member.With<PolicyCheckService>(_dayAfterTomorrow).CheckAsync(input, Ct)).Findings;
        var suspended = Assert.Single(findings, f => f.MessageKey == "EMPLOYEE_NOT_ELIGIBLE.Suspended");
        Assert.Equal([current.From.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), "ButuhPerbaikan",
            current.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), current.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], suspended.Arguments);
        Assert.Contains(findings, f => f.MessageKey == "EMPLOYEE_NOT_ELIGIBLE.Rating");

        await fixture.ArrangeAsync(async db =>
        {
            var employee = await db.Employees.IgnoreQueryFilters().SingleAsync(e => e.Id == employeeId, Ct);
            employee.GrantEligibilityOverride("Tugas khusus penataan arsip di luar kantor", current.To, current.From.AddMonths(-1), EligibilityOverrideKind.SpecialCircumstances);
        });
        var overridden = (await member.With<PolicyCheckService>(_dayAfterTomorrow).CheckAsync(input, Ct)).Findings;
        Assert.DoesNotContain(overridden, f => f.Code == RuleCodes.EmployeeNotEligible);
    }

    [Fact]
    public async Task Every_output_names_an_agreed_target_of_ones_own()
    {
        await PublishAsync();
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var current = (await andi.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.State == PeriodState.Running);
        var day = new RequestDay(WorkingDayIn(current), WorkMode.Home);

        var missing = (await andi.With<PolicyCheckService>(_dayAfterTomorrow).CheckAsync(new ProposedRequestInput([day], "Fokus", [new WorkPlanItem("Draf kajian")]), Ct)).Findings;
        Assert.Equal("Draf kajian", Assert.Single(missing, f => f.MessageKey == "WORK_PLAN_REQUIRED.Target").Arguments.Single());

        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        var sitis = (await siti.Get<TargetService>().MineAsync(current.Id, Ct))[0];
        Assert.Equal("WORK_PLAN_TARGET_UNKNOWN", (await Assert.ThrowsAsync<DomainException>(() =>
            andi.With<PolicyCheckService>(_dayAfterTomorrow).CheckAsync(new ProposedRequestInput([day], "Fokus", [new WorkPlanItem("Draf kajian", TargetId: sitis.Id)]), Ct))).Code);
    }

    [Fact]
    public async Task More_overdue_reports_than_allowed_refuse_new_flexible_days()
    {
        await PublishAsync();
        var ids = await fixture.EmployeeIdsAsync();
        var monday = new DateOnly(2030, 3, 18);
        await fixture.ArrangeAsync(async db =>
        {
            var agencyId = await db.Employees.IgnoreQueryFilters().Where(e => e.Id == ids["baru@demo.go.id"]).Select(e => e.AgencyId).SingleAsync(Ct);
            var request = WorkRequest.Create(agencyId, ids["baru@demo.go.id"], DateTimeOffset.UtcNow);
            request.Edit(new ProposedRequest([new RequestDay(monday, WorkMode.Home)], "Fokus", [new("Draf")]), DateTimeOffset.UtcNow);
            request.Submit(1, [], ApprovalRoute.Supervisor, DateTimeOffset.UtcNow, null);
            request.Approve(new Decider(ids["atasan@demo.go.id"], null), DateTimeOffset.UtcNow, null);
            db.WorkRequests.Add(request);
        });

        // Wednesday 20 March 2030: Monday's report was due Tuesday 10:00 and is missing.
        var wednesday = new TestClock(new DateTimeOffset(2030, 3, 20, 5, 0, 0, TimeSpan.Zero));
        await using var bunga = await fixture.ActAsAsync("baru@demo.go.id");
        var input = new ProposedRequestInput([new RequestDay(new DateOnly(2030, 3, 26), WorkMode.Home)], "Fokus", [new WorkPlanItem("Rekap")]);
        var finding = Assert.Single((await bunga.With<PolicyCheckService>(wednesday).CheckAsync(input, Ct)).Findings, f => f.Code == RuleCodes.ReportsOverdue);
        Assert.Equal((FindingSeverity.Block, "1", "0"), (finding.Severity, finding.Arguments[0], finding.Arguments[1]));

        await bunga.With<WorkReportService>(wednesday).WriteAsync(monday, [new ReportItem("Merekap usulan kenaikan pangkat")], null, Ct);
        Assert.DoesNotContain((await bunga.With<PolicyCheckService>(wednesday).CheckAsync(input, Ct)).Findings, f => f.Code == RuleCodes.ReportsOverdue);
    }

    /// <summary>Publishes, once per fixture, the demo policy with the performance rules on, effective tomorrow.</summary>
    private async Task PublishAsync()
    {
        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        var policies = admin.Get<PolicyAdministration>();
        var draft = await policies.GetDraftAsync(Ct);
        if (draft.Settings.Requests.WorkPlanNeedsTargets)
        {
            return;
        }

        var settings = draft.Settings with
        {
            Eligibility = draft.Settings.Eligibility with { MinLastRating = PerformanceRating.Baik },
            Performance = new PerformanceRules { SuspendAtOrBelow = PerformanceRating.ButuhPerbaikan, MaxOverdueReports = 0 },
            Requests = draft.Settings.Requests with { WorkPlanNeedsTargets = true },
        };
        var saved = await policies.SaveDraftAsync(settings, draft.Version, Ct);
        await policies.PublishAsync(new PublishInput(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1), "Keputusan Sekjen Nomor 41 Tahun 2026", saved.Version), Ct);
    }

    private async Task<(string Email, Guid Id)> RatedButuhPerbaikanAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.Get<Infrastructure.Persistence.FlexWorkDbContext>();
        var id = await db.Evaluations.IgnoreQueryFilters().Where(e => e.Predikat == PerformanceRating.ButuhPerbaikan).Select(e => e.EmployeeId).FirstAsync(Ct);
        return (await db.Employees.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.Email).SingleAsync(Ct), id);
    }

    /// <summary>A Monday-to-Friday day of the period that is no holiday: the rules judge it whether or not it is past.</summary>
    private static DateOnly WorkingDayIn(PeriodView period)
    {
        var day = period.From;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || NationalCalendar.Days.Any(d => d.Date == day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
