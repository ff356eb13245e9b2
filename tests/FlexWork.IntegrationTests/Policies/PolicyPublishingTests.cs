using FlexWork.Application.Common;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlexWork.IntegrationTests.Policies;

/// <summary>Drafts, publishing and versions; in a database of its own, as it changes the policy in force.</summary>
public class PolicyPublishingTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishing_makes_a_new_numbered_version_that_the_database_refuses_to_change()
    {
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var policies = admin.ServiceProvider.GetRequiredService<PolicyAdministration>();
            var latest = (await policies.ListVersionsAsync(Ct))[0].Number;
            var draft = await policies.GetDraftAsync(Ct);
            Assert.Equal((0u, (int?)latest), (draft.Version, draft.BasedOnNumber));

            var stricter = draft.Settings with { Caps = draft.Settings.Caps with { RemoteDaysPerWeek = 1 } };
            var saved = await policies.SaveDraftAsync(stricter, 0, Ct);
            var published = await policies.PublishAsync(new PublishInput(PolicyCheckContext.TodayIn(DateTimeOffset.UtcNow, IndonesianTimeZones.Wib).AddDays(1), "Keputusan Sekjen Nomor 30 Tahun 2026", (await policies.GetDraftAsync(Ct)).Version), Ct);
            Assert.Equal(latest + 1, published.Number);
            Assert.Equal("admin@demo.go.id", published.PublishedBy);

            var diff = await policies.DiffAsync(latest, latest + 1, Ct);
            var change = Assert.Single(diff);
            Assert.Equal(("caps.remoteDaysPerWeek", "2", "1"), (change.Path, change.Before, change.After));

            var versions = await policies.ListVersionsAsync(Ct);
            Assert.Equal(latest + 1, versions[0].Number);
            Assert.False(versions[0].InForce, "the new version takes effect tomorrow");
            Assert.Equal(0u, (await policies.GetDraftAsync(Ct)).Version);
            Assert.NotEqual(0u, saved.Version);
        }

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE policy_versions SET legal_reference = 'diubah' WHERE status = 'Published'", Ct));
        Assert.Contains("never change", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_cannot_take_effect_in_the_past_nor_without_a_legal_reference_and_invalid_settings_are_explained()
    {
        await using var admin = await fixture.ActAsAsync("admin@demo.go.id");
        var policies = admin.ServiceProvider.GetRequiredService<PolicyAdministration>();
        var draft = await policies.GetDraftAsync(Ct);

        var invalid = draft.Settings with
        {
            Caps = draft.Settings.Caps with { RemoteDaysPerWeek = 6 },
            Safeguard = new UnitSafeguard { MaxAwayPercent = 130 },
            Time = draft.Settings.Time with { Dynamic = draft.Settings.Time.Dynamic with { CoreStart = new TimeOnly(5, 0) } },
        };
        var validation = await Assert.ThrowsAsync<ValidationException>(() => policies.SaveDraftAsync(invalid, draft.Version, Ct));
        Assert.Equal(
            ["POLICY_AWAY_SHARE_RANGE", "POLICY_CORE_BEFORE_LATEST_START", "POLICY_CORE_OUTSIDE_WINDOW", "POLICY_WEEKLY_CAP_RANGE"],
            validation.Errors.Select(e => e.ErrorCode).Order());

        var saved = await policies.SaveDraftAsync(draft.Settings, draft.Version, Ct);
        Assert.Equal("POLICY_EFFECTIVE_PAST", (await Assert.ThrowsAsync<DomainException>(() =>
            policies.PublishAsync(new PublishInput(new DateOnly(2020, 1, 1), "SK", saved.Version), Ct))).Code);
        Assert.Equal("POLICY_LEGAL_REFERENCE_REQUIRED", (await Assert.ThrowsAsync<DomainException>(() =>
            policies.PublishAsync(new PublishInput(PolicyCheckContext.TodayIn(DateTimeOffset.UtcNow, IndonesianTimeZones.Wib).AddDays(2), " ", saved.Version), Ct))).Code);

        // Someone else's save in between: the stale edit is refused, not merged.
        await policies.SaveDraftAsync(saved.Settings with { Requests = saved.Settings.Requests with { MinNoticeWorkingDays = 2 } }, saved.Version, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => policies.SaveDraftAsync(saved.Settings, saved.Version, Ct));
        await policies.DiscardDraftAsync((await policies.GetDraftAsync(Ct)).Version, Ct);
    }

    [Fact]
    public async Task Unit_overrides_reach_the_employees_of_the_unit_and_the_units_below_it()
    {
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var db = admin.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            var setjen = await db.OrganizationUnits.Where(u => u.Name == "Sekretariat Jenderal").Select(u => u.Id).SingleAsync(Ct);
            var policies = admin.ServiceProvider.GetRequiredService<PolicyAdministration>();
            var draft = await policies.GetDraftAsync(Ct);
            var settings = draft.Settings with
            {
                UnitOverrides = [.. draft.Settings.UnitOverrides, new UnitOverride { UnitId = setjen, EnabledModes = [WorkMode.Home], RemoteDaysPerWeek = 1 }],
            };
            await policies.SaveDraftAsync(settings, draft.Version, Ct);
            await policies.PublishAsync(new PublishInput(PolicyCheckContext.TodayIn(DateTimeOffset.UtcNow, IndonesianTimeZones.Wib), "SK Sekjen 31/2026", (await policies.GetDraftAsync(Ct)).Version), Ct);
        }

        // Biro SDM sits under the Sekretariat Jenderal; the version is in force from today.
        await using var pegawai = await fixture.ActAsAsync("pegawai@demo.go.id");
        var mine = await pegawai.ServiceProvider.GetRequiredService<PolicyCheckService>().GetMyPolicyAsync(Ct);
        Assert.Equal("SK Sekjen 31/2026", mine.LegalReference);
        Assert.Equal(1, mine.Settings.Caps.RemoteDaysPerWeek);
        Assert.Equal([WorkMode.Home], mine.Settings.Locations.EnabledModes);
        Assert.Empty(mine.Settings.UnitOverrides);
        Assert.Equal(IndonesianTimeZones.Wib, mine.TimeZoneId);
    }

    [Fact]
    public async Task A_request_judged_earlier_keeps_the_version_and_findings_it_was_submitted_with()
    {
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        monday = monday.AddDays(((int)DayOfWeek.Monday - (int)monday.DayOfWeek + 7) % 7);
        Application.Requests.RequestDetails submitted;
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            submitted = await employee.ServiceProvider.GetRequiredService<Application.Requests.SubmitRequest.RequestService>().CreateAsync(
                new ProposedRequestInput([new(monday, WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]), submit: true, cancellationToken: Ct);
        }

        int published;
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var policies = admin.ServiceProvider.GetRequiredService<PolicyAdministration>();
            var draft = await policies.GetDraftAsync(Ct);
            await policies.SaveDraftAsync(draft.Settings with { Eligibility = draft.Settings.Eligibility with { MinMonthsInPosition = 120 } }, draft.Version, Ct);
            published = (await policies.PublishAsync(new PublishInput(draft.AgencyToday, "SK Sekjen 60/2026", (await policies.GetDraftAsync(Ct)).Version), Ct)).Number;
        }

        await using var again = await fixture.ActAsAsync("pegawai@demo.go.id");
        var stored = await again.ServiceProvider.GetRequiredService<Application.Requests.SubmitRequest.RequestService>().GetAsync(submitted.Id, Ct);
        Assert.Equal(submitted.PolicyVersion, stored.PolicyVersion);
        Assert.True(stored.PolicyVersion < published);
        Assert.Equal(submitted.Findings.Count, stored.Findings.Count);

        // The same kind of day asked for now meets the new version, which wants ten years in the position.
        var now = await again.ServiceProvider.GetRequiredService<PolicyCheckService>().CheckAsync(
            new ProposedRequestInput([new(monday.AddDays(1), WorkMode.Home)], "Laporan", [new WorkPlanItem("Laporan")]), Ct);
        Assert.Equal(published, now.PolicyNumber);
        Assert.Contains(now.Findings, f => f.MessageKey == "EMPLOYEE_NOT_ELIGIBLE.Tenure");
    }
}
