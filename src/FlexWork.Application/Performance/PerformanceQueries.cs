using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>Reads the performance services share.</summary>
internal static class PerformanceQueries
{
    public static async Task<PerformancePeriod> PeriodAsync(IFlexWorkDbContext db, Guid periodId, CancellationToken cancellationToken) =>
        await db.PerformancePeriods.SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken) ?? throw new NotFoundException("PerformancePeriod", periodId);

    /// <summary>The agency's period the date falls in, or null while it has none.</summary>
    public static async Task<PerformancePeriod?> PeriodOfAsync(IFlexWorkDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        await db.PerformancePeriods.FirstOrDefaultAsync(p => p.From <= date && p.To >= date, cancellationToken);

    public static async Task<DateOnly> TodayAsync(IFlexWorkDbContext db, Guid employeeId, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), (await PolicyContextLoader.PlaceAsync(db, employeeId, cancellationToken)).TimeZoneId);

    public static async Task<Dictionary<Guid, string>> NamesAsync(IFlexWorkDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Employees.AsNoTracking().Where(e => list.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FullName, cancellationToken);
    }

    /// <summary>Per target, what the reports of its period add up to (the quantities of the report lines that name it).</summary>
    public static async Task<Dictionary<Guid, decimal>> ReportedAsync(
        IFlexWorkDbContext db, IReadOnlyCollection<Guid> employeeIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var items = await db.WorkReports.AsNoTracking()
            .Where(r => employeeIds.Contains(r.EmployeeId) && r.Date >= from && r.Date <= to)
            .Select(r => r.Items).ToListAsync(cancellationToken);
        return items.SelectMany(i => i).Where(i => i.TargetId is not null)
            .GroupBy(i => i.TargetId!.Value).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity ?? 0));
    }

    /// <summary>Targets as views: names, the supervisor's RHK each supports, the realisation the reports give.</summary>
    public static async Task<List<TargetView>> TargetViewsAsync(IFlexWorkDbContext db, IReadOnlyList<PerformanceTarget> targets, CancellationToken cancellationToken)
    {
        if (targets.Count == 0)
        {
            return [];
        }

        var names = await NamesAsync(db, targets.Select(t => t.EmployeeId), cancellationToken);
        var supportedIds = targets.Where(t => t.Content.SupportsTargetId is not null).Select(t => t.Content.SupportsTargetId!.Value).Distinct().ToList();
        var supported = supportedIds.Count == 0
            ? []
            : (await db.PerformanceTargets.AsNoTracking().Where(t => supportedIds.Contains(t.Id)).Select(t => new { t.Id, t.Content }).ToListAsync(cancellationToken))
                .ToDictionary(t => t.Id, t => t.Content.Rhk);
        var periodIds = targets.Select(t => t.PeriodId).Distinct().ToList();
        var periods = await db.PerformancePeriods.AsNoTracking().Where(p => periodIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var reported = await ReportedAsync(db, [.. names.Keys], periods.Min(p => p.From), periods.Max(p => p.To), cancellationToken);
        return
        [
            .. targets.Select(t => new TargetView(
                t.Id, t.PeriodId, t.EmployeeId, names.GetValueOrDefault(t.EmployeeId, ""), t.Content, t.PendingChange, t.State, t.AwaitsSupervisor,
                t.Content.SupportsTargetId is { } s ? supported.GetValueOrDefault(s) : null, reported.GetValueOrDefault(t.Id), t.History, t.Version)),
        ];
    }

    /// <summary>The evidence files of the reports that have any, by report: one read for a whole list.</summary>
    public static async Task<ILookup<Guid, EvidenceItem>> EvidenceAsync(IFlexWorkDbContext db, IEnumerable<WorkReport?> reports, CancellationToken cancellationToken)
    {
        var ids = reports.Where(r => r is { HasEvidence: true }).Select(r => r!.Id).ToList();
        var files = ids.Count == 0
            ? []
            : await db.ReportEvidence.AsNoTracking().Where(e => ids.Contains(e.ReportId)).OrderBy(e => e.UploadedAt)
                .Select(e => new { e.ReportId, Item = new EvidenceItem(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.UploadedAt) })
                .ToListAsync(cancellationToken);
        return files.ToLookup(f => f.ReportId, f => f.Item);
    }
}
