using System.Security.Cryptography;
using System.Text;
using FlexWork.Application.Common;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace FlexWork.Application.Monitoring;

/// <summary>A row of the dashboard: a unit (its own people) or a person, with the month's figures.</summary>
public sealed record MonitoringRow(Guid Id, string Name, string? Nip, MonitoringFigures Figures);

/// <summary>The same measures over the months before the agency's first policy took effect, and after.</summary>
public sealed record BeforeAfter(DateOnly? PolicyEffectiveFrom, DateOnly? BeforeFrom, DateOnly? BeforeTo, MonitoringFigures Before, DateOnly? AfterFrom, DateOnly? AfterTo, MonitoringFigures After);

/// <summary>
/// The monitoring dashboard of a month: the units in scope (or the people of one unit, drilled
/// down), their total, and before against after for the same people.
/// </summary>
public sealed record MonitoringDashboard(
    DateOnly Month, Guid? UnitId, string? UnitName, bool WholeAgency, IReadOnlyList<MonitoringRow> Rows, MonitoringFigures Total, BeforeAfter Comparison);

/// <summary>
/// Pasal 35's monitoring for unit heads and the PPK: per month and unit, share of days by mode,
/// days under the unit's on-site minimum, presence flags and absences, overdue reports,
/// realisation and predikat, and before against after flexible work began.
/// </summary>
public sealed class MonitoringService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider, IMemoryCache cache)
{
    /// <summary>How many months on each side of the first policy's effective date are compared.</summary>
    public const int ComparedMonths = 6;

    /// <summary>
    /// How long a before/after comparison is reused for the same units and end: it counts up to a
    /// year of an agency's days (seconds at ministry scale) and moves by a day's share at most.
    /// </summary>
    public static readonly TimeSpan ComparisonReuse = TimeSpan.FromMinutes(15);

    /// <summary>How far back the dashboard reaches.</summary>
    public const int MaxMonthsBack = 36;

    /// <summary>The units the caller monitors, by name, for the pages' pickers.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> UnitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return (await MonitoringScope.OfAsync(db, currentUser, cancellationToken)).Units;
    }

    /// <summary>Whether the caller monitors every unit (an admin, the leadership) rather than the units they head.</summary>
    public async Task<bool> MonitorsWholeAgencyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return (await MonitoringScope.OfAsync(db, currentUser, cancellationToken)).WholeAgency;
    }

    /// <summary>The month for the units in scope, or (with <paramref name="unitId"/>) for that unit's people.</summary>
    public async Task<MonitoringDashboard> MonthAsync(DateOnly month, Guid? unitId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await MonitoringScope.OfAsync(db, currentUser, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var (from, to) = MonthRange(month, now);
        var units = unitId is { } unit ? [scope.Require(unit)] : scope.Units.Keys.ToList();
        var level = unitId is null ? MonitoringLevel.Unit : MonitoringLevel.Person;

        var figures = await MonitoringQueries.FiguresAsync(db, scope.AgencyId, units, from, to, now, level, null, cancellationToken);
        var names = level == MonitoringLevel.Unit
            ? scope.Units.ToDictionary(u => u.Key, u => (u.Value, (string?)null))
            : await db.Employees.AsNoTracking().Where(e => e.IsActive && e.UnitId == unitId)
                .ToDictionaryAsync(e => e.Id, e => (e.FullName, (string?)e.Nip), cancellationToken);
        var rows = figures.Select(f => new MonitoringRow(f.Key.Key, names.GetValueOrDefault(f.Key.Key).Item1 ?? "", names.GetValueOrDefault(f.Key.Key).Item2, f.Value))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        var total = MonitoringFigures.Sum(rows.Select(r => r.Figures));
        if (level == MonitoringLevel.Person)
        {
            // A unit's on-site minimum is the unit's, not a person's: the total carries it.
            var unitFigures = await MonitoringQueries.FiguresAsync(db, scope.AgencyId, units, from, to, now, MonitoringLevel.Unit, null, cancellationToken);
            total = total with { DaysUnderMinimum = unitFigures.Values.Sum(f => f.DaysUnderMinimum) };
        }

        var comparison = await cache.GetOrCreateAsync(ComparisonKey(scope.AgencyId, units, to), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ComparisonReuse;
            return CompareAsync(db, scope.AgencyId, units, to, now, cancellationToken);
        }) ?? throw new InvalidOperationException("The comparison was not computed.");
        return new MonitoringDashboard(from, unitId, unitId is { } id ? scope.Units[id] : null, scope.WholeAgency, rows, total, comparison);
    }

    /// <summary>The first and last day of <paramref name="month"/> counted: not after today, not too far back.</summary>
    public static (DateOnly From, DateOnly To) MonthRange(DateOnly month, DateTimeOffset now)
    {
        var today = PolicyCheckContext.TodayIn(now, IndonesianTimeZones.Wib);
        var from = new DateOnly(month.Year, month.Month, 1);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (from > thisMonth || from < thisMonth.AddMonths(-MaxMonthsBack))
        {
            throw new DomainException("MONITORING_MONTH_RANGE", MaxMonthsBack);
        }

        return (from, from.AddMonths(1).AddDays(-1));
    }

    /// <summary>The same agency, units and end give the same comparison, whoever asks.</summary>
    private static string ComparisonKey(Guid agencyId, IEnumerable<Guid> units, DateOnly through) =>
        $"monitoring-comparison:{agencyId}:{through:O}:{Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', units.Order()))))}";

    private static async Task<BeforeAfter> CompareAsync(
        IFlexWorkDbContext db, Guid agencyId, IReadOnlyCollection<Guid> units, DateOnly through, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var effective = await db.PolicyVersions.Where(p => p.EffectiveFrom != null && p.PublishedAt != null)
            .MinAsync(p => p.EffectiveFrom, cancellationToken);
        if (effective is not { } start || start > through)
        {
            return new BeforeAfter(effective, null, null, MonitoringFigures.None, null, null, MonitoringFigures.None);
        }

        // Whole months on each side: the month the policy began counts as after.
        var afterFrom = new DateOnly(start.Year, start.Month, 1);
        var beforeFrom = afterFrom.AddMonths(-ComparedMonths);
        var afterTo = through < afterFrom.AddMonths(ComparedMonths).AddDays(-1) ? through : afterFrom.AddMonths(ComparedMonths).AddDays(-1);
        var figures = await MonitoringQueries.FiguresAsync(db, agencyId, units, beforeFrom, afterTo, now, MonitoringLevel.Unit, null, cancellationToken);
        var before = MonitoringFigures.Sum(figures.Where(f => f.Key.Month < afterFrom).Select(f => f.Value));
        var after = MonitoringFigures.Sum(figures.Where(f => f.Key.Month >= afterFrom).Select(f => f.Value));
        return new BeforeAfter(start, beforeFrom, afterFrom.AddDays(-1), before, afterFrom, afterTo, after);
    }
}
