using FlexWork.Application.Common;
using FlexWork.Application.Notifications;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.DelegateDecisions;
using FlexWork.Application.Requests.EscalateRequests;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Requests;

/// <summary>Nobody decides on, revokes or is escalated their own request, whatever a delegation or the org chart says.</summary>
public class SeparationOfDutiesTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_acting_official_who_reports_to_the_principal_decides_the_others_but_never_their_own_request()
    {
        var ids = await IdsAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var appointed = await AsAsync("atasan@demo.go.id", s => s.GetRequiredService<DelegationService>()
            .CreateAsync(new DelegationInput(ids["pegawai@demo.go.id"], today.AddDays(-1), today.AddDays(30), "Sprint Plh 11/2026"), Ct));
        Assert.True(appointed.DelegateOwnRequestsExcluded, "the appointment tells the principal that the delegate's own requests stay with them");

        var own = await SubmitAsync("pegawai@demo.go.id", TestWeeks.Free(0));
        var colleague = await SubmitForColleagueAsync(TestWeeks.Free(0).AddDays(1));

        var inbox = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<ApprovalService>().InboxAsync(Ct));
        Assert.Contains(inbox, i => i.Request.Id == colleague.Id);
        Assert.DoesNotContain(inbox, i => i.Request.Id == own.Id);

        foreach (var decision in Enum.GetValues<Decision>())
        {
            var refused = await Assert.ThrowsAsync<ForbiddenAccessException>(() => AsAsync("pegawai@demo.go.id", s =>
                s.GetRequiredService<ApprovalService>().DecideAsync(own.Id, decision, "alasan", own.Version, Ct)));
            Assert.Equal("REQUEST_OWN_DECISION", refused.Reason);
        }

        var bulk = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<ApprovalService>()
            .ApproveCleanAsync([new DecisionTarget(own.Id, own.Version), new DecisionTarget(colleague.Id, colleague.Version)], null, Ct));
        Assert.Equal("REQUEST_OWN_DECISION", bulk.Single(o => o.Id == own.Id).Refusal?.Code);
        Assert.True(bulk.Single(o => o.Id == colleague.Id).Approved);
        Assert.Equal(RequestStatus.Submitted, await StatusAsync(own.Id));

        // The principal still decides it; the acting official cannot take it back either.
        var approved = await AsAsync("atasan@demo.go.id", s => s.GetRequiredService<ApprovalService>().DecideAsync(own.Id, Decision.Approve, null, own.Version, Ct));
        var revocable = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<ApprovalService>().RevocableAsync(Ct));
        Assert.Contains(revocable, r => r.Id == colleague.Id);
        Assert.DoesNotContain(revocable, r => r.Id == own.Id);
        var revoke = await Assert.ThrowsAsync<ForbiddenAccessException>(() => AsAsync("pegawai@demo.go.id", s =>
            s.GetRequiredService<ApprovalService>().RevokeAsync(own.Id, "cabut sendiri", approved.Version, Ct)));
        Assert.Equal("REQUEST_OWN_DECISION", revoke.Reason);
        Assert.Equal(RequestStatus.Approved, await StatusAsync(own.Id));
    }

    [Fact]
    public async Task A_request_escalated_to_a_head_whose_acting_official_is_the_employee_waits_for_the_head_not_for_the_employee()
    {
        var ids = await IdsAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var appointed = await AsAsync("kepala@demo.go.id", s => s.GetRequiredService<DelegationService>()
            .CreateAsync(new DelegationInput(ids["pegawai@demo.go.id"], today.AddDays(-1), today.AddDays(30), "Sprint Plh 12/2026"), Ct));
        Assert.True(appointed.DelegateOwnRequestsExcluded, "pegawai works in a unit the head heads");

        var own = await SubmitAsync("pegawai@demo.go.id", TestWeeks.Free(1));
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<EscalationService>().EscalateDueAsync(DateTimeOffset.UtcNow.AddDays(10), Ct) >= 1);
        }

        var mine = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<NotificationService>().ListMineAsync(cancellationToken: Ct));
        Assert.DoesNotContain(mine, n => n.RequestId == own.Id && n.Kind == NotificationKind.Escalated);
        Assert.DoesNotContain(await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<ApprovalService>().InboxAsync(Ct)), i => i.Request.Id == own.Id);
        var escalated = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().GetAsync(own.Id, Ct));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => AsAsync("pegawai@demo.go.id", s =>
            s.GetRequiredService<ApprovalService>().DecideAsync(own.Id, Decision.Approve, null, escalated.Version, Ct)));

        var head = await AsAsync("kepala@demo.go.id", s => s.GetRequiredService<NotificationService>().ListMineAsync(cancellationToken: Ct));
        Assert.Contains(head, n => n.RequestId == own.Id && n.Kind == NotificationKind.Escalated);
        Assert.Contains(await AsAsync("kepala@demo.go.id", s => s.GetRequiredService<ApprovalService>().InboxAsync(Ct)), i => i.Request.Id == own.Id);
    }

    private Task<RequestDetails> SubmitAsync(string email, DateOnly day) => AsAsync(email, s => s.GetRequiredService<RequestService>()
        .CreateAsync(new ProposedRequestInput([new(day, WorkMode.Home)], "Menyusun laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct));

    /// <summary>A request of another of the supervisor's reports, submitted as the service would.</summary>
    private async Task<RequestDetails> SubmitForColleagueAsync(DateOnly day)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id"); // the agency's context: its notification is written with it
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var colleague = await db.Employees.IgnoreQueryFilters()
            .Where(e => e.Email != "pegawai@demo.go.id" && e.Email != "baru@demo.go.id" && e.IsActive && db.Employees.IgnoreQueryFilters().Any(s => s.Id == e.SupervisorId && s.Email == "atasan@demo.go.id"))
            .OrderBy(e => e.Nip).FirstAsync(Ct);
        var now = DateTimeOffset.UtcNow;
        var request = WorkRequest.Create(colleague.AgencyId, colleague.Id, now);
        request.Edit(new ProposedRequest([new RequestDay(day, WorkMode.Home)], "Menyusun laporan"), now);
        request.Submit(1, [], ApprovalRoute.Supervisor, now, null);
        db.WorkRequests.Add(request);
        await db.SaveChangesAsync(Ct);
        return RequestDetails.From(request, colleague.FullName);
    }

    private async Task<RequestStatus> StatusAsync(Guid id)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().WorkRequests.IgnoreQueryFilters()
            .Where(r => r.Id == id).Select(r => r.Status).SingleAsync(Ct);
    }

    private async Task<Dictionary<string, Guid>> IdsAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.IgnoreQueryFilters()
            .Where(e => e.Email == "pegawai@demo.go.id" || e.Email == "baru@demo.go.id")
            .ToDictionaryAsync(e => e.Email, e => e.Id, Ct);
    }

    private async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = await fixture.ActAsAsync(email);
        return await act(scope.ServiceProvider);
    }
}
