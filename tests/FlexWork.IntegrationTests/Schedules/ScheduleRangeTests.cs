using FlexWork.Application.Schedules.ViewSchedule;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Schedules;

/// <summary>"This Monday" of a schedule's default range is the caller's Monday, not UTC's.</summary>
public class ScheduleRangeTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_default_range_starts_on_the_callers_monday_in_their_time_zone()
    {
        // Sunday 20:00 UTC is already Monday 03:00 in Jakarta.
        var sundayEvening = new DateTimeOffset(2026, 12, 13, 20, 0, 0, TimeSpan.Zero);
        await using var scope = await fixture.ActAsAsync("pegawai@demo.go.id");
        var schedules = ActivatorUtilities.CreateInstance<ScheduleService>(scope.ServiceProvider, new Clock(sundayEvening));

        var (from, to) = await schedules.RangeAsync(null, null, Ct);

        Assert.Equal(new DateOnly(2026, 12, 14), from);
        Assert.Equal(new DateOnly(2027, 1, 10), to);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), await schedules.RangeAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), Ct));
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
