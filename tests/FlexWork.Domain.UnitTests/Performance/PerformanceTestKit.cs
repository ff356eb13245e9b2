using FlexWork.Domain.Performance;
using FlexWork.Domain.Requests;

namespace FlexWork.Domain.UnitTests.Performance;

internal static class PerformanceTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    public static readonly Guid AgencyId = Guid.NewGuid();
    public static readonly Guid EmployeeId = Guid.NewGuid();
    public static readonly Decider Supervisor = new(Guid.NewGuid(), "supervisor-user");
    public static readonly Decider Superior = new(Guid.NewGuid(), "superior-user");
    public static readonly Decider Self = new(EmployeeId, "employee-user");

    public static readonly TargetContent Content = new(
        "Tersusunnya laporan analisis kebutuhan pelatihan", "Jumlah laporan analisis yang disetujui", TargetAspect.Kuantitas, 4, "laporan");

    /// <summary>December 2026, moved on to <paramref name="state"/>.</summary>
    public static PerformancePeriod Period(PeriodState state = PeriodState.Planning)
    {
        var period = PerformancePeriod.Create(AgencyId, new DateOnly(2026, 12, 1), PeriodLength.Monthly, Now);
        while (period.State != state)
        {
            period.Advance(Now);
        }

        return period;
    }
}
