using FlexWork.Application.Monitoring;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Policies;

namespace FlexWork.IntegrationTests.Monitoring;

/// <summary>The figures' arithmetic: counts add up across units and months, rates follow from the sums.</summary>
public class MonitoringFiguresTests
{
    private static readonly MonitoringFigures Sdm = new()
    {
        People = 10, WorkingDays = 200, FlexibleByMode = new Dictionary<WorkMode, int> { [WorkMode.Home] = 30, [WorkMode.OtherOffice] = 10 },
        PresenceDays = 180, Present = 170, Flagged = 17, Excused = 4, ReportsDue = 40, ReportsWritten = 36, Targets = 4, RealisationSum = 3.2m,
        Predikat = new Dictionary<PerformanceRating, int> { [PerformanceRating.Baik] = 6, [PerformanceRating.ButuhPerbaikan] = 2 },
    };

    private static readonly MonitoringFigures Umum = new()
    {
        People = 5, WorkingDays = 100, FlexibleByMode = new Dictionary<WorkMode, int> { [WorkMode.Home] = 10 },
        PresenceDays = 90, Present = 88, Predikat = new Dictionary<PerformanceRating, int> { [PerformanceRating.SangatBaik] = 2 },
    };

    [Fact]
    public void Counts_add_up_and_the_rates_come_from_the_sums_not_from_averaging_rates()
    {
        var total = MonitoringFigures.Sum([Sdm, Umum]);

        Assert.Equal((15, 300, 50, 250), (total.People, total.WorkingDays, total.FlexibleDays, total.OfficeDays));
        Assert.Equal((40, 10, 0), (total.DaysIn(WorkMode.Home), total.DaysIn(WorkMode.OtherOffice), total.DaysIn(WorkMode.OtherLocation)));
        Assert.Equal(16.7m, total.FlexibleSharePercent); // 50 of 300, not the mean of 20 % and 10 %
        Assert.Equal((8, 4), (total.Absent, total.ReportsOverdue));
        Assert.Equal(80m, total.RealisationPercent);
        Assert.Equal(80m, total.GoodPredikatPercent); // 8 of 10 rated at Baik or better
        Assert.Equal(6, Sdm.Predikat[PerformanceRating.Baik]); // the parts are left as they were
    }

    [Fact]
    public void A_rate_without_anything_to_count_is_unknown_rather_than_zero()
    {
        var none = MonitoringFigures.None;
        Assert.Null(none.FlexibleSharePercent);
        Assert.Null(none.AbsentPercent);
        Assert.Null(none.OverduePercent);
        Assert.Null(none.RealisationPercent);
        Assert.Null(none.GoodPredikatPercent);
        Assert.Equal(Sdm.FlexibleSharePercent, Sdm.Plus(none).FlexibleSharePercent);
    }
}
