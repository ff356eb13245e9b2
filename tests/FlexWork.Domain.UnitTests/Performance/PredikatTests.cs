using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;

namespace FlexWork.Domain.UnitTests.Performance;

public class PredikatTests
{
    /// <summary>The PermenPANRB 6/2022 quadrant, all nine cells: results down the side, behaviour across.</summary>
    [Theory]
    [InlineData(Expectation.Above, Expectation.Above, PerformanceRating.SangatBaik)]
    [InlineData(Expectation.Above, Expectation.AsExpected, PerformanceRating.Baik)]
    [InlineData(Expectation.Above, Expectation.Below, PerformanceRating.Kurang)]
    [InlineData(Expectation.AsExpected, Expectation.Above, PerformanceRating.Baik)]
    [InlineData(Expectation.AsExpected, Expectation.AsExpected, PerformanceRating.Baik)]
    [InlineData(Expectation.AsExpected, Expectation.Below, PerformanceRating.Kurang)]
    [InlineData(Expectation.Below, Expectation.Above, PerformanceRating.ButuhPerbaikan)]
    [InlineData(Expectation.Below, Expectation.AsExpected, PerformanceRating.ButuhPerbaikan)]
    [InlineData(Expectation.Below, Expectation.Below, PerformanceRating.SangatKurang)]
    public void The_predikat_follows_from_results_and_behaviour(Expectation results, Expectation behaviour, PerformanceRating predikat) =>
        Assert.Equal(predikat, Predikat.Of(results, behaviour));
}
