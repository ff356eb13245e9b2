using FlexWork.Application.Common;
using FlexWork.Application.Notifications;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Policies;
using FlexWork.Infrastructure.Email;
using FlexWork.Infrastructure.Persistence;
using FlexWork.IntegrationTests.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlexWork.IntegrationTests.Notifications;

public class NotificationTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submitting_notifies_the_supervisor_and_deciding_notifies_the_employee()
    {
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        monday = monday.AddDays(((int)DayOfWeek.Monday - (int)monday.DayOfWeek + 7) % 7);
        Guid requestId;
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            requestId = (await employee.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
                new ProposedRequestInput([new(monday, WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct)).Id;
        }

        await using (var supervisor = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            var bell = supervisor.ServiceProvider.GetRequiredService<NotificationService>();
            var waiting = Assert.Single(await bell.ListMineAsync(unreadOnly: true, cancellationToken: Ct), n => n.SubjectId == requestId);
            Assert.Equal((NotificationKind.Submitted, "Andi Pratama"), (waiting.Kind, waiting.SubjectName));
            Assert.True(await bell.UnreadCountAsync(Ct) >= 1);

            var request = (await supervisor.ServiceProvider.GetRequiredService<ApprovalService>().InboxAsync(Ct)).Single(i => i.Request.Id == requestId).Request;
            await supervisor.ServiceProvider.GetRequiredService<ApprovalService>().DecideAsync(requestId, Decision.Approve, null, request.Version, Ct);
            await bell.MarkAllReadAsync(Ct);
            Assert.Equal(0, await bell.UnreadCountAsync(Ct));
        }

        await using (var again = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            var approved = Assert.Single(await again.ServiceProvider.GetRequiredService<NotificationService>().ListMineAsync(cancellationToken: Ct), n => n.SubjectId == requestId);
            Assert.Equal((NotificationKind.Approved, "Siti Rahmawati", false), (approved.Kind, approved.SubjectName, approved.IsRead));
        }

        await using var otherAgency = await fixture.ActAsAsync("pegawai@demo2.go.id");
        Assert.DoesNotContain(await otherAgency.ServiceProvider.GetRequiredService<NotificationService>().ListMineAsync(cancellationToken: Ct), n => n.SubjectId == requestId);
        await using var platform = await fixture.ActAsAsync("platform@flexwork.local");
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => platform.ServiceProvider.GetRequiredService<NotificationService>().ListMineAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task With_smtp_configured_a_saved_notification_is_mailed_from_the_outbox_and_an_unsaved_one_is_not()
    {
        await using var smtp = new FakeSmtpServer();
        var mailer = Mailer(smtp.Port);

        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var atasan = await db.Employees.SingleAsync(e => e.Email == "atasan@demo.go.id", Ct);
        // An operation that failed before saving leaves its notification in another, discarded context.
        await using (var failed = await scope.ServiceProvider.GetRequiredService<IFlexWorkDbContextFactory>().CreateAsync(Ct))
        {
            failed.Notifications.Add(Notification.Create(atasan.AgencyId, atasan.Id, NotificationKind.Escalated, Guid.NewGuid(), "Tidak Tersimpan", DateTimeOffset.UtcNow, mail: true));
        }

        var requestId = Guid.NewGuid();
        db.Notifications.Add(Notification.Create(atasan.AgencyId, atasan.Id, NotificationKind.Escalated, requestId, "Andi Pratama", DateTimeOffset.UtcNow, mail: true));
        await db.SaveChangesAsync(Ct);
        Assert.Equal(1, await Outbox(mailer).SendDueAsync(Ct));

        var (recipient, data) = await smtp.Received.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("atasan@demo.go.id", recipient);
        Assert.Contains("Andi Pratama", data, StringComparison.Ordinal);
        Assert.DoesNotContain("Tidak Tersimpan", data, StringComparison.Ordinal);
        Assert.Equal(NotificationMail.Sent, await MailStateAsync(requestId));
        Assert.Equal(0, await Outbox(mailer).SendDueAsync(Ct)); // sent once
    }

    [Fact]
    public async Task A_mail_server_that_is_away_fails_nobodys_change_and_the_mail_goes_out_once_it_is_back()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port; // nothing listens there once the probe stops
        }

        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var atasan = await db.Employees.SingleAsync(e => e.Email == "atasan@demo.go.id", Ct);
        var requestId = Guid.NewGuid();
        db.Notifications.Add(Notification.Create(atasan.AgencyId, atasan.Id, NotificationKind.Submitted, requestId, "Andi Pratama", DateTimeOffset.UtcNow, mail: true));
        await db.SaveChangesAsync(Ct); // the change and its outbox entry are committed, whatever the mail server does

        Assert.Equal(0, await Outbox(Mailer(port)).SendDueAsync(Ct));
        Assert.Equal(NotificationMail.Pending, await MailStateAsync(requestId));

        await using var smtp = new FakeSmtpServer();
        Assert.Equal(0, await Outbox(Mailer(smtp.Port)).SendDueAsync(Ct)); // not due yet: retries back off
        Assert.Equal(1, await Outbox(Mailer(smtp.Port), TimeSpan.FromMinutes(2)).SendDueAsync(Ct));
        Assert.Equal("atasan@demo.go.id", (await smtp.Received.WaitAsync(TimeSpan.FromSeconds(10), Ct)).Recipient);
        Assert.Equal(NotificationMail.Sent, await MailStateAsync(requestId));
    }

    [Fact]
    public async Task With_credentials_the_mailer_requires_starttls_and_refuses_a_server_without_it()
    {
        await using var smtp = new FakeSmtpServer(); // offers no STARTTLS
        var withCredentials = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, UseStartTls = false, UserName = "flexwork", Password = "rahasia" };
        Assert.Equal(MailKit.Security.SecureSocketOptions.StartTls, withCredentials.Security);
        var mailer = new SmtpInvitationMailer(Options.Create(withCredentials), NullLogger<SmtpInvitationMailer>.Instance);
        Assert.False(await mailer.SendAsync("atasan@demo.go.id", "Siti", "Uji", "Isi", Ct));
        Assert.Equal(MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable, new SmtpOptions { Host = "x" }.Security);
    }

    private static SmtpInvitationMailer Mailer(int port) => new(
        Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, UseStartTls = false, From = "noreply@demo.go.id" }),
        NullLogger<SmtpInvitationMailer>.Instance);

    /// <param name="later">How far ahead the outbox's clock runs (for retries that are due later).</param>
    private MailOutbox Outbox(SmtpInvitationMailer mailer, TimeSpan later = default) => new(
        fixture.Services.CreateScope().ServiceProvider.GetRequiredService<IFlexWorkDbContextFactory>(), mailer, new Ahead(later), NullLogger<MailOutbox>.Instance);

    private async Task<NotificationMail> MailStateAsync(Guid requestId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Notifications.IgnoreQueryFilters()
            .Where(n => n.SubjectId == requestId).Select(n => n.Mail).SingleAsync(Ct);
    }

    private sealed class Ahead(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
