using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Application.Requests;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Requests;

/// <summary>The unit's on-site minimum holds when colleagues submit, and approvers approve, at the same moment.</summary>
public class UnitMinimumConcurrencyTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Colleagues_submitting_and_an_approver_approving_at_once_never_take_the_unit_below_its_minimum()
    {
        var safeguard = await PublishBlockingUnitMinimumAsync();
        var day = TestWeeks.Free(2).AddDays(2);
        var (unitId, headcount, colleagues) = await SdmColleaguesAsync();
        var mayBeAway = headcount - safeguard.MinimumOnSite(headcount);
        Assert.True(colleagues.Count > mayBeAway, $"{colleagues.Count} colleagues, {mayBeAway} may be away: the test needs more than can pass");

        // Everyone tries for the same day at once; the supervisor approves whatever is already in, at the same time.
        var approvals = Task.Run(async () =>
        {
            for (var round = 0; round < 5; round++)
            {
                await using var scope = await fixture.ActAsAsync("atasan@demo.go.id");
                var approvals = scope.ServiceProvider.GetRequiredService<ApprovalService>();
                var inbox = await approvals.InboxAsync(Ct);
                await approvals.ApproveCleanAsync([.. inbox.Select(i => new DecisionTarget(i.Request.Id, i.Request.Version))], null, Ct);
            }
        }, Ct);
        var submissions = await Task.WhenAll(colleagues.Select(email => Task.Run(async () =>
        {
            await using var scope = await fixture.ActAsAsync(email);
            try
            {
                await scope.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
                    new ProposedRequestInput([new(day, WorkMode.Home)], "Menyusun laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct);
                return true;
            }
            catch (RequestBlockedException blocked) when (blocked.Findings.Any(f => f.Code == RuleCodes.UnitOnsiteMinimum))
            {
                return false;
            }
        }, Ct)));
        await approvals;

        Assert.Equal(mayBeAway, submissions.Count(accepted => accepted));
        await using var check = fixture.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var away = await db.WorkRequests.IgnoreQueryFilters()
            .Where(r => r.Status == Domain.Requests.RequestStatus.Submitted || r.Status == Domain.Requests.RequestStatus.Approved)
            .Where(r => db.Employees.IgnoreQueryFilters().Any(e => e.Id == r.EmployeeId && e.UnitId == unitId))
            .CountAsync(r => r.Days.Any(d => d.Date == day && d.Mode != WorkMode.Office), Ct);
        Assert.Equal(mayBeAway, away);
    }

    /// <summary>The agency's policy with the unit minimum as a blocking rule, in force from today.</summary>
    private async Task<UnitSafeguard> PublishBlockingUnitMinimumAsync()
    {
        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        var policies = admin.ServiceProvider.GetRequiredService<PolicyAdministration>();
        var draft = await policies.GetDraftAsync(Ct);
        var severities = new Dictionary<string, FindingSeverity>(draft.Settings.Severities) { [RuleCodes.UnitOnsiteMinimum] = FindingSeverity.Block };
        await policies.SaveDraftAsync(draft.Settings with { Severities = severities }, draft.Version, Ct);
        await policies.PublishAsync(new PublishInput(PolicyCheckContext.TodayIn(DateTimeOffset.UtcNow, IndonesianTimeZones.Wib), "SK Sekjen 40/2026", (await policies.GetDraftAsync(Ct)).Version), Ct);
        return draft.Settings.Safeguard;
    }

    /// <summary>Biro SDM, its head-count, and the e-mails of its eligible people other than the two heads: pegawai@, the admin and the supervisor's reports.</summary>
    private async Task<(Guid UnitId, int Headcount, List<string> Emails)> SdmColleaguesAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var unitId = await db.Employees.IgnoreQueryFilters().Where(e => e.Email == "pegawai@demo.go.id").Select(e => e.UnitId).SingleAsync(Ct);
        var people = await db.Employees.IgnoreQueryFilters().Where(e => e.UnitId == unitId && e.IsActive).Select(e => e.Email).ToListAsync(Ct);
        string[] notTrying = ["kepala@demo.go.id", "atasan@demo.go.id", "baru@demo.go.id"]; // the heads stay, baru is too new
        return (unitId, people.Count, [.. people.Except(notTrying)]);
    }
}
