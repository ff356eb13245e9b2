using FlexWork.Application.Organization.ManageUnits;
using FlexWork.Application.Employees.ManageEmployees;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.DelegateDecisions;
using FlexWork.Application.Requests.EscalateRequests;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Application.Schedules.ViewSchedule;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Policies;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Requests;

/// <summary>
/// One org chart, one answer: for the same request, the decision rights, the escalation's
/// recipient, the inbox and the team schedule name the same people, at both levels, for a unit
/// without a head of its own (its head is the one above), and for an acting official.
/// </summary>
public class OrgChartAnswersTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decision_rights_escalation_inbox_and_team_schedule_agree_at_both_levels()
    {
        // Andi moves to a new section under the HR bureau that has no head of its own.
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var employees = admin.ServiceProvider.GetRequiredService<EmployeeAdministration>();
            var andi = await IdOfAsync(admin, "pegawai@demo.go.id");
            var details = await employees.GetAsync(andi, Ct);
            var section = await admin.ServiceProvider.GetRequiredService<UnitAdministration>()
                .CreateAsync(new UnitInput("Subbagian Data Kepegawaian", details.UnitId, null, null), Ct);
            await employees.UpdateAsync(andi, details.ToInput() with { UnitId = section }, Ct);
        }

        var monday = TestWeeks.Free(5);
        Guid id;
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            id = (await employee.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
                new ProposedRequestInput([new(monday, WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct)).Id;
        }

        var supervisor = await IdOfAsync("atasan@demo.go.id");
        var head = await IdOfAsync("kepala@demo.go.id");
        Assert.Equal(supervisor, await DeciderAsync(id, 1));
        await AssertSeenByAsync("atasan@demo.go.id", id, monday);

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<EscalationService>().EscalateDueAsync(DateTimeOffset.UtcNow.AddDays(10), Ct) >= 1);
            var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            var escalatedTo = await db.Notifications.IgnoreQueryFilters()
                .Where(n => n.SubjectId == id && n.Kind == NotificationKind.Escalated).Select(n => n.RecipientEmployeeId).SingleAsync(Ct);
            Assert.Equal(head, escalatedTo);
        }

        Assert.Equal(head, await DeciderAsync(id, 2));
        await AssertSeenByAsync("kepala@demo.go.id", id, monday);
        await using (var former = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            Assert.DoesNotContain(await former.ServiceProvider.GetRequiredService<ApprovalService>().InboxAsync(Ct), i => i.Request.Id == id);
        }

        // The head appoints the supervisor acting official: the request is now in their inbox, for the head.
        await using (var kepala = await fixture.ActAsAsync("kepala@demo.go.id"))
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await kepala.ServiceProvider.GetRequiredService<DelegationService>().CreateAsync(new DelegationInput(supervisor, today.AddDays(-1), today.AddDays(7), "ND-1/2026"), Ct);
        }

        await using (var acting = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            Assert.Contains(await acting.ServiceProvider.GetRequiredService<ApprovalService>().InboxAsync(Ct), i => i.Request.Id == id);
            var db = acting.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            var request = await db.WorkRequests.SingleAsync(r => r.Id == id, Ct);
            Assert.Equal(head, await DecisionRights.ActingForAsync(db, supervisor, request, 2, TimeProvider.System, Ct));
        }
    }

    private async Task AssertSeenByAsync(string email, Guid requestId, DateOnly monday)
    {
        await using var scope = await fixture.ActAsAsync(email);
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<ApprovalService>().InboxAsync(Ct), i => i.Request.Id == requestId);
        var team = await scope.ServiceProvider.GetRequiredService<ScheduleService>().TeamAsync(monday, monday.AddDays(4), null, Ct);
        var andi = await IdOfAsync("pegawai@demo.go.id");
        Assert.Contains(team.Members, m => m.EmployeeId == andi);
    }

    private async Task<Guid?> DeciderAsync(Guid requestId, int level)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var request = await db.WorkRequests.IgnoreQueryFilters().SingleAsync(r => r.Id == requestId, Ct);
        return await DecisionRights.DeciderAsync(db, request, level, Ct);
    }

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await IdOfAsync(scope, email);
    }

    private static Task<Guid> IdOfAsync(AsyncServiceScope scope, string email) =>
        scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.IgnoreQueryFilters().Where(e => e.Email == email).Select(e => e.Id).SingleAsync(Ct);
}
