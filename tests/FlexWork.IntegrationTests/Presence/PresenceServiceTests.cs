using FlexWork.Application.Common;
using FlexWork.Application.Presence;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
using FlexWork.Domain.Requests;
using FlexWork.Infrastructure.Persistence;
using FlexWork.IntegrationTests.Performance;
using FlexWork.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Presence;

/// <summary>
/// Presensi through the services people use: Andi (pegawai) checks in and out in a week far enough
/// ahead that nothing else touches it, on an office day (the unit's office on the map) and a home
/// day (his domicile), and asks for corrections that Siti (atasan) decides.
/// </summary>
public class PresenceServiceTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static readonly DateOnly Monday = TestWeeks.Free(0, daysAhead: 300);
    private static readonly PresenceInput AtTheOffice = new(-6.2299, 106.8272, 20); // ~30 m from the Jakarta office (radius 150 m)
    private static readonly PresenceInput InBandung = new(-6.9175, 107.6191, 25);
    private static readonly PresenceInput AtHome = new(-6.2616, 106.8107, 12);

    private static TestClock At(DateOnly date, int hourWib, int minute = 0) => new(new DateTimeOffset(date.ToDateTime(new TimeOnly(hourWib, minute)), TimeSpan.FromHours(7)));

    [Fact]
    public async Task An_office_day_is_judged_against_the_units_office_once_in_and_once_out()
    {
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var morning = At(Monday, 7, 25);
        var today = await andi.With<PresenceService>(morning).TodayAsync(Ct);
        Assert.Equal((Monday, WorkMode.Office, true, "Biro Sumber Daya Manusia", true), (today.Date, today.Mode, today.IsWorkingDay, today.PlaceName, today.PlaceOnMap));
        Assert.Null(today.CheckIn);

        var checkedIn = await andi.With<PresenceService>(morning).CheckInAsync(AtTheOffice, Ct);
        Assert.Equal((morning.Now, LocationOutcome.Inside, 20), (checkedIn.CheckIn!.At, checkedIn.CheckIn.Check.Outcome, checkedIn.CheckIn.Check.AccuracyMeters));
        Assert.InRange(checkedIn.CheckIn.Check.DistanceMeters!.Value, 20, 40);

        morning.Now = morning.Now.AddMinutes(3); // a second tap keeps the first check-in
        Assert.Equal(checkedIn.CheckIn, (await andi.With<PresenceService>(morning).CheckInAsync(InBandung, Ct)).CheckIn);

        var evening = At(Monday, 16, 5);
        var checkedOut = await andi.With<PresenceService>(evening).CheckOutAsync(InBandung, Ct);
        Assert.Equal(LocationOutcome.Outside, checkedOut.CheckOut!.Check.Outcome);
        Assert.True(checkedOut.CheckOut.Check.IsFlag);
        Assert.InRange(checkedOut.CheckOut.Check.DistanceMeters!.Value, 110_000, 125_000);
        var again = await Assert.ThrowsAsync<DomainException>(() => andi.With<PresenceService>(At(Monday, 17)).CheckOutAsync(AtTheOffice, Ct));
        Assert.Equal("PRESENCE_ALREADY_CHECKED_OUT", again.Code);

        var row = await andi.Get<FlexWorkDbContext>().PresenceDays.AsNoTracking().SingleAsync(d => d.Date == Monday, Ct);
        Assert.Equal((evening.Now, new StoredPosition(-6.9175, 107.6191)), (row.CheckedOutAt, row.CheckOutPosition));
        Assert.False(await andi.Get<FlexWorkDbContext>().AuditEntries.AnyAsync(a => a.EntityType == nameof(PresenceDay), Ct)); // positions stay out of the log
    }

    [Fact]
    public async Task A_home_day_is_judged_against_the_domicile_and_no_location_is_recorded_as_such()
    {
        var tuesday = Monday.AddDays(1);
        await ApprovedDayAsync("pegawai@demo.go.id", tuesday, WorkMode.Home);
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");

        var checkedIn = await andi.With<PresenceService>(At(tuesday, 7, 40)).CheckInAsync(new PresenceInput(), Ct);
        Assert.Equal((WorkMode.Home, "Jl. Melati No. 12, Jakarta Selatan", LocationOutcome.NotGiven), (checkedIn.Mode, checkedIn.PlaceName, checkedIn.CheckIn!.Check.Outcome));
        Assert.False(checkedIn.CheckIn.Check.IsFlag); // declining the location is a right, not a flag

        var checkedOut = await andi.With<PresenceService>(At(tuesday, 16, 10)).CheckOutAsync(AtHome, Ct);
        Assert.Equal(LocationOutcome.Inside, checkedOut.CheckOut!.Check.Outcome);
    }

    [Theory]
    [InlineData(91.0, 106.8, 10.0)]
    [InlineData(-6.2, 106.8, null)]
    [InlineData(double.NaN, 106.8, 10.0)]
    [InlineData(-6.2, 106.8, -1.0)]
    public async Task A_broken_location_is_refused_and_nothing_is_recorded(double latitude, double longitude, double? accuracy)
    {
        var wednesday = Monday.AddDays(2);
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var refused = await Assert.ThrowsAsync<DomainException>(() => andi.With<PresenceService>(At(wednesday, 7)).CheckInAsync(new PresenceInput(latitude, longitude, accuracy), Ct));
        Assert.Equal("PRESENCE_LOCATION_INVALID", refused.Code);
        Assert.Null((await andi.With<PresenceService>(At(wednesday, 7)).TodayAsync(Ct)).CheckIn);
    }

    [Fact]
    public async Task A_check_out_without_a_check_in_is_refused_with_the_way_out()
    {
        await using var baru = await fixture.ActAsAsync("baru@demo.go.id");
        var refused = await Assert.ThrowsAsync<DomainException>(() => baru.With<PresenceService>(At(Monday.AddDays(3), 16)).CheckOutAsync(AtTheOffice, Ct));
        Assert.Equal("PRESENCE_CHECKOUT_BEFORE_CHECKIN", refused.Code);
    }

    [Fact]
    public async Task Two_check_ins_at_once_make_one_record()
    {
        var friday = Monday.AddDays(4);
        var taps = Enumerable.Range(0, 4).Select(async i =>
        {
            await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
            return (await andi.With<PresenceService>(At(friday, 7, i)).CheckInAsync(AtTheOffice, Ct)).CheckIn!.At;
        });
        var answers = await Task.WhenAll(taps);
        Assert.Single(answers.Distinct()); // every tap is told the one check-in that stands

        await using var scope = await fixture.ActAsAsync("pegawai@demo.go.id");
        Assert.Equal(1, await scope.Get<FlexWorkDbContext>().PresenceDays.CountAsync(d => d.Date == friday, Ct));
    }

    [Fact]
    public async Task The_supervisor_sees_the_teams_day_with_its_flags()
    {
        var monday = Monday.AddDays(7);
        await using (var andi = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            await andi.With<PresenceService>(At(monday, 7, 30)).CheckInAsync(InBandung, Ct);
        }

        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        var team = await siti.With<TeamPresenceService>(At(monday, 9)).TodayAsync(Ct);
        var andiRow = Assert.Single(team.People, p => p.FullName == "Andi Pratama");
        Assert.Equal((WorkMode.Office, true, LocationOutcome.Outside), (andiRow.Mode, andiRow.IsFlagged, andiRow.CheckIn!.Check.Outcome));
        Assert.Contains(team.People, p => p.CheckIn is null); // the others have not checked in
        Assert.DoesNotContain(team.People, p => p.FullName == "Siti Rahmawati");

        await using var other = await fixture.ActAsAsync("pegawai@demo2.go.id");
        Assert.Empty((await other.With<TeamPresenceService>(At(monday, 9)).TodayAsync(Ct)).People);
        await using var platform = await fixture.ActAsAsync(Infrastructure.Seeding.DemoSeeder.PlatformAdminEmail); // no employee: no presence at all
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => platform.With<TeamPresenceService>(At(monday, 9)).TodayAsync(Ct));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => platform.With<PresenceService>(At(monday, 9)).CheckInAsync(AtTheOffice, Ct));
    }

    [Fact]
    public async Task A_forgotten_day_is_put_right_only_by_the_supervisor_and_the_decision_is_audited()
    {
        var tuesday = Monday.AddDays(8);
        var evening = At(tuesday, 19);
        CorrectionView asked;
        await using (var andi = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            asked = await andi.With<PresenceService>(evening).RequestCorrectionAsync(new CorrectionInput(tuesday, new TimeOnly(7, 30), new TimeOnly(16, 0), "Lupa presensi, rapat di luar kantor"), Ct);
            var twice = await Assert.ThrowsAsync<DomainException>(() => andi.With<PresenceService>(evening)
                .RequestCorrectionAsync(new CorrectionInput(tuesday, new TimeOnly(8, 0), new TimeOnly(16, 0), "Lagi"), Ct));
            Assert.Equal("PRESENCE_CORRECTION_PENDING", twice.Code);
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => andi.With<TeamPresenceService>(evening).ApproveAsync(asked.Id, null, asked.Version, Ct));
        }

        await using (var other = await fixture.ActAsAsync("pegawai@demo2.go.id"))
        {
            await Assert.ThrowsAsync<NotFoundException>(() => other.With<TeamPresenceService>(evening).ApproveAsync(asked.Id, null, asked.Version, Ct));
        }

        await using (var colleague = await fixture.ActAsAsync("baru@demo.go.id"))
        {
            await Assert.ThrowsAsync<NotFoundException>(() => colleague.With<TeamPresenceService>(evening).ApproveAsync(asked.Id, null, asked.Version, Ct));
        }

        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        Assert.Contains((await siti.With<TeamPresenceService>(evening).TodayAsync(Ct)).PendingCorrections, c => c.Id == asked.Id);
        var approved = await siti.With<TeamPresenceService>(evening).ApproveAsync(asked.Id, "Sesuai agenda rapat", asked.Version, Ct);
        Assert.Equal(CorrectionStatus.Approved, approved.Status);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => siti.With<TeamPresenceService>(evening).RejectAsync(asked.Id, "Tidak", asked.Version, Ct));

        var db = siti.Get<FlexWorkDbContext>();
        var day = await db.PresenceDays.AsNoTracking().SingleAsync(d => d.Date == tuesday && d.CorrectionId == asked.Id, Ct);
        Assert.Equal((TimeSpan.FromHours(8.5), LocationOutcome.NotGiven), (day.Worked, day.CheckInCheck.Outcome));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PresenceCorrection) && a.EntityId.EndsWith(asked.Id.ToString()) && a.Action == "Modified", Ct));
    }

    private async Task ApprovedDayAsync(string email, DateOnly date, WorkMode mode)
    {
        var ids = await fixture.EmployeeIdsAsync();
        await fixture.ArrangeAsync(async db =>
        {
            var employee = await db.Employees.IgnoreQueryFilters().SingleAsync(e => e.Id == ids[email], Ct);
            var now = DateTimeOffset.UtcNow;
            var request = WorkRequest.Create(employee.AgencyId, employee.Id, now);
            request.Edit(new ProposedRequest([new RequestDay(date, mode)], "Fokus menyusun laporan", [new("Draf laporan")]), now);
            request.Submit(1, [], ApprovalRoute.Supervisor, now, null);
            request.Approve(new Decider(employee.SupervisorId!.Value, null), now, null);
            db.WorkRequests.Add(request);
        });
    }
}
