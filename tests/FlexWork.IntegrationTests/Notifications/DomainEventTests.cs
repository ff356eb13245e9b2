using FlexWork.Application.Common;
using FlexWork.Application.Notifications;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FlexWork.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Notifications;

/// <summary>
/// A request's steps raise domain events, and their notifications are written by the save of the
/// step itself: one per step, none when the step is rolled back, and the mail outbox is woken only
/// once they are committed.
/// </summary>
public class DomainEventTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_decision_writes_exactly_one_notification_and_a_rolled_back_or_lost_decision_writes_none()
    {
        var id = await SubmitAsync(TestWeeks.Free(0));
        Assert.Equal([NotificationKind.Submitted], await KindsAsync(id));

        await using var supervisor = await fixture.ActAsAsync("atasan@demo.go.id");
        var supervisorId = supervisor.ServiceProvider.GetRequiredService<ICurrentUser>().RequireEmployee();
        var rolledBack = await Assert.ThrowsAsync<InvalidOperationException>(() => supervisor.ServiceProvider.GetRequiredService<IFlexWorkDbContextFactory>()
            .InTransactionAsync<int>(
                async (db, ct) =>
                {
                    var request = await db.WorkRequests.SingleAsync(r => r.Id == id, ct);
                    request.Reject(new Decider(supervisorId, null), DateTimeOffset.UtcNow, "Tidak sesuai");
                    await db.SaveChangesAsync(ct);
                    Assert.Equal(2, await db.Notifications.CountAsync(n => n.SubjectId == id, ct)); // written by that save, in its transaction
                    throw new InvalidOperationException("rolled back");
                },
                Ct));
        Assert.Equal("rolled back", rolledBack.Message);
        Assert.Equal([NotificationKind.Submitted], await KindsAsync(id));

        var approvals = supervisor.ServiceProvider.GetRequiredService<ApprovalService>();
        var version = (await approvals.InboxAsync(Ct)).Single(i => i.Request.Id == id).Request.Version;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => approvals.DecideAsync(id, Decision.Approve, null, version + 1, Ct));
        Assert.Equal([NotificationKind.Submitted], await KindsAsync(id));

        await approvals.DecideAsync(id, Decision.Approve, null, version, Ct);
        Assert.Equal([NotificationKind.Submitted, NotificationKind.Approved], await KindsAsync(id));
        await using var employee = await fixture.ActAsAsync("pegawai@demo.go.id");
        var approved = Assert.Single(await employee.ServiceProvider.GetRequiredService<NotificationService>().ListMineAsync(cancellationToken: Ct), n => n.SubjectId == id);
        Assert.Equal((NotificationKind.Approved, "Siti Rahmawati"), (approved.Kind, approved.SubjectName));
    }

    [Fact]
    public async Task The_mail_outbox_is_woken_after_the_commit_and_not_for_a_rollback()
    {
        var outbox = fixture.Services.GetRequiredService<MailOutboxSignal>();
        await outbox.WaitAsync(TimeSpan.Zero, Ct); // a wake left by an earlier test
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var factory = scope.ServiceProvider.GetRequiredService<IFlexWorkDbContextFactory>();
        var atasan = await EmployeeAsync("atasan@demo.go.id");

        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.InTransactionAsync<int>(
            async (db, ct) =>
            {
                db.Notifications.Add(Notification.Create(atasan.AgencyId, atasan.Id, NotificationKind.Escalated, Guid.NewGuid(), "Andi Pratama", DateTimeOffset.UtcNow, mail: true));
                await db.SaveChangesAsync(ct);
                throw new InvalidOperationException("rolled back");
            },
            Ct));
        Assert.False(await outbox.WaitAsync(TimeSpan.Zero, Ct));

        await factory.InTransactionAsync(
            async (db, ct) =>
            {
                db.Notifications.Add(Notification.Create(atasan.AgencyId, atasan.Id, NotificationKind.Escalated, Guid.NewGuid(), "Andi Pratama", DateTimeOffset.UtcNow, mail: true));
                await db.SaveChangesAsync(ct);
                Assert.False(await outbox.WaitAsync(TimeSpan.Zero, ct)); // saved, not committed: the outbox could not see it yet
                return 0;
            },
            Ct);
        Assert.True(await outbox.WaitAsync(TimeSpan.Zero, Ct));
    }

    private async Task<Guid> SubmitAsync(DateOnly day)
    {
        await using var employee = await fixture.ActAsAsync("pegawai@demo.go.id");
        return (await employee.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
            new ProposedRequestInput([new(day, WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct)).Id;
    }

    private async Task<List<NotificationKind>> KindsAsync(Guid requestId)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        await using var db = await scope.ServiceProvider.GetRequiredService<IFlexWorkDbContextFactory>().CreateAsync(Ct);
        return await db.Notifications.Where(n => n.SubjectId == requestId).OrderBy(n => n.CreatedAt).Select(n => n.Kind).ToListAsync(Ct);
    }

    private async Task<Domain.Employees.Employee> EmployeeAsync(string email)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        await using var db = await scope.ServiceProvider.GetRequiredService<IFlexWorkDbContextFactory>().CreateAsync(Ct);
        return await db.Employees.AsNoTracking().SingleAsync(e => e.Email == email, Ct);
    }
}
