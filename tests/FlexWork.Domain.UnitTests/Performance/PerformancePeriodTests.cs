using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using static FlexWork.Domain.UnitTests.Performance.PerformanceTestKit;

namespace FlexWork.Domain.UnitTests.Performance;

public class PerformancePeriodTests
{
    [Fact]
    public void A_month_and_a_quarter_cover_their_calendar_dates_and_carry_a_stable_code()
    {
        var december = PerformancePeriod.Create(AgencyId, new DateOnly(2026, 12, 1), PeriodLength.Monthly, Now);
        var quarter = PerformancePeriod.Create(AgencyId, new DateOnly(2027, 4, 1), PeriodLength.Quarterly, Now);

        Assert.Equal((new DateOnly(2026, 12, 31), "2026-12"), (december.To, december.Code));
        Assert.Equal((new DateOnly(2027, 6, 30), "2027-Q2"), (quarter.To, quarter.Code));
        Assert.Equal(new DateOnly(2027, 1, 31), december.Next(PeriodLength.Monthly, Now).To);
        Assert.Equal(new DateOnly(2027, 3, 31), december.Next(PeriodLength.Quarterly, Now).To);
    }

    [Theory]
    [InlineData(2026, 12, 2, PeriodLength.Monthly)]
    [InlineData(2027, 2, 1, PeriodLength.Quarterly)]
    public void A_period_starts_on_the_first_of_a_month_and_a_quarter_in_a_quarter_month(int year, int month, int day, PeriodLength length) =>
        Assert.Equal("PERIOD_START_INVALID", Assert.Throws<DomainException>(() => PerformancePeriod.Create(AgencyId, new DateOnly(year, month, day), length, Now)).Code);

    [Fact]
    public void A_period_moves_forward_one_state_at_a_time_and_a_closed_one_stays_closed()
    {
        var period = Period();
        var states = new List<PeriodState>();
        for (var i = 0; i < 3; i++)
        {
            period.Advance(Now);
            states.Add(period.State);
        }

        Assert.Equal([PeriodState.Running, PeriodState.Evaluation, PeriodState.Closed], states);
        Assert.Equal("PERIOD_CLOSED", Assert.Throws<DomainException>(() => period.Advance(Now)).Code);
    }

    [Theory]
    [InlineData(PeriodState.Planning, true, true)]
    [InlineData(PeriodState.Running, true, true)]
    [InlineData(PeriodState.Evaluation, false, true)]
    [InlineData(PeriodState.Closed, false, false)]
    public void What_each_state_accepts(PeriodState state, bool targets, bool reports)
    {
        var period = Period(state);
        Assert.Equal((targets, reports), (period.AcceptsTargets, period.AcceptsReports));
    }

    [Fact]
    public void The_period_after_one_is_where_a_suspension_applies() =>
        Assert.Equal(new(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31)), PerformancePeriod.Following(new DateOnly(2026, 12, 31), PeriodLength.Quarterly));
}
