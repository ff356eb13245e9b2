using FlexWork.Application.Common;
using FlexWork.Application.Notifications;
using FlexWork.Application.Performance;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Performance;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Performance;

/// <summary>The demo's last month is evaluated; this month goes into evaluation, Siti rates Andi, he objects, Hendra decides.</summary>
public class EvaluationFlowTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static readonly IReadOnlyList<ValueRating> AsExpected = [.. Enum.GetValues<BerAkhlak>().Select(v => new ValueRating(v, Expectation.AsExpected))];

    [Fact]
    public async Task Last_month_shows_the_predikat_the_employee_acknowledged()
    {
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var last = (await andi.Get<PeriodAdministration>().ListAsync(Ct)).OrderBy(p => p.From).First(p => p.State == PeriodState.Closed); // the other test may close this month
        var mine = await andi.Get<EvaluationService>().MineAsync(last.Id, Ct);

        Assert.Equal((EvaluationState.Final, PerformanceRating.Baik, "Siti Rahmawati"), (mine.State, mine.Predikat, mine.EvaluatorName));
        Assert.NotNull(mine.AcknowledgedAt);
        Assert.Equal(2, mine.Realisations.Count); // the two targets with a value; the third is qualitative

        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        var team = await siti.Get<EvaluationService>().TeamAsync(last.Id, Ct);
        Assert.Equal(9, team.Count); // Andi, Bunga and the seven others
        Assert.Contains(team, e => e.Predikat == PerformanceRating.SangatBaik);
        Assert.Contains(team, e => e.Predikat == PerformanceRating.ButuhPerbaikan);
        Assert.Contains(team, e => e.EmployeeName == "Bunga Lestari" && e.Id is null);
    }

    [Fact]
    public async Task Rated_objected_decided_by_the_superior_and_closed()
    {
        var ids = await fixture.EmployeeIdsAsync();
        var andiId = ids["pegawai@demo.go.id"];
        PeriodView current;
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            current = (await admin.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.State == PeriodState.Running);
            await using var siti0 = await fixture.ActAsAsync("atasan@demo.go.id");
            Assert.Equal("PERIOD_NOT_IN_EVALUATION", (await Assert.ThrowsAsync<DomainException>(() =>
                siti0.Get<EvaluationService>().RateAsync(current.Id, andiId, Rating(Expectation.AsExpected), null, Ct))).Code);
            current = await admin.Get<PeriodAdministration>().AdvanceAsync(current.Id, current.Version, Ct);
            Assert.Equal(PeriodState.Evaluation, current.State);
        }

        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        await andi.Get<EvaluationService>().SelfAssessAsync(current.Id, "Dokumen analisis selesai; data SIASN tertunda", null, Ct);
        Assert.Equal("PERFORMANCE_OWN_DECISION", (await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            andi.Get<EvaluationService>().RateAsync(current.Id, andiId, Rating(Expectation.Above), null, Ct))).Reason);
        foreach (var outsider in new[] { "baru@demo.go.id", "admin@demo.go.id", "pegawai@demo2.go.id" })
        {
            await using var scope = await fixture.ActAsAsync(outsider);
            await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<EvaluationService>().RateAsync(current.Id, andiId, Rating(Expectation.Above), null, Ct));
            await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<EvaluationService>().DraftAsync(current.Id, andiId, Ct));
        }

        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        var draft = await siti.Get<EvaluationService>().DraftAsync(current.Id, andiId, Ct);
        Assert.Equal("Dokumen analisis selesai; data SIASN tertunda", draft.Evaluation.SelfAssessment);
        Assert.Equal(3, draft.Targets.Count);
        Assert.Equal("REALISATION_TARGET_UNKNOWN", (await Assert.ThrowsAsync<DomainException>(() =>
            siti.Get<EvaluationService>().RateAsync(current.Id, andiId, Rating(Expectation.Below) with { Realisations = [new(Guid.NewGuid(), 1)] }, draft.Evaluation.Version, Ct))).Code);
        var rated = await siti.Get<EvaluationService>().RateAsync(
            current.Id, andiId, Rating(Expectation.Below) with { Realisations = [new(draft.Targets[1].Id, draft.Targets[1].Reported, 60, "Akses SIASN terganggu dua minggu")] },
            draft.Evaluation.Version, Ct);
        Assert.Equal((EvaluationState.Rated, PerformanceRating.ButuhPerbaikan), (rated.State, rated.Predikat));

        // Andi objects: Hendra, Siti's superior, decides; Siti cannot, and nobody else sees it.
        var objected = await andi.Get<EvaluationService>().ObjectAsync(rated.Id!.Value, "Keterlambatan karena gangguan SIASN di luar kendali saya", rated.Version, Ct);
        Assert.Equal(EvaluationState.Objected, objected.State);
        Assert.DoesNotContain(await siti.Get<EvaluationService>().ObjectionsAsync(Ct), e => e.Id == objected.Id);
        Assert.Equal("OBJECTION_OWN_DECISION", (await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            siti.Get<EvaluationService>().DecideObjectionAsync(objected.Id!.Value, Expectation.AsExpected, null, "x", objected.Version, Ct))).Reason);
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            Assert.Equal("PERIOD_HAS_OBJECTIONS", (await Assert.ThrowsAsync<DomainException>(() => admin.Get<PeriodAdministration>().AdvanceAsync(current.Id, current.Version, Ct))).Code);
        }

        await using var hendra = await fixture.ActAsAsync("kepala@demo.go.id");
        Assert.Contains(await hendra.Get<EvaluationService>().ObjectionsAsync(Ct), e => e.Id == objected.Id);
        var decided = await hendra.Get<EvaluationService>().DecideObjectionAsync(objected.Id!.Value, Expectation.AsExpected, null, "Gangguan SIASN tercatat di Biro TI", objected.Version, Ct);
        Assert.Equal((EvaluationState.Final, PerformanceRating.Baik, true), (decided.State, decided.Predikat, decided.ObjectionUpheld));

        // Every step told the next person: Andi the rating and the decision, Hendra the objection, Siti the decision.
        Assert.Contains(await andi.Get<NotificationService>().ListMineAsync(take: 50, cancellationToken: Ct), n => n.Kind == NotificationKind.EvaluationRated && n.SubjectName == "Siti Rahmawati");
        Assert.Contains(await andi.Get<NotificationService>().ListMineAsync(take: 50, cancellationToken: Ct), n => n.Kind == NotificationKind.ObjectionDecided && n.SubjectName == "Hendra Gunawan");
        Assert.Contains(await hendra.Get<NotificationService>().ListMineAsync(take: 50, cancellationToken: Ct), n => n.Kind == NotificationKind.ObjectionFiled && n.SubjectId == objected.Id);
        Assert.Contains(await siti.Get<NotificationService>().ListMineAsync(take: 50, cancellationToken: Ct), n => n.Kind == NotificationKind.ObjectionDecided && n.RequestId == null);

        // Closing makes a rating nobody answered final.
        var bungaId = ids["baru@demo.go.id"];
        var bunga = await siti.Get<EvaluationService>().RateAsync(current.Id, bungaId, Rating(Expectation.AsExpected), null, Ct);
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var closed = await admin.Get<PeriodAdministration>().AdvanceAsync(current.Id, (await admin.Get<PeriodAdministration>().ListAsync(Ct)).Single(p => p.Id == current.Id).Version, Ct);
            Assert.Equal(PeriodState.Closed, closed.State);
        }

        await using var bungaScope = await fixture.ActAsAsync("baru@demo.go.id");
        var final = await bungaScope.Get<EvaluationService>().MineAsync(current.Id, Ct);
        Assert.Equal((EvaluationState.Final, (DateTimeOffset?)null), (final.State, final.AcknowledgedAt));
        Assert.Equal("PERIOD_CLOSED", (await Assert.ThrowsAsync<DomainException>(() => bungaScope.Get<EvaluationService>().AcknowledgeAsync(bunga.Id!.Value, final.Version, Ct))).Code);
        Assert.True(await fixture.AuditCountAsync(nameof(Evaluation)) >= 4);
    }

    private static EvaluationRating Rating(Expectation results) => new(results, Expectation.AsExpected, AsExpected, "Umpan balik atasan", []);
}
