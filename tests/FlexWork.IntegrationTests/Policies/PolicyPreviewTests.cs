using FlexWork.Application.Common;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Application.Policies.PreviewDraft;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Policies;
using Microsoft.Extensions.DependencyInjection;
using FlexWork.Tests.Shared;

namespace FlexWork.IntegrationTests.Policies;

public class PolicyPreviewTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lower_weekly_cap_counts_the_pending_days_it_would_refuse_per_unit_and_rule_and_shows_presence()
    {
        // Three weeks on: past every day the demo seed plans (its last pending request is at most two weeks and a day ahead).
        var monday = TestWeeks.NextMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21));
        int before;
        await using (var admin0 = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var settings = (await admin0.ServiceProvider.GetRequiredService<PolicyAdministration>().GetDraftAsync(Ct)).Settings;
            before = (await admin0.ServiceProvider.GetRequiredService<PolicyPreviewService>().PreviewAsync(settings with { Caps = settings.Caps with { RemoteDaysPerWeek = 1 } }, Ct))
                .Impacts.Where(i => i.UnitName == "Biro Sumber Daya Manusia" && i.Code == RuleCodes.WeeklyRemoteCap).Sum(i => i.Days);
        }

        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            await employee.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(
                new ProposedRequestInput([new(monday, WorkMode.Home), new(monday.AddDays(2), WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]),
                submit: true, cancellationToken: Ct);
        }

        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        var preview = admin.ServiceProvider.GetRequiredService<PolicyPreviewService>();
        var current = (await admin.ServiceProvider.GetRequiredService<PolicyAdministration>().GetDraftAsync(Ct)).Settings;

        var unchanged = await preview.PreviewAsync(current, Ct);
        Assert.Equal(0, unchanged.DaysAffected);
        Assert.True(unchanged.RequestsJudged >= 1);

        // The demo's own pending requests count too: this request adds one day to what the lower cap refuses in SDM.
        var stricter = await preview.PreviewAsync(current with { Caps = current.Caps with { RemoteDaysPerWeek = 1 } }, Ct);
        var impact = Assert.Single(stricter.Impacts);
        Assert.Equal(("Biro Sumber Daya Manusia", RuleCodes.WeeklyRemoteCap, before + 1), (impact.UnitName, impact.Code, impact.Days));
        Assert.Equal(before + 1, stricter.DaysAffected);

        var sdm = stricter.Coverage.Single(c => c.UnitName == "Biro Sumber Daya Manusia");
        Assert.Equal(sdm.Headcount - 1, sdm.Days.Single(d => d.Date == monday).OnSite);
        Assert.Equal(sdm.Headcount, sdm.Days.Single(d => d.Date == monday.AddDays(1)).OnSite);
        Assert.Equal((int)Math.Ceiling(sdm.Headcount * 0.7), sdm.MinimumOnSite);
        Assert.Equal(0, stricter.Coverage.Single(c => c.UnitName == "Biro Umum dan Layanan Publik").DaysBelowMinimum);
    }

    [Fact]
    public async Task Only_agency_admins_preview()
    {
        await using var employee = await fixture.ActAsAsync("atasan@demo.go.id");
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            employee.ServiceProvider.GetRequiredService<PolicyPreviewService>().PreviewAsync(PolicySettings.Regulation, Ct));
    }
}
