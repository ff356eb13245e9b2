using FlexWork.Application.Requests;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Requests;

/// <summary>"This request still plans this day" has one answer: the SQL the schedules, caps and feed read agrees with the domain's rule, for every status.</summary>
public class PlannedDaysTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_planned_days_query_gives_the_domains_answer_for_every_status()
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var employee = await db.Employees.SingleAsync(e => e.Email == "pegawai@demo.go.id", Ct);
        var head = new Decider(await db.Employees.Where(e => e.Email == "atasan@demo.go.id").Select(e => e.Id).SingleAsync(Ct), null);
        var monday = TestWeeks.Free(8);
        var now = DateTimeOffset.UtcNow;
        var week = Enumerable.Range(0, 5).Select(monday.AddDays).ToList();

        WorkRequest Request(Action<WorkRequest> then)
        {
            var request = WorkRequest.Create(employee.AgencyId, employee.Id, now);
            request.Edit(new ProposedRequest([.. week.Select(d => new RequestDay(d, WorkMode.Home))]), now);
            then(request);
            return request;
        }

        void Submit(WorkRequest r) => r.Submit(1, [], ApprovalRoute.Supervisor, now, null);
        var requests = new[]
        {
            Request(_ => { }),                                                        // draft: plans nothing
            Request(Submit),                                                          // pending: plans every day
            Request(r => { Submit(r); r.Approve(head, now, null); }),                 // approved: every day
            Request(r => { Submit(r); r.Reject(head, now, "tidak"); }),               // rejected: nothing
            Request(r => { Submit(r); r.Withdraw(week[0].AddDays(-7), now, null, null); }), // withdrawn before a decision: nothing
            Request(r => { Submit(r); r.Approve(head, now, null); r.Withdraw(week[1], now, null, "sakit"); }), // up to and with Tuesday
            Request(r => { Submit(r); r.Approve(head, now, null); r.Revoke(head, week[2], now, "rapat"); }),  // up to and with Wednesday
        };
        db.WorkRequests.AddRange(requests);
        await db.SaveChangesAsync(Ct);

        var ids = requests.Select(r => r.Id).ToList();
        var expected = requests.SelectMany(r => r.Days.Where(d => r.Plans(d.Date)).Select(d => (r.Id, d.Date))).ToHashSet();
        var actual = (await db.WorkRequests.Where(r => ids.Contains(r.Id)).PlannedDays(week[0], week[^1]).ToListAsync(Ct))
            .Select(d => (d.RequestId, d.Date)).ToHashSet();

        Assert.Equal(5 + 5 + 2 + 3, expected.Count); // the rule is not vacuous: pending, approved, and the two cut short
        Assert.True(expected.SetEquals(actual), $"SQL planned {actual.Count} days, the domain {expected.Count}");
    }
}
