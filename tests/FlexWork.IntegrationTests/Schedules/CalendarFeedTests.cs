using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Application.Schedules.CalendarFeed;
using FlexWork.Domain.Policies;
using FlexWork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Schedules;

public class CalendarFeedTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_feed_lists_approved_days_behind_a_secret_that_can_be_renewed()
    {
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50);
        monday = monday.AddDays(((int)DayOfWeek.Monday - (int)monday.DayOfWeek + 7) % 7);
        Guid id;
        string token;
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            id = (await employee.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
                new ProposedRequestInput([new(monday, WorkMode.Home, new TimeOnly(7, 30), new TimeOnly(16, 0))], "Laporan", [new WorkPlanItem("Laporan")]),
                submit: true, cancellationToken: Ct)).Id;
            var feeds = employee.ServiceProvider.GetRequiredService<CalendarFeedService>();
            Assert.False(await feeds.HasFeedAsync(Ct));
            token = await feeds.RenewTokenAsync(Ct);
            Assert.True(await feeds.HasFeedAsync(Ct));
        }

        await AssertSecretNotStoredInClearAsync(token);

        await using var anonymous = fixture.Services.CreateAsyncScope();
        var feed = anonymous.ServiceProvider.GetRequiredService<CalendarFeedService>();
        var pending = await feed.FeedAsync(token, Ct);
        Assert.NotNull(pending);
        Assert.DoesNotContain(monday.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), pending, StringComparison.Ordinal); // only approved days

        await using (var supervisor = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            var version = (await supervisor.ServiceProvider.GetRequiredService<ApprovalService>().InboxAsync(Ct)).Single(i => i.Request.Id == id).Request.Version;
            await supervisor.ServiceProvider.GetRequiredService<ApprovalService>().DecideAsync(id, Decision.Approve, null, version, Ct);
        }

        // Parsed back as a calendar app would: one event at 07:30–16:00 Jakarta time that day.
        var approved = await feed.FeedAsync(token, Ct);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", approved, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(approved!)!;
        var day = Assert.Single(calendar.Events, e => DateOnly.FromDateTime(e.DtStart!.Value) == monday);
        Assert.Equal("Bekerja dari rumah / Working from home", day.Summary);
        Assert.Equal("Asia/Jakarta", day.DtStart!.TzId);
        Assert.Equal(new DateTime(monday, new TimeOnly(7, 30)), day.DtStart.Value);
        Assert.Equal(new DateTime(monday, new TimeOnly(16, 0)), day.DtEnd!.Value);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Asia/Jakarta");
        Assert.All(approved!.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line)); // RFC 5545 folding

        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            var renewed = await employee.ServiceProvider.GetRequiredService<CalendarFeedService>().RenewTokenAsync(Ct);
            Assert.NotEqual(token, renewed);
            Assert.NotNull(await feed.FeedAsync(renewed, Ct));
        }

        Assert.Null(await feed.FeedAsync(token, Ct));
        Assert.Null(await feed.FeedAsync("tidak-ada", Ct));
    }

    /// <summary>Neither the employee row nor the append-only audit log (nor its export) holds the secret or its hash.</summary>
    private async Task AssertSecretNotStoredInClearAsync(string token)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var employee = await db.Employees.IgnoreQueryFilters().SingleAsync(e => e.Email == "pegawai@demo.go.id", Ct);
        Assert.NotNull(employee.CalendarFeedSecretHash);
        Assert.NotEqual(token, employee.CalendarFeedSecretHash);
        var audit = await db.AuditEntries.IgnoreQueryFilters().Select(a => a.Changes).ToListAsync(Ct);
        Assert.Contains(audit, changes => changes.Contains(nameof(employee.CalendarFeedSecretHash), StringComparison.Ordinal)); // the renewal is audited…
        Assert.DoesNotContain(audit, changes => changes.Contains(token, StringComparison.Ordinal)); // …without the secret
        Assert.DoesNotContain(audit, changes => changes.Contains(employee.CalendarFeedSecretHash, StringComparison.Ordinal)); // …or its hash
    }
}
