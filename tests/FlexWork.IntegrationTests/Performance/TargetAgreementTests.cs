using FlexWork.Application.Common;
using FlexWork.Application.Notifications;
using FlexWork.Application.Performance;
using FlexWork.Application.Requests.DelegateDecisions;
using FlexWork.Domain.Common;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Performance;
using Microsoft.Extensions.DependencyInjection;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Performance;

/// <summary>Targets on the demo story: Andi's agreed targets cascade from Siti's; Bunga's proposal waits for Siti.</summary>
public class TargetAgreementTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static readonly TargetContent Rekap = new("Tersusunnya rekap usulan kenaikan pangkat", "Jumlah usulan yang direkap", TargetAspect.Kuantitas, 30, "usulan");

    [Fact]
    public async Task The_demo_employee_has_agreed_targets_this_period_that_support_the_supervisors()
    {
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var current = await CurrentPeriodAsync(andi);
        var targets = await andi.Get<TargetService>().MineAsync(current.Id, Ct);

        Assert.Equal(3, targets.Count);
        Assert.All(targets, t => Assert.Equal(TargetState.Agreed, t.State));
        Assert.Equal("Terlaksananya analisis kebutuhan pengembangan kompetensi pegawai Biro SDM", targets[0].SupportsRhk);
        Assert.Equal(2, (await andi.Get<TargetService>().SupportableAsync(current.Id, Ct)).Count);
        Assert.Equal("TARGETS_ALREADY_THERE", (await Assert.ThrowsAsync<DomainException>(() => andi.Get<TargetService>().CopyPreviousAsync(current.Id, Ct))).Code);
    }

    [Fact]
    public async Task A_proposal_waits_for_the_supervisor_and_only_they_agree_it()
    {
        var proposal = await BungasProposalAsync();
        var auditBefore = await fixture.AuditCountAsync(nameof(PerformanceTarget));

        await using (var own = await fixture.ActAsAsync("baru@demo.go.id"))
        {
            Assert.Equal("TARGET_OWN_DECISION", (await Assert.ThrowsAsync<ForbiddenAccessException>(() => own.Get<TargetService>().AgreeAsync(proposal.Id, null, proposal.Version, Ct))).Reason);
        }

        foreach (var outsider in new[] { "pegawai@demo.go.id", "admin@demo.go.id", "kepala@demo.go.id", "pegawai@demo2.go.id", "admin@demo2.go.id" })
        {
            await using var scope = await fixture.ActAsAsync(outsider);
            await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<TargetService>().AgreeAsync(proposal.Id, null, proposal.Version, Ct));
            Assert.DoesNotContain(await scope.Get<TargetService>().ToAgreeAsync(Ct), t => t.Id == proposal.Id);
        }

        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        Assert.Equal("COMMENT_REQUIRED", (await Assert.ThrowsAsync<DomainException>(() => siti.Get<TargetService>().ReturnAsync(proposal.Id, "  ", proposal.Version, Ct))).Code);
        Assert.Equal(auditBefore, await fixture.AuditCountAsync(nameof(PerformanceTarget)));

        var agreed = await siti.Get<TargetService>().AgreeAsync(proposal.Id, "Sesuai rencana kerja bagian", proposal.Version, Ct);
        Assert.Equal(TargetState.Agreed, agreed.State);
        Assert.Equal(auditBefore + 1, await fixture.AuditCountAsync(nameof(PerformanceTarget)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => siti.Get<TargetService>().ReturnAsync(proposal.Id, "Terlambat", proposal.Version, Ct));

        // An agreed target changes only by a change Siti agrees; she turns this one down and the target stands.
        await using var bunga = await fixture.ActAsAsync("baru@demo.go.id");
        var change = await bunga.Get<TargetService>().ProposeChangeAsync(agreed.Id, Rekap with { Value = 40 }, "Tambahan usulan dari Kanwil", agreed.Version, Ct);
        Assert.True(change.AwaitsSupervisor);
        Assert.Contains(await siti.Get<TargetService>().ToAgreeAsync(Ct), t => t.Id == agreed.Id);
        var kept = await siti.Get<TargetService>().ReturnAsync(agreed.Id, "Usulan Kanwil direkap bulan depan", change.Version, Ct);
        Assert.Equal((30m, false), (kept.Content.Value!.Value, kept.AwaitsSupervisor));
    }

    [Fact]
    public async Task An_acting_official_agrees_in_the_supervisors_place_and_the_trail_names_both()
    {
        var ids = await fixture.EmployeeIdsAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        Guid delegation;
        await using (var siti = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            delegation = (await siti.Get<DelegationService>().CreateAsync(new DelegationInput(ids["admin@demo.go.id"], today, today.AddDays(3), "Sprint Plh 12/2026"), Ct)).Id;
        }

        await using var bunga = await fixture.ActAsAsync("baru@demo.go.id");
        var current = await CurrentPeriodAsync(bunga);
        var draft = await bunga.Get<TargetService>().CreateAsync(current.Id, Rekap with { Rhk = "Terverifikasinya berkas pensiun", Indicator = "Jumlah berkas", Unit = "berkas" }, Ct);
        var proposed = await bunga.Get<TargetService>().ProposeAsync(draft.Id, draft.Version, Ct);

        await using (var siti = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            Assert.Contains(await siti.Get<NotificationService>().ListMineAsync(take: 50, cancellationToken: Ct), n => n.Kind == NotificationKind.TargetProposed && n.SubjectId == proposed.Id);
        }

        await using var acting = await fixture.ActAsAsync("admin@demo.go.id");
        Assert.Contains(await acting.Get<TargetService>().ToAgreeAsync(Ct), t => t.Id == proposed.Id);
        var agreed = await acting.Get<TargetService>().AgreeAsync(proposed.Id, null, proposed.Version, Ct);
        Assert.NotNull(agreed.History[^1].OnBehalfOfUserId);
        Assert.NotEqual(agreed.History[^1].ActorUserId, agreed.History[^1].OnBehalfOfUserId);
        Assert.Contains(await bunga.Get<NotificationService>().ListMineAsync(take: 50, cancellationToken: Ct), n => n.Kind == NotificationKind.TargetAgreed && n.SubjectName == "Admin Kepegawaian");

        await using var siti2 = await fixture.ActAsAsync("atasan@demo.go.id");
        await siti2.Get<DelegationService>().RevokeAsync(delegation, Ct);
    }

    [Fact]
    public async Task Bad_targets_are_refused_with_the_rule_and_nothing_is_stored()
    {
        await using var bunga = await fixture.ActAsAsync("baru@demo.go.id");
        var current = await CurrentPeriodAsync(bunga);
        var before = (await bunga.Get<TargetService>().MineAsync(current.Id, Ct)).Count;

        Assert.Equal("TARGET_VALUE_INVALID", (await Assert.ThrowsAsync<DomainException>(() => bunga.Get<TargetService>().CreateAsync(current.Id, Rekap with { Value = -3 }, Ct))).Code);
        Assert.Equal("TARGET_RHK_REQUIRED", (await Assert.ThrowsAsync<DomainException>(() => bunga.Get<TargetService>().CreateAsync(current.Id, Rekap with { Rhk = "\t" }, Ct))).Code);
        Assert.Equal("TARGET_SUPPORTS_UNKNOWN", (await Assert.ThrowsAsync<DomainException>(() =>
            bunga.Get<TargetService>().CreateAsync(current.Id, Rekap with { SupportsTargetId = Guid.NewGuid() }, Ct))).Code);
        await Assert.ThrowsAsync<NotFoundException>(() => bunga.Get<TargetService>().CreateAsync(Guid.NewGuid(), Rekap, Ct));
        Assert.Equal(before, (await bunga.Get<TargetService>().MineAsync(current.Id, Ct)).Count);

        var last = (await bunga.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.State == PeriodState.Closed);
        Assert.Equal("PERIOD_NOT_ACCEPTING_TARGETS", (await Assert.ThrowsAsync<DomainException>(() => bunga.Get<TargetService>().CreateAsync(last.Id, Rekap, Ct))).Code);
    }

    [Fact]
    public async Task Another_agencys_people_see_no_period_and_no_target()
    {
        await using var demo2 = await fixture.ActAsAsync("pegawai@demo2.go.id");
        Assert.Empty(await demo2.Get<PeriodAdministration>().ListAsync(Ct));
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var current = await CurrentPeriodAsync(andi);
        await Assert.ThrowsAsync<NotFoundException>(() => demo2.Get<TargetService>().MineAsync(current.Id, Ct));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => andi.Get<PeriodAdministration>().OpenNextAsync(Ct));
    }

    private async Task<TargetView> BungasProposalAsync()
    {
        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        return (await siti.Get<TargetService>().ToAgreeAsync(Ct)).Single(t => t.EmployeeName == "Bunga Lestari" && t.Content.Rhk == Rekap.Rhk);
    }

    private static async Task<PeriodView> CurrentPeriodAsync(AsyncServiceScope scope) =>
        (await scope.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.State == PeriodState.Running);
}
