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
using Npgsql;

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

    [Fact]
    public async Task An_escalation_is_e_mailed_to_the_head_who_now_decides()
    {
        await using var smtp = new Accounts.FakeSmtpServer();
        await using var services = fixture.ServicesWith(new() { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Smtp:UseStartTls"] = "false" });
        var monday = FlexWork.Tests.Shared.TestWeeks.Free(3);
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            await employee.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
                new ProposedRequestInput([new(monday, WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct);
        }

        await using var scope = services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<EscalationService>().EscalateDueAsync(DateTimeOffset.UtcNow.AddDays(10), Ct) >= 1);
        Assert.True(await scope.ServiceProvider.GetRequiredService<MailOutbox>().SendDueAsync(Ct) >= 1);
        var (recipient, data) = await smtp.Received.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("kepala@demo.go.id", recipient);
        Assert.Contains("dieskalasi", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_changed_while_its_agency_is_escalated_leaves_the_other_agencies_round_intact()
    {
        var monday = FlexWork.Tests.Shared.TestWeeks.Free(4);
        Guid demo, demo2;
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            demo = (await employee.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
                new ProposedRequestInput([new(monday, WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct)).Id;
        }

        await using (var other = await fixture.ActAsAsync("pegawai@demo2.go.id"))
        {
            demo2 = (await other.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
                new ProposedRequestInput([new(monday, WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct)).Id;
        }

        // DEMO's save fails, as when a request changed meanwhile: a test trigger (the owner's to make) refuses its escalation.
        await using var owner = new NpgsqlConnection(fixture.OwnerConnectionString);
        await owner.OpenAsync(Ct);
        await using (var create = new NpgsqlCommand(
            $"CREATE FUNCTION fw_test_bump() RETURNS trigger AS $$ BEGIN IF NEW.id = '{demo}'::uuid " +
            "THEN RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'changed meanwhile'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; " +
            "CREATE TRIGGER fw_test_bump BEFORE UPDATE ON work_requests FOR EACH ROW EXECUTE FUNCTION fw_test_bump()", owner))
        {
            await create.ExecuteNonQueryAsync(Ct);
        }

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        try
        {
            await scope.ServiceProvider.GetRequiredService<EscalationService>().EscalateDueAsync(DateTimeOffset.UtcNow.AddDays(10), Ct);
        }
        finally
        {
            await using var drop = new NpgsqlCommand("DROP TRIGGER fw_test_bump ON work_requests; DROP FUNCTION fw_test_bump()", owner);
            await drop.ExecuteNonQueryAsync(Ct);
        }

        var levels = await db.WorkRequests.IgnoreQueryFilters().Where(r => r.Id == demo || r.Id == demo2).ToDictionaryAsync(r => r.Id, r => r.Level, Ct);
        Assert.Equal(1, levels[demo]); // its agency's round failed and is retried next time…
        Assert.Equal(2, levels[demo2]); // …while the other agency's went through
    }
}
