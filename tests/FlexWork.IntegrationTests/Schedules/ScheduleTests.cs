using FlexWork.Application.Common;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Application.Schedules.ViewSchedule;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using FlexWork.Tests.Shared;

namespace FlexWork.IntegrationTests.Schedules;

public class ScheduleTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A week well ahead without holidays, so that all five days are working days.</summary>
    private static readonly DateOnly Monday = TestWeeks.Free(0, daysAhead: 70);

    [Fact]
    public async Task My_schedule_shows_approved_and_pending_days_and_the_office_elsewhere_and_the_team_grid_counts_presence()
    {
        Guid approvedId;
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            var requests = employee.ServiceProvider.GetRequiredService<RequestService>();
            var approved = await requests.CreateAsync(Request(new(Monday, WorkMode.Home, new TimeOnly(7, 30), new TimeOnly(16, 0))), submit: true, cancellationToken: Ct);
            approvedId = approved.Id;
            await requests.CreateAsync(Request(new(Monday.AddDays(3), WorkMode.Home)), submit: true, cancellationToken: Ct);
        }

        await using (var supervisor = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            var request = (await supervisor.ServiceProvider.GetRequiredService<ApprovalService>().InboxAsync(Ct)).Single(i => i.Request.Id == approvedId).Request;
            await supervisor.ServiceProvider.GetRequiredService<ApprovalService>().DecideAsync(approvedId, Decision.Approve, null, request.Version, Ct);

            var team = await supervisor.ServiceProvider.GetRequiredService<ScheduleService>().TeamAsync(Monday, Monday.AddDays(6), null, Ct);
            var andi = team.Members.Single(m => m.FullName == "Andi Pratama");
            Assert.Equal([RequestStatus.Approved, RequestStatus.Submitted], andi.Cells.Select(c => c.Status));
            Assert.DoesNotContain(team.Members, m => m.FullName == "Hendra Gunawan"); // her own supervisor is not her report
            var monday = team.Presence.Single(p => p.Date == Monday);
            Assert.Equal(monday.Headcount - 1, monday.OnSite);
        }

        await using var again = await fixture.ActAsAsync("pegawai@demo.go.id");
        var mine = await again.ServiceProvider.GetRequiredService<ScheduleService>().MineAsync(Monday, Monday.AddDays(6), Ct);
        Assert.Equal(7, mine.Days.Count);
        Assert.Equal(5, mine.Days.Count(d => d.IsWorkingDay));
        var first = Assert.Single(mine.Cells, c => c.Date == Monday);
        Assert.Equal((WorkMode.Home, RequestStatus.Approved, (TimeOnly?)new TimeOnly(7, 30)), (first.Mode, first.Status, first.Start));
        Assert.Equal(RequestStatus.Submitted, mine.Cells.Single(c => c.Date == Monday.AddDays(3)).Status);
        Assert.DoesNotContain(mine.Cells, c => c.Date == Monday.AddDays(1)); // an office day
    }

    [Fact]
    public async Task The_team_grid_is_for_supervisors_heads_and_admins_and_stays_in_the_agency()
    {
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => employee.ServiceProvider.GetRequiredService<ScheduleService>().TeamAsync(Monday, Monday.AddDays(6), null, Ct));
            await Assert.ThrowsAsync<ValidationException>(() => employee.ServiceProvider.GetRequiredService<ScheduleService>().MineAsync(Monday, Monday.AddDays(90), Ct));
        }

        Guid demoUnit;
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var units = await admin.ServiceProvider.GetRequiredService<Application.Organization.ManageUnits.UnitAdministration>().ListAsync(Ct);
            demoUnit = units.Single(u => u.Name == "Biro Umum dan Layanan Publik").Id;
            var team = await admin.ServiceProvider.GetRequiredService<ScheduleService>().TeamAsync(Monday, Monday.AddDays(6), demoUnit, Ct);
            Assert.Equal(10, team.Members.Count);
            Assert.All(team.Presence, p => Assert.Equal(7, p.MinimumOnSite));
        }

        await using var otherAgency = await fixture.ActAsAsync("admin@demo2.go.id");
        await Assert.ThrowsAsync<NotFoundException>(() => otherAgency.ServiceProvider.GetRequiredService<ScheduleService>().TeamAsync(Monday, Monday.AddDays(6), demoUnit, Ct));
        var own = await otherAgency.ServiceProvider.GetRequiredService<ScheduleService>().TeamAsync(Monday, Monday.AddDays(6), null, Ct);
        Assert.DoesNotContain(own.Members, m => m.FullName == "Andi Pratama");
    }

    [Fact]
    public async Task The_team_grid_opens_with_the_unit_the_caller_heads_or_their_reports_sit_in_and_offers_only_their_units()
    {
        Guid sdm;
        await using (var head = await fixture.ActAsAsync("kepala@demo.go.id"))
        {
            var units = await head.ServiceProvider.GetRequiredService<ScheduleService>().TeamUnitsAsync(Ct);
            sdm = units.Opening!.Value;
            Assert.Equal("Biro Sumber Daya Manusia", units.Options.Single(o => o.Id == sdm).Name);
            Assert.DoesNotContain(units.Options, o => o.Name == "Biro Umum dan Layanan Publik"); // not his
            var team = await head.ServiceProvider.GetRequiredService<ScheduleService>().TeamAsync(Monday, Monday.AddDays(6), sdm, Ct);
            Assert.All(team.Presence, p => Assert.NotNull(p.MinimumOnSite));
        }

        await using (var supervisor = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            var units = await supervisor.ServiceProvider.GetRequiredService<ScheduleService>().TeamUnitsAsync(Ct);
            Assert.Equal(sdm, units.Opening); // all her reports sit in her unit
            Assert.Equal([sdm], units.Options.Select(o => o.Id));
        }

        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var units = await admin.ServiceProvider.GetRequiredService<ScheduleService>().TeamUnitsAsync(Ct);
            Assert.Null(units.Opening);
            Assert.Contains(units.Options, o => o.Name == "Biro Umum dan Layanan Publik");
        }

        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            var units = await employee.ServiceProvider.GetRequiredService<ScheduleService>().TeamUnitsAsync(Ct);
            Assert.Empty(units.Options);
            Assert.Null(units.Opening);
        }

        await using var otherAgency = await fixture.ActAsAsync("admin@demo2.go.id");
        Assert.DoesNotContain((await otherAgency.ServiceProvider.GetRequiredService<ScheduleService>().TeamUnitsAsync(Ct)).Options, o => o.Id == sdm);
    }

    private static ProposedRequestInput Request(RequestDay day) => new([day], "Laporan", [new WorkPlanItem("Laporan")]);

}
