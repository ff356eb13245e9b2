using FlexWork.Application.Common;
using FlexWork.Application.Presence;
using FlexWork.Domain.Presence;
using FlexWork.IntegrationTests.Performance;
using FlexWork.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Presence;

/// <summary>
/// Hours and absences on a week of Andi's far enough ahead that nothing else touches it: a full
/// day, a late day, a day away, a sick day excused by Siti, and a day away again; read back the
/// Monday after, by Andi and by Siti. (The year's absences also hold the working days since the
/// demo's presence began; the week's own are checked by date.)
/// </summary>
public class PresenceLedgerTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static readonly DateOnly Monday = Enumerable.Range(0, 10).Select(n => TestWeeks.Free(n, daysAhead: 300)).First(m => m.AddDays(7).Year == m.Year);

    private static TestClock At(DateOnly date, int hour, int minute = 0) => new(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(7)));

    [Fact]
    public async Task A_short_week_a_late_start_and_unexcused_days_are_shown_with_the_rule_they_are_measured_by()
    {
        await using (var andi = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            await Day(andi, Monday, (7, 30), (16, 0)); // 8 h 30 gross, 7 h 30 net
            await Day(andi, Monday.AddDays(1), (9, 30), (17, 0)); // after the latest start (09:00): 6 h 30 net
            var sick = await andi.With<PresenceService>(At(Monday.AddDays(3), 18))
                .RequestCorrectionAsync(new CorrectionInput(Monday.AddDays(3), null, null, "Demam, surat dokter terlampir", AbsenceExcuse.Sick), Ct);
            await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
            await siti.With<TeamPresenceService>(At(Monday.AddDays(3), 19)).ApproveAsync(sick.Id, null, sick.Version, Ct);
        }

        var nextMonday = At(Monday.AddDays(7), 10);
        await using var me = await fixture.ActAsAsync("pegawai@demo.go.id");
        var mine = await me.With<PresenceLedgerService>(nextMonday).MineAsync(Monday.AddDays(2), Ct);
        Assert.Equal((Monday, 450 + 390, 5 * 450, true, 5 * 450 - 840, 1), (mine.Week.Monday, mine.Week.NetMinutes, mine.Week.OwedMinutes, mine.Week.IsShort, mine.Week.ShortByMinutes, mine.Week.LateStarts));
        Assert.Equal([Monday.AddDays(2), Monday.AddDays(4)], mine.Absences.Dates.Where(d => d >= Monday)); // Thursday is excused
        Assert.Equal(mine.Absences.Dates.Count, mine.Absences.Days);
        Assert.Equal(AbsenceBands.Of(mine.Absences.Days), mine.Absences.Band);
        Assert.Equal(AbsenceExcuse.Sick, mine.Week.Days.Single(d => d.Date == Monday.AddDays(3)).Excuse);
        Assert.Equal((2250, new TimeOnly(9, 0)), (mine.Clause.WeeklyMinutes, mine.Clause.LatestStart));

        var ahead = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => me.With<PresenceLedgerService>(nextMonday).MineAsync(Monday.AddDays(14), Ct));
        Assert.Equal("PRESENCE_WEEK_RANGE", ahead.Code);
        var running = await me.With<PresenceLedgerService>(At(Monday.AddDays(2), 10)).MineAsync(null, Ct);
        Assert.False(running.Week.IsShort); // a week still running is never short

        await using var siti2 = await fixture.ActAsAsync("atasan@demo.go.id");
        var team = await siti2.With<PresenceLedgerService>(nextMonday).TeamAsync(Monday, Ct);
        var andiRow = Assert.Single(team, l => l.FullName == "Andi Pratama");
        Assert.Equal((840, mine.Absences.Days), (andiRow.Week.NetMinutes, andiRow.Absences.Days));
        Assert.DoesNotContain(team, l => l.FullName == "Siti Rahmawati");

        await using var other = await fixture.ActAsAsync("pegawai@demo2.go.id");
        Assert.Empty(await other.With<PresenceLedgerService>(nextMonday).TeamAsync(Monday, Ct));
        await using var platform = await fixture.ActAsAsync(Infrastructure.Seeding.DemoSeeder.PlatformAdminEmail);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => platform.With<PresenceLedgerService>(nextMonday).MineAsync(null, Ct));
    }

    private static async Task Day(AsyncServiceScope scope, DateOnly date, (int H, int M) checkIn, (int H, int M) checkOut)
    {
        await scope.With<PresenceService>(At(date, checkIn.H, checkIn.M)).CheckInAsync(new PresenceInput(), Ct);
        await scope.With<PresenceService>(At(date, checkOut.H, checkOut.M)).CheckOutAsync(new PresenceInput(), Ct);
    }
}
