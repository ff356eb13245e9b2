using FlexWork.Domain.Locations;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;

namespace FlexWork.Domain.UnitTests.Policies;

/// <summary>A week in December 2026 (Monday the 14th) judged from Monday the 7th, under the regulation's defaults.</summary>
internal static class PolicyTestKit
{
    public static readonly DateOnly Today = new(2026, 12, 7);
    public static readonly Guid OtherOfficeId = Guid.NewGuid();
    public static readonly Guid CoworkingId = Guid.NewGuid();

    public static readonly EmployeeFacts Eligible = new(PositionEligible: true, PositionStart: new DateOnly(2020, 1, 1));

    public static readonly IReadOnlyList<WorkPlanItem> Plan = [new("Laporan analisis kebutuhan pelatihan", "Dokumen", "1 laporan")];

    public static DateOnly Dec(int day) => new(2026, 12, day);

    public static RequestDay Home(DateOnly date, string? start = null, string? end = null) => Day(date, WorkMode.Home, start, end);

    public static RequestDay Office(DateOnly date, string? start = null, string? end = null) => Day(date, WorkMode.Office, start, end);

    public static RequestDay Day(DateOnly date, WorkMode mode, string? start = null, string? end = null, Guid? locationId = null, string? address = null) =>
        new(date, mode, start is null ? null : TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            end is null ? null : TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), locationId, address);

    public static IReadOnlyList<Finding> Check(
        IEnumerable<RequestDay> days,
        PolicySettings? policy = null,
        EmployeeFacts? employee = null,
        DateOnly? today = null,
        IEnumerable<PlannedDay>? others = null,
        UnitOccupancy? unit = null,
        WorkCalendar? calendar = null,
        bool evidence = false,
        IReadOnlyList<WorkPlanItem>? plan = null,
        string? reason = "Fokus menyusun laporan")
    {
        var request = new ProposedRequest(days, reason, plan ?? Plan, evidence);
        var locations = new Dictionary<Guid, LocationKind> { [OtherOfficeId] = LocationKind.OtherOffice, [CoworkingId] = LocationKind.OtherLocation };
        return PolicyEngine.Evaluate(new PolicyCheckContext(
            policy ?? PolicySettings.Regulation, request, employee ?? Eligible, today ?? Today,
            others is null ? null : new PlannedDays(others), unit, calendar, locations));
    }

    /// <summary>"CODE@yyyy-MM-dd" (or "CODE" for the request as a whole), to assert several findings at once.</summary>
    public static IReadOnlyList<string> Codes(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => f.Date is { } d ? $"{f.Code}@{d:yyyy-MM-dd}" : f.Code)];

    public static IReadOnlyList<string> Codes(IEnumerable<Finding> findings, string code) =>
        [.. Codes(findings.Where(f => f.Code == code))];
}
