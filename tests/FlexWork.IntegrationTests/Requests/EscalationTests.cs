using FlexWork.Application.Notifications;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests.EscalateRequests;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Policies;
using FlexWork.Infrastructure.Jobs;
using FlexWork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlexWork.IntegrationTests.Requests;

public class EscalationTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_pending_past_the_policys_working_days_goes_to_the_unit_head_who_is_notified()
    {
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        monday = monday.AddDays(((int)DayOfWeek.Monday - (int)monday.DayOfWeek + 7) % 7);
        Guid id;
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            id = (await employee.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
                new ProposedRequestInput([new(monday, WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct)).Id;
        }

        await using var scope = fixture.Services.CreateAsyncScope();
        var escalation = scope.ServiceProvider.GetRequiredService<EscalationService>();
        Assert.Equal(0, await escalation.EscalateDueAsync(DateTimeOffset.UtcNow.AddDays(1), Ct)); // one day: not yet
        Assert.True(await escalation.EscalateDueAsync(DateTimeOffset.UtcNow.AddDays(10), Ct) >= 1);

        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var request = await db.WorkRequests.IgnoreQueryFilters().SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(2, request.Level);

        await using var head = await fixture.ActAsAsync("kepala@demo.go.id");
        var bell = await head.ServiceProvider.GetRequiredService<NotificationService>().ListMineAsync(cancellationToken: Ct);
        Assert.Contains(bell, n => n.RequestId == id && n.Kind == NotificationKind.Escalated && n.SubjectName == "Andi Pratama");
        Assert.Contains(await head.ServiceProvider.GetRequiredService<Application.Requests.DecideRequest.ApprovalService>().InboxAsync(Ct), i => i.Request.Id == id);
    }

    [Fact]
    public async Task Only_one_app_instance_escalates_at_a_time()
    {
        var worker = new EscalationWorker(
            fixture.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            Options.Create(new EscalationOptions()), NullLogger<EscalationWorker>.Instance);
        Assert.True(await worker.RunOnceAsync(Ct));

        // Another instance holds the lock: this one skips the round.
        await using var scope = fixture.Services.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        await other.Database.OpenConnectionAsync(Ct);
        await other.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({EscalationWorker.LockKey})", Ct);
        Assert.False(await worker.RunOnceAsync(Ct));
        await other.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({EscalationWorker.LockKey})", Ct);
        Assert.True(await worker.RunOnceAsync(Ct));
    }
}
