using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using static FlexWork.Domain.UnitTests.Performance.PerformanceTestKit;

namespace FlexWork.Domain.UnitTests.Performance;

public class EvaluationTests
{
    private static readonly IReadOnlyList<ValueRating> AllAsExpected = [.. Enum.GetValues<BerAkhlak>().Select(v => new ValueRating(v, Expectation.AsExpected))];

    [Fact]
    public void The_supervisor_rates_during_evaluation_and_the_predikat_follows_the_quadrant()
    {
        var (period, evaluation) = Open();
        evaluation.WriteSelfAssessment(period, "Empat laporan selesai, satu menunggu data", Now);
        evaluation.Rate(period, Supervisor, Rating(Expectation.Above, Expectation.AsExpected), Now);

        Assert.Equal((EvaluationState.Rated, PerformanceRating.Baik, Supervisor.EmployeeId), (evaluation.State, evaluation.Predikat, evaluation.EvaluatorEmployeeId));
        Assert.IsType<EvaluationRated>(Assert.Single(evaluation.DomainEvents));
    }

    [Fact]
    public void Nobody_rates_themselves()
    {
        var (period, evaluation) = Open();
        Assert.Equal("EVALUATION_OWN", Assert.Throws<DomainException>(() => evaluation.Rate(period, Self, Rating(), Now)).Code);
        Assert.Equal(EvaluationState.Open, evaluation.State);
    }

    [Theory]
    [InlineData(PeriodState.Running, "PERIOD_NOT_IN_EVALUATION")]
    [InlineData(PeriodState.Closed, "PERIOD_CLOSED")]
    public void A_rating_is_given_only_while_the_period_is_in_evaluation(PeriodState state, string code)
    {
        var period = Period(PeriodState.Running);
        var evaluation = Evaluation.Open(period, EmployeeId, Now);
        while (period.State != state)
        {
            period.Advance(Now);
        }

        Assert.Equal(code, Assert.Throws<DomainException>(() => evaluation.Rate(period, Supervisor, Rating(), Now)).Code);
    }

    [Fact]
    public void A_rating_needs_all_seven_values_once_and_feedback()
    {
        var (period, evaluation) = Open();
        Assert.Equal("EVALUATION_VALUES_INCOMPLETE", Assert.Throws<DomainException>(() => evaluation.Rate(period, Supervisor, Rating() with { Values = AllAsExpected.Skip(1).ToList() }, Now)).Code);
        Assert.Equal("EVALUATION_VALUES_INCOMPLETE", Assert.Throws<DomainException>(() => evaluation.Rate(period, Supervisor, Rating() with { Values = [.. AllAsExpected.Skip(1), AllAsExpected[1]] }, Now)).Code);
        Assert.Equal("EVALUATION_FEEDBACK_REQUIRED", Assert.Throws<DomainException>(() => evaluation.Rate(period, Supervisor, Rating() with { Feedback = "" }, Now)).Code);
    }

    [Fact]
    public void A_realisation_set_otherwise_than_reported_needs_a_reason()
    {
        var (period, evaluation) = Open();
        var target = Guid.NewGuid();
        Assert.Equal("REALISATION_REASON_REQUIRED", Assert.Throws<DomainException>(() => evaluation.Rate(period, Supervisor, Rating() with { Realisations = [new(target, 3, 4)] }, Now)).Code);
        Assert.Equal("REALISATION_INVALID", Assert.Throws<DomainException>(() => evaluation.Rate(period, Supervisor, Rating() with { Realisations = [new(target, 3, -1, "x")] }, Now)).Code);

        evaluation.Rate(period, Supervisor, Rating() with { Realisations = [new(target, 3, 4, "Satu laporan disampaikan lewat surat")] }, Now);
        Assert.Equal(4, evaluation.Realisations.Single().Realised);
    }

    [Fact]
    public void The_employee_acknowledges_and_the_predikat_is_final()
    {
        var (period, evaluation) = Rated();
        evaluation.Acknowledge(period, Now, "employee-user");
        Assert.Equal((EvaluationState.Final, true), (evaluation.State, evaluation.AcknowledgedAt is not null));
        Assert.Equal("EVALUATION_TRANSITION_INVALID", Assert.Throws<DomainException>(() => evaluation.FileObjection(period, "x", Superior.EmployeeId, Now, null)).Code);
    }

    [Fact]
    public void An_objection_goes_to_the_evaluators_superior_who_may_change_the_rating()
    {
        var (period, evaluation) = Rated(Expectation.Below, Expectation.AsExpected);
        Assert.Equal("OBJECTION_REASON_REQUIRED", Assert.Throws<DomainException>(() => evaluation.FileObjection(period, " ", Superior.EmployeeId, Now, null)).Code);
        Assert.Equal("OBJECTION_NO_SUPERIOR", Assert.Throws<DomainException>(() => evaluation.FileObjection(period, "Tidak adil", Supervisor.EmployeeId, Now, null)).Code);

        evaluation.FileObjection(period, "Dua laporan tertunda karena data dari unit lain terlambat", Superior.EmployeeId, Now, "employee-user");
        Assert.Equal("OBJECTION_OWN_DECISION", Assert.Throws<DomainException>(() => evaluation.DecideObjection(Supervisor, Expectation.AsExpected, null, "x", Now)).Code);
        Assert.Equal("OBJECTION_OWN_DECISION", Assert.Throws<DomainException>(() => evaluation.DecideObjection(Self, Expectation.AsExpected, null, "x", Now)).Code);
        evaluation.DecideObjection(Superior, Expectation.AsExpected, null, "Keterlambatan data di luar kendali pegawai", Now);

        Assert.Equal((EvaluationState.Final, PerformanceRating.Baik, true), (evaluation.State, evaluation.Predikat, evaluation.ObjectionUpheld));
        Assert.Equal([typeof(EvaluationRated), typeof(EvaluationObjected), typeof(EvaluationFinal)], evaluation.DomainEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void A_rejected_objection_keeps_the_predikat()
    {
        var (period, evaluation) = Rated(Expectation.Below, Expectation.AsExpected);
        evaluation.FileObjection(period, "Keberatan", Superior.EmployeeId, Now, null);
        evaluation.DecideObjection(Superior, null, null, "Target disepakati di awal periode", Now);
        Assert.Equal((PerformanceRating.ButuhPerbaikan, false), (evaluation.Predikat, evaluation.ObjectionUpheld));
    }

    [Fact]
    public void A_rating_nobody_answered_stands_when_the_period_closes()
    {
        var (_, evaluation) = Rated();
        evaluation.DeemAccepted(Now);
        Assert.Equal((EvaluationState.Final, (DateTimeOffset?)null, "DEEMED_ACCEPTED"), (evaluation.State, evaluation.AcknowledgedAt, evaluation.History[^1].Comment));
    }

    private static (PerformancePeriod Period, Evaluation Evaluation) Open()
    {
        var period = Period(PeriodState.Evaluation);
        return (period, Evaluation.Open(period, EmployeeId, Now));
    }

    private static (PerformancePeriod Period, Evaluation Evaluation) Rated(Expectation results = Expectation.AsExpected, Expectation behaviour = Expectation.AsExpected)
    {
        var (period, evaluation) = Open();
        evaluation.Rate(period, Supervisor, Rating(results, behaviour), Now);
        return (period, evaluation);
    }

    private static EvaluationRating Rating(Expectation results = Expectation.AsExpected, Expectation behaviour = Expectation.AsExpected) =>
        new(results, behaviour, AllAsExpected, "Pertahankan ketepatan waktu laporan", []);
}
