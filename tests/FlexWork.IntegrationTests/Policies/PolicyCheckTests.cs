using FlexWork.Application.Calendar.ManageCalendar;
using FlexWork.Application.Common;
using FlexWork.Application.Locations.ManageLocations;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FlexWork.Tests.Shared;

namespace FlexWork.IntegrationTests.Policies;

/// <summary>Checks against the seeded policy; nothing here publishes (see <see cref="PolicyPublishingTests"/>).</summary>
public class PolicyCheckTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A Monday at least two weeks ahead, so notice and holidays of the demo calendar stay out of the way.</summary>
    // Three weeks on: past every day the demo seed plans (its last pending request is at most two weeks and a day ahead).
    private static readonly DateOnly Monday = TestWeeks.NextMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21));

    [Fact]
    public async Task The_seeded_version_is_in_force_and_three_home_days_in_a_week_break_the_weekly_cap_on_the_third()
    {
        var result = await CheckAsync("pegawai@demo.go.id", Home(Monday), Home(Monday.AddDays(1)), Home(Monday.AddDays(2)));

        Assert.Equal(1, result.PolicyNumber);
        Assert.Equal("Keputusan Sekretaris Jenderal Nomor 12 Tahun 2025", result.LegalReference);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((RuleCodes.WeeklyRemoteCap, (DateOnly?)Monday.AddDays(2)), (finding.Code, finding.Date));
        Assert.True(result.IsBlocked);
    }

    [Fact]
    public async Task A_new_employee_is_told_why_they_are_not_eligible()
    {
        var result = await CheckAsync("baru@demo.go.id", Home(Monday));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("EMPLOYEE_NOT_ELIGIBLE.Tenure", finding.MessageKey);
    }

    [Fact]
    public async Task Holidays_and_mandatory_office_days_of_the_agency_calendar_are_applied()
    {
        var week = Monday.AddDays(21);
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var calendar = admin.ServiceProvider.GetRequiredService<CalendarAdministration>();
            await calendar.AddAsync(new CalendarInput(week, CalendarEntryKind.AgencyHoliday, "Hari Ulang Tahun Kementerian"), Ct);
            await calendar.AddAsync(new CalendarInput(week.AddDays(1), CalendarEntryKind.MandatoryOffice, "Apel Kesadaran Nasional"), Ct);
        }

        var result = await CheckAsync("pegawai@demo.go.id", Home(week), Home(week.AddDays(1)));
        Assert.Equal(["NON_WORKING_DAY.Holiday", "BLACKOUT_DATE"], result.Findings.Select(f => f.MessageKey));
    }

    [Fact]
    public async Task Ramadan_is_calendar_data_that_admins_extend_and_the_check_follows_it()
    {
        var week = TestWeeks.Free(8);
        RequestDay Office(int day, string end) => new(week.AddDays(day), WorkMode.Office, new TimeOnly(8, 0), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        RequestDay[] days = [Office(0, "15:00"), Office(1, "15:00"), Office(2, "15:00"), Office(3, "15:00"), Office(4, "15:30")];
        Assert.Contains((await CheckAsync("pegawai@demo.go.id", days)).Findings, f => f.Code == RuleCodes.WeeklyHoursShort); // 32.5 h in an ordinary week

        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        var calendar = admin.ServiceProvider.GetRequiredService<CalendarAdministration>();
        var shipped = await calendar.RamadanAsync(Ct);
        Assert.Contains(shipped.Periods, p => (p.Name, p.From, p.To) == ("Ramadan 1447 H", new DateOnly(2026, 2, 18), new DateOnly(2026, 3, 20)));
        var year = DateTime.UtcNow.AddHours(7).Year; // DEMO keeps Jakarta time
        Assert.Equal(new[] { year, year + 1 }.Where(y => y is not (2025 or 2026)), shipped.YearsWithout);

        var id = await calendar.AddRamadanAsync(new RamadanInput(week.AddDays(-10), week.AddDays(19), "Ramadan Uji"), Ct);
        Assert.DoesNotContain(week.Year, (await calendar.RamadanAsync(Ct)).YearsWithout);
        Assert.Equal("RAMADAN_PERIOD_OVERLAP", (await Assert.ThrowsAsync<Domain.Common.DomainException>(() =>
            calendar.AddRamadanAsync(new RamadanInput(week.AddDays(15), week.AddDays(44), "Ramadan Tumpang Tindih"), Ct))).Code);
        Assert.Equal("RAMADAN_PERIOD_LENGTH", (await Assert.ThrowsAsync<Domain.Common.DomainException>(() =>
            calendar.AddRamadanAsync(new RamadanInput(week.AddDays(100), week.AddDays(140), "Terlalu Panjang"), Ct))).Code);

        Assert.DoesNotContain((await CheckAsync("pegawai@demo.go.id", days)).Findings, f => f.Code == RuleCodes.WeeklyHoursShort); // owes 32.5 h now
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            Assert.True((await employee.ServiceProvider.GetRequiredService<PolicyCheckService>().GetMyPolicyAsync(Ct)).Settings.Time.Ramadan.Covers(week));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => employee.ServiceProvider.GetRequiredService<CalendarAdministration>().RamadanAsync(Ct));
        }

        await using (var demo2 = await fixture.ActAsAsync("admin@demo2.go.id"))
        {
            var other = demo2.ServiceProvider.GetRequiredService<CalendarAdministration>();
            Assert.DoesNotContain((await other.RamadanAsync(Ct)).Periods, p => p.Name == "Ramadan Uji");
            await Assert.ThrowsAsync<NotFoundException>(() => other.DeleteRamadanAsync(id, Ct));
        }

        await calendar.DeleteRamadanAsync(id, Ct);
        Assert.Contains((await CheckAsync("pegawai@demo.go.id", days)).Findings, f => f.Code == RuleCodes.WeeklyHoursShort);
    }

    [Fact]
    public async Task Other_office_days_need_one_of_the_agencys_active_locations()
    {
        Guid kanwil;
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            kanwil = (await admin.ServiceProvider.GetRequiredService<LocationAdministration>().ListAsync(Ct))
                .Single(l => l.Kind == LocationKind.OtherOffice).Id;
        }

        var day = Monday.AddDays(28);
        Assert.Empty((await CheckAsync("pegawai@demo.go.id", new RequestDay(day, WorkMode.OtherOffice, LocationId: kanwil))).Findings);
        Assert.Equal(
            "LOCATION_NOT_APPROVED.Unknown",
            (await CheckAsync("pegawai@demo.go.id", new RequestDay(day, WorkMode.OtherOffice, LocationId: Guid.NewGuid()))).Findings.Single().MessageKey);
    }

    [Fact]
    public async Task Admin_services_refuse_other_roles_and_agencies_only_see_their_own_policy()
    {
        foreach (var email in new[] { "pegawai@demo.go.id", "atasan@demo.go.id", "platform@flexwork.local" })
        {
            await using var scope = await fixture.ActAsAsync(email);
            var policies = scope.ServiceProvider.GetRequiredService<PolicyAdministration>();
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => policies.GetDraftAsync(Ct));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => policies.ListVersionsAsync(Ct));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => policies.PublishAsync(new PublishInput(new DateOnly(2030, 1, 1), "SK", 1), Ct));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => scope.ServiceProvider.GetRequiredService<LocationAdministration>().ListAsync(Ct));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => scope.ServiceProvider.GetRequiredService<CalendarAdministration>().ListAsync(2026, Ct));
        }

        await using (var platform = await fixture.ActAsAsync("platform@flexwork.local"))
        {
            await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
                platform.ServiceProvider.GetRequiredService<PolicyCheckService>().CheckAsync(new ProposedRequestInput([Home(Monday)]), Ct));
        }

        await using var demo2 = await fixture.ActAsAsync("admin@demo2.go.id");
        Assert.Empty(await demo2.ServiceProvider.GetRequiredService<PolicyAdministration>().ListVersionsAsync(Ct));
        Assert.Empty(await demo2.ServiceProvider.GetRequiredService<LocationAdministration>().ListAsync(Ct));
        Assert.Equal(0, (await demo2.ServiceProvider.GetRequiredService<PolicyAdministration>().GetDraftAsync(Ct)).BasedOnNumber ?? 0);
        Assert.Contains(await demo2.ServiceProvider.GetRequiredService<CalendarAdministration>().ListAsync(2026, Ct), c => c.Name == "Hari Raya Natal");

        var demoEntry = await DemoCalendarEntryAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => demo2.ServiceProvider.GetRequiredService<CalendarAdministration>().DeleteAsync(demoEntry, Ct));
    }

    private async Task<Guid> DemoCalendarEntryAsync()
    {
        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        return (await admin.ServiceProvider.GetRequiredService<CalendarAdministration>().ListAsync(2026, Ct))[0].Id;
    }

    private async Task<PolicyCheckResult> CheckAsync(string email, params RequestDay[] days)
    {
        await using var scope = await fixture.ActAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<PolicyCheckService>()
            .CheckAsync(new ProposedRequestInput(days, "Menyusun laporan", [new WorkPlanItem("Laporan analisis jabatan")]), Ct);
    }

    private static RequestDay Home(DateOnly date) => new(date, WorkMode.Home);
}
