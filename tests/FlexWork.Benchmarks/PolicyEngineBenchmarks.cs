using BenchmarkDotNet.Attributes;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;

namespace FlexWork.Benchmarks;

/// <summary>
/// The policy engine on a month-long request: 22 working days of June 2026 (two home days a
/// week, planned hours on every day), against the regulation's defaults, the national calendar,
/// a unit of 40 with people away every day, and a history of 40 approved or pending days.
/// </summary>
[MemoryDiagnoser]
public class PolicyEngineBenchmarks
{
    private PolicyCheckContext _clean = default!;
    private PolicyCheckContext _overCap = default!;

    [GlobalSetup]
    public void Setup()
    {
        var calendar = new WorkCalendar(
            NationalCalendar.Days.Where(d => d.Kind != CalendarEntryKind.MandatoryOffice).Select(d => d.Date), [new DateOnly(2026, 6, 17)]);
        var policy = PolicySettings.Regulation;
        var workingDays = Enumerable.Range(0, 40).Select(i => new DateOnly(2026, 5, 25).AddDays(i))
            .Where(d => policy.Time.IsWorkingWeekday(d.DayOfWeek) && !NationalCalendar.Days.Any(h => h.Date == d))
            .Where(d => d.Month == 6 || d.Month == 7)
            .Take(22)
            .ToList();

        // History around the month (never on its days): office, with one home day a week.
        var history = Enumerable.Range(0, 70).Select(i => new DateOnly(2026, 4, 20).AddDays(i * 2))
            .Where(d => !workingDays.Contains(d) && d.Month != 6 && policy.Time.IsWorkingWeekday(d.DayOfWeek))
            .Take(40)
            .Select(d => new PlannedDay(
                d, d.DayOfWeek == DayOfWeek.Monday ? WorkMode.Home : WorkMode.Office, new TimeOnly(7, 30),
                d.DayOfWeek == DayOfWeek.Friday ? new TimeOnly(16, 30) : new TimeOnly(16, 0)));
        var away = workingDays.ToDictionary(d => d, d => d.Day % 9);
        var unit = new UnitOccupancy(40, away);
        var locations = new Dictionary<Guid, LocationKind> { [Guid.NewGuid()] = LocationKind.OtherOffice };
        var employee = new EmployeeFacts(PositionEligible: true, PositionStart: new DateOnly(2020, 1, 6));
        IReadOnlyList<WorkPlanItem> plan = [new("Laporan bulanan", "Dokumen", "1")];

        RequestDay Day(DateOnly date, bool home) => new(
            date, home ? WorkMode.Home : WorkMode.Office, new TimeOnly(7, 30), date.DayOfWeek == DayOfWeek.Friday ? new TimeOnly(16, 30) : new TimeOnly(16, 0));

        var clean = new ProposedRequest(workingDays.Select(d => Day(d, d.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday)), "Rencana Juni", plan);
        var overCap = new ProposedRequest(workingDays.Select(d => Day(d, d.DayOfWeek != DayOfWeek.Monday)), "Rencana Juni", plan);
        var today = new DateOnly(2026, 5, 20);
        _clean = new PolicyCheckContext(policy, clean, employee, today, new PlannedDays(history), unit, calendar, locations);
        _overCap = _clean with { Request = overCap };

        var cleanFindings = PolicyEngine.Evaluate(_clean);
        if (cleanFindings.Count != 0 || PolicyEngine.Evaluate(_overCap).Count == 0)
        {
            throw new InvalidOperationException(
                "The benchmark requests no longer judge as intended: " + string.Join(", ", cleanFindings.Select(f => $"{f.Code}@{f.Date}")));
        }
    }

    [Benchmark(Baseline = true, Description = "22 working days, within every rule")]
    public IReadOnlyList<Finding> CleanMonth() => PolicyEngine.Evaluate(_clean);

    [Benchmark(Description = "22 working days, four home days a week (cap findings)")]
    public IReadOnlyList<Finding> MonthOverTheCap() => PolicyEngine.Evaluate(_overCap);
}
