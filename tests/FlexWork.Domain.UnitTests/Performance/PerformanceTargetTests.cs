using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using static FlexWork.Domain.UnitTests.Performance.PerformanceTestKit;

namespace FlexWork.Domain.UnitTests.Performance;

public class PerformanceTargetTests
{
    [Fact]
    public void The_employee_proposes_and_the_supervisor_agrees_with_every_step_recorded()
    {
        var period = Period();
        var target = PerformanceTarget.Create(period, EmployeeId, Content, Now);
        target.Propose(period, Now, "employee-user");
        target.Agree(period, Supervisor, Now.AddHours(1), "Setuju");

        Assert.Equal(TargetState.Agreed, target.State);
        Assert.Equal([(TargetState.Draft, TargetState.Proposed, "employee-user"), (TargetState.Proposed, TargetState.Agreed, "supervisor-user")],
            target.History.Select(h => (h.From, h.To, h.ActorUserId)));
        Assert.Equal([typeof(TargetProposed), typeof(TargetDecided)], target.DomainEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void A_returned_target_needs_a_comment_is_edited_and_proposed_again()
    {
        var period = Period(PeriodState.Running);
        var target = PerformanceTarget.Create(period, EmployeeId, Content, Now);
        target.Propose(period, Now, null);

        Assert.Equal("COMMENT_REQUIRED", Assert.Throws<DomainException>(() => target.Return(period, Supervisor, Now, " ")).Code);
        target.Return(period, Supervisor, Now, "Indikatornya belum terukur");
        target.Edit(period, Content with { Indicator = "Persentase rekomendasi yang ditindaklanjuti" }, Now);
        target.Propose(period, Now, null);

        Assert.Equal(TargetState.Proposed, target.State);
        Assert.Equal("Persentase rekomendasi yang ditindaklanjuti", target.Content.Indicator);
    }

    [Fact]
    public void An_agreed_target_changes_only_when_the_supervisor_agrees_the_change()
    {
        var period = Period(PeriodState.Running);
        var target = Agreed(period);
        var changed = Content with { Value = 6 };

        Assert.Equal("TARGET_AGREED_CHANGE_BY_PROPOSAL", Assert.Throws<DomainException>(() => target.Edit(period, changed, Now)).Code);
        Assert.Equal("COMMENT_REQUIRED", Assert.Throws<DomainException>(() => target.ProposeChange(period, changed, null, Now, null)).Code);

        target.ProposeChange(period, changed, "Tambahan penugasan dari Sekretaris", Now, null);
        Assert.Equal((4m, true), (target.Content.Value!.Value, target.AwaitsSupervisor));
        target.Return(period, Supervisor, Now, "Tetap empat");
        Assert.Equal((4m, false), (target.Content.Value!.Value, target.AwaitsSupervisor));

        target.ProposeChange(period, changed, "Tambahan penugasan dari Sekretaris", Now, null);
        target.Agree(period, Supervisor, Now, null);
        Assert.Equal((6m, TargetState.Agreed, false), (target.Content.Value!.Value, target.State, target.AwaitsSupervisor));
        Assert.Equal([TargetChange.None, TargetChange.None, TargetChange.Proposed, TargetChange.Returned, TargetChange.Proposed, TargetChange.Agreed],
            target.History.Select(h => h.Change));
    }

    [Fact]
    public void Nobody_agrees_their_own_target()
    {
        var period = Period();
        var target = PerformanceTarget.Create(period, EmployeeId, Content, Now);
        target.Propose(period, Now, null);

        Assert.Equal("TARGET_OWN_DECISION", Assert.Throws<DomainException>(() => target.Agree(period, Self, Now, null)).Code);
        Assert.Equal(TargetState.Proposed, target.State);
    }

    [Fact]
    public void Targets_are_not_proposed_or_agreed_once_the_period_is_in_evaluation()
    {
        var period = Period(PeriodState.Running);
        var target = PerformanceTarget.Create(period, EmployeeId, Content, Now);
        target.Propose(period, Now, null);
        period.Advance(Now);

        Assert.Equal("PERIOD_NOT_ACCEPTING_TARGETS", Assert.Throws<DomainException>(() => target.Agree(period, Supervisor, Now, null)).Code);
        Assert.Equal("PERIOD_NOT_ACCEPTING_TARGETS", Assert.Throws<DomainException>(() => PerformanceTarget.Create(period, EmployeeId, Content, Now)).Code);
    }

    [Theory]
    [InlineData(" ", "Jumlah", 4, "laporan", null, "TARGET_RHK_REQUIRED")]
    [InlineData("RHK", "", 4, "laporan", null, "TARGET_INDICATOR_REQUIRED")]
    [InlineData("RHK", "Jumlah", null, null, " ", "TARGET_VALUE_REQUIRED")]
    [InlineData("RHK", "Jumlah", -1, "laporan", null, "TARGET_VALUE_INVALID")]
    [InlineData("RHK", "Jumlah", 0, "laporan", null, "TARGET_VALUE_INVALID")]
    [InlineData("RHK", "Jumlah", 4, " ", null, "TARGET_UNIT_REQUIRED")]
    public void A_target_needs_an_rhk_an_indicator_and_a_value_with_its_unit_or_a_qualitative_target(
        string rhk, string indicator, int? value, string? unit, string? qualitative, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => PerformanceTarget.Create(
            Period(), EmployeeId, new TargetContent(rhk, indicator, TargetAspect.Kuantitas, value, unit, qualitative), Now)).Code);

    [Fact]
    public void A_qualitative_target_needs_no_value_and_text_is_trimmed()
    {
        var target = PerformanceTarget.Create(
            Period(), EmployeeId, new TargetContent("  RHK  ", "Kualitas naskah", TargetAspect.Kualitas, Qualitative: " Tanpa revisi substansi "), Now);
        Assert.Equal(("RHK", "Tanpa revisi substansi", (decimal?)null), (target.Content.Rhk, target.Content.Qualitative, target.Content.Value));
    }

    [Fact]
    public void Only_a_target_nobody_agreed_or_is_deciding_can_be_deleted_and_a_copy_is_a_fresh_draft()
    {
        var period = Period();
        var agreed = Agreed(period);
        Assert.Equal("TARGET_NOT_DELETABLE", Assert.Throws<DomainException>(() => agreed.EnsureDeletable(period)).Code);
        PerformanceTarget.Create(period, EmployeeId, Content, Now).EnsureDeletable(period);

        var next = period.Next(PeriodLength.Monthly, Now);
        var copy = PerformanceTarget.Create(period, EmployeeId, Content with { SupportsTargetId = Guid.NewGuid() }, Now).CopyTo(next, Now);
        Assert.Equal((TargetState.Draft, next.Id, (Guid?)null), (copy.State, copy.PeriodId, copy.Content.SupportsTargetId));
    }

    private static PerformanceTarget Agreed(PerformancePeriod period)
    {
        var target = PerformanceTarget.Create(period, EmployeeId, Content, Now);
        target.Propose(period, Now, null);
        target.Agree(period, Supervisor, Now, null);
        return target;
    }
}
