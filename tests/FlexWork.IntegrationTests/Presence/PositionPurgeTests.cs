using FlexWork.Application.Presence;
using FlexWork.Domain.Presence;
using FlexWork.Infrastructure.Jobs;
using FlexWork.Infrastructure.Persistence;
using FlexWork.IntegrationTests.Performance;
using FlexWork.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Presence;

/// <summary>The background job that deletes raw positions after the policy's retention period (30 days in the demo), driven by a test clock.</summary>
public class PositionPurgeTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task Positions_go_after_the_retention_period_the_checks_stay_and_one_instance_works_at_a_time()
    {
        var monday = TestWeeks.Free(0, daysAhead: 420);
        var checkedIn = new DateTimeOffset(monday.ToDateTime(new TimeOnly(7, 30)), TimeSpan.FromHours(7));
        await using (var andi = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            await andi.With<PresenceService>(new TestClock(checkedIn)).CheckInAsync(new PresenceInput(-6.2299, 106.8272, 20), Ct);
            await andi.With<PresenceService>(new TestClock(checkedIn.AddHours(8.5))).CheckOutAsync(new PresenceInput(-6.2299, 106.8272, 20), Ct);
        }

        // Each round is counted by outcome for the metrics (a skipped one too).
        var rounds = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == JobTelemetry.Name && instrument.Name == "flexwork.job.rounds")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var found = tags.ToArray();
            if (found.Any(t => t.Key == "job" && (string?)t.Value == nameof(PositionPurgeWorker)))
            {
                rounds.Enqueue((string)found.Single(t => t.Key == "outcome").Value!);
            }
        });
        listener.Start();

        var clock = new TestClock(checkedIn.AddDays(30).AddMinutes(-1));
        var worker = new PositionPurgeWorker(
            fixture.Services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new PositionPurgeOptions()), NullLogger<PositionPurgeWorker>.Instance);
        Assert.True(await worker.RunOnceAsync(Ct));
        Assert.NotNull((await DayAsync(monday)).CheckInPosition); // a minute early: kept

        // Another instance holds the lock: this one skips the round and deletes nothing.
        clock.Now = checkedIn.AddDays(30);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var other = scope.Get<FlexWorkDbContext>();
            await other.Database.OpenConnectionAsync(Ct);
            await other.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PositionPurgeWorker.LockKey})", Ct);
            Assert.False(await worker.RunOnceAsync(Ct));
            Assert.NotNull((await DayAsync(monday)).CheckInPosition);
            await other.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PositionPurgeWorker.LockKey})", Ct);
        }

        Assert.True(await worker.RunOnceAsync(Ct));
        var purged = await DayAsync(monday);
        Assert.Equal(((StoredPosition?)null, (StoredPosition?)null, clock.Now), (purged.CheckInPosition, purged.CheckOutPosition, purged.PositionsPurgedAt));
        Assert.Equal((LocationOutcome.Inside, LocationOutcome.Inside), (purged.CheckInCheck.Outcome, purged.CheckOutCheck!.Outcome));
        Assert.Equal(0, await fixture.AuditCountAsync(nameof(PresenceDay)));
        Assert.Equal(["done", "skipped", "done"], rounds);
    }

    private async Task<PresenceDay> DayAsync(DateOnly date)
    {
        await using var scope = await fixture.ActAsAsync("pegawai@demo.go.id");
        return await scope.Get<FlexWorkDbContext>().PresenceDays.AsNoTracking().SingleAsync(d => d.Date == date, Ct);
    }
}
