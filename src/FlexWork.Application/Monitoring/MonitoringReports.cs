using System.Globalization;
using System.Runtime.CompilerServices;
using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Monitoring;

/// <summary>The reports an agency exports for its monitoring and evaluation (monev).</summary>
public enum MonitoringReport
{
    /// <summary>Working days by mode per unit (or person) and month, with the days under the on-site minimum.</summary>
    Usage,

    /// <summary>Hours from submission to decision per unit and month: median and 90th percentile.</summary>
    Turnaround,

    /// <summary>Per month and rule: submissions refused, submitted despite a warning and approved so; overrides granted.</summary>
    Exceptions,

    /// <summary>Per unit and period: office days against flexible days (reports on time, outputs), and the predikat.</summary>
    PerformanceByMode,

    /// <summary>Presence per unit (or person) and month: present, flagged, excused, absent.</summary>
    Presence,
}

/// <summary>
/// A report as a header and rows that are read from the database while they are written out:
/// the rows are enumerated once, on their own short-lived context, so a year of a large agency
/// never sits in memory. Cells are text, whole numbers, decimals or null.
/// </summary>
public sealed record ReportTable(MonitoringReport Report, DateOnly From, DateOnly To, IReadOnlyList<string> Columns, IAsyncEnumerable<object?[]> Rows);

public sealed class MonitoringReports(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider, ResultsByModeService resultsByMode)
{
    /// <summary>A report covers at most a year.</summary>
    public const int MaxMonths = 12;

    /// <summary>People are read this many at a time for the person-level reports: memory stays flat however large the agency.</summary>
    internal const int PeopleBatch = 2_000;

    /// <summary>
    /// Checks the caller's right and the range now (so a refusal is an answer, not a broken
    /// download) and returns the report, whose rows are read as they are written.
    /// </summary>
    public async Task<ReportTable> OpenAsync(MonitoringReport report, DateOnly from, DateOnly to, Guid? unitId, MonitoringLevel level, CancellationToken cancellationToken = default)
    {
        MonitoringScope scope;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            scope = await MonitoringScope.OfAsync(db, currentUser, cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        (from, _) = MonitoringService.MonthRange(from, now);
        (_, to) = MonitoringService.MonthRange(to, now);
        if (to < from || MonitoringQueries.Months(from, to).Count() > MaxMonths || !Enum.IsDefined(report) || !Enum.IsDefined(level))
        {
            throw new DomainException("REPORT_RANGE_INVALID", MaxMonths);
        }

        var units = unitId is { } unit ? [scope.Require(unit)] : scope.Units.Keys.ToList();
        var byPerson = level == MonitoringLevel.Person && report is MonitoringReport.Usage or MonitoringReport.Presence;
        return report switch
        {
            MonitoringReport.Usage or MonitoringReport.Presence => new ReportTable(report, from, to, FiguresColumns(report, byPerson), FiguresRowsAsync(report, scope, units, from, to, now, byPerson, cancellationToken)),
            MonitoringReport.Turnaround => new ReportTable(report, from, to, ["unit", "bulan", "diputus", "median_jam", "p90_jam"], TurnaroundRowsAsync(scope, units, from, to, cancellationToken)),
            MonitoringReport.Exceptions => new ReportTable(report, from, to, ["bulan", "aturan", "ditolak_sistem", "diajukan_dengan_peringatan", "disetujui_dengan_peringatan"], ExceptionRowsAsync(scope, units, from, to, cancellationToken)),
            _ => new ReportTable(report, from, to, PerformanceColumns, PerformanceRowsAsync(units, from, to, cancellationToken)),
        };
    }

    private static readonly string[] PerformanceColumns =
    [
        "unit", "periode", "pegawai", "hari_kantor", "laporan_kantor_tepat_waktu_persen", "keluaran_per_hari_kantor",
        "hari_fleksibel", "laporan_fleksibel_tepat_waktu_persen", "keluaran_per_hari_fleksibel", "laporan_fleksibel_tidak_ada",
        "predikat_sangat_baik", "predikat_baik", "predikat_butuh_perbaikan", "predikat_kurang", "predikat_sangat_kurang", "belum_dinilai",
    ];

    private static string[] FiguresColumns(MonitoringReport report, bool byPerson)
    {
        string[] who = byPerson ? ["unit", "nip", "nama", "bulan", "pegawai"] : ["unit", "bulan", "pegawai"];
        string[] usage = byPerson
            ? ["hari_kerja", "kantor", "kantor_lain", "rumah", "lokasi_lain", "fleksibel_persen"]
            : ["hari_kerja", "kantor", "kantor_lain", "rumah", "lokasi_lain", "fleksibel_persen", "hari_di_bawah_minimum"];
        string[] presence = ["hari_dihitung", "hadir", "lokasi_ditandai", "izin_disetujui", "tidak_hadir", "tidak_hadir_persen"];
        return [.. who, .. report == MonitoringReport.Usage ? usage : presence];
    }

    private static object?[] FiguresCells(MonitoringReport report, MonitoringFigures f, bool byPerson) => report == MonitoringReport.Usage
        ? [f.WorkingDays, f.OfficeDays, f.DaysIn(WorkMode.OtherOffice), f.DaysIn(WorkMode.Home), f.DaysIn(WorkMode.OtherLocation), f.FlexibleSharePercent, .. byPerson ? Array.Empty<object?>() : [f.DaysUnderMinimum]]
        : [f.PresenceDays, f.Present, f.Flagged, f.Excused, f.Absent, f.AbsentPercent];

    private async IAsyncEnumerable<object?[]> FiguresRowsAsync(
        MonitoringReport report, MonitoringScope scope, List<Guid> units, DateOnly from, DateOnly to, DateTimeOffset now, bool byPerson,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!byPerson)
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var figures = await MonitoringQueries.FiguresAsync(db, scope.AgencyId, units, from, to, now, MonitoringLevel.Unit, null, cancellationToken);
            foreach (var ((unit, month), f) in figures.OrderBy(f => scope.Units[f.Key.Key], StringComparer.CurrentCulture).ThenBy(f => f.Key.Month))
            {
                yield return [scope.Units[unit], MonthText(month), f.People, .. FiguresCells(report, f, byPerson)];
            }

            yield break;
        }

        // People in a stable order (unit by name, then id), counted a batch at a time on a fresh
        // context; small units share a batch, so a ministry of 50-person units takes 40 rounds, not 1,600.
        await using var people = await dbFactory.CreateAsync(cancellationToken);
        var batch = new List<(Guid Unit, Guid Id, string Nip, string Name)>();
        foreach (var unit in units.OrderBy(u => scope.Units[u], StringComparer.CurrentCulture))
        {
            for (Guid? after = null; ;)
            {
                var read = await people.Employees.AsNoTracking().Where(e => e.IsActive && e.UnitId == unit && (after == null || e.Id.CompareTo(after.Value) > 0))
                    .OrderBy(e => e.Id).Take(PeopleBatch).Select(e => new { e.Id, e.Nip, e.FullName }).ToListAsync(cancellationToken);
                batch.AddRange(read.Select(p => (unit, p.Id, p.Nip, p.FullName)));
                if (batch.Count >= PeopleBatch)
                {
                    await foreach (var row in PersonRowsAsync(report, scope, batch, from, to, now, cancellationToken))
                    {
                        yield return row;
                    }

                    batch.Clear();
                }

                if (read.Count < PeopleBatch)
                {
                    break;
                }

                after = read[^1].Id;
            }
        }

        await foreach (var row in PersonRowsAsync(report, scope, batch, from, to, now, cancellationToken))
        {
            yield return row;
        }
    }

    private async IAsyncEnumerable<object?[]> PersonRowsAsync(
        MonitoringReport report, MonitoringScope scope, List<(Guid Unit, Guid Id, string Nip, string Name)> batch, DateOnly from, DateOnly to, DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0)
        {
            yield break;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var figures = await MonitoringQueries.FiguresAsync(
            db, scope.AgencyId, [.. batch.Select(p => p.Unit).Distinct()], from, to, now, MonitoringLevel.Person, [.. batch.Select(p => p.Id)], cancellationToken);
        foreach (var person in batch)
        {
            foreach (var month in MonitoringQueries.Months(from, to))
            {
                if (figures.TryGetValue((person.Id, month), out var f))
                {
                    yield return [scope.Units[person.Unit], person.Nip, person.Name, MonthText(month), f.People, .. FiguresCells(report, f, byPerson: true)];
                }
            }
        }
    }

    private static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private sealed record TurnaroundRow(Guid UnitId, DateOnly Month, int Decided, double MedianHours, double NinetiethHours);

    /// <summary>Submitted → decided (approved, rejected or returned): each decision from the submission it answered.</summary>
    private async IAsyncEnumerable<object?[]> TurnaroundRowsAsync(MonitoringScope scope, List<Guid> units, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var (start, end) = (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7));
        var rows = db.Database.SqlQuery<TurnaroundRow>($"""
            SELECT e.unit_id, date_trunc('month', d.at AT TIME ZONE 'Asia/Jakarta')::date AS month, count(*)::int AS decided,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.at - s.at) / 3600) AS median_hours,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM d.at - s.at) / 3600) AS ninetieth_hours
            FROM request_transitions d
            JOIN work_requests r ON r.id = d.request_id
            JOIN employees e ON e.agency_id = r.agency_id AND e.id = r.employee_id
            CROSS JOIN LATERAL (
                SELECT max(t.at) AS at FROM request_transitions t
                WHERE t.request_id = d.request_id AND t."to" = 'Submitted' AND t."from" <> 'Submitted' AND t.at <= d.at) s
            WHERE r.agency_id = {scope.AgencyId} AND e.unit_id = ANY({units.ToArray()}) AND d."from" = 'Submitted'
              AND d."to" IN ('Approved', 'Rejected', 'ReturnedForRevision') AND d.at >= {start} AND d.at < {end} AND s.at IS NOT NULL
            GROUP BY 1, 2
            """);
        var list = await rows.ToListAsync(cancellationToken);
        foreach (var row in list.OrderBy(r => scope.Units[r.UnitId], StringComparer.CurrentCulture).ThenBy(r => r.Month))
        {
            yield return [scope.Units[row.UnitId], MonthText(row.Month), row.Decided, Math.Round((decimal)row.MedianHours, 1), Math.Round((decimal)row.NinetiethHours, 1)];
        }
    }

    private sealed record ExceptionRow(DateOnly Month, string Rule, int Refused, int Warned, int ApprovedWarned);

    /// <summary>
    /// The policy's exceptions by rule code: submissions the rules refused (kept in
    /// <c>refused_submissions</c>, as a refusal saves no request), requests submitted despite a
    /// warning, and those approved so; eligibility overrides granted count under their own code.
    /// </summary>
    private async IAsyncEnumerable<object?[]> ExceptionRowsAsync(MonitoringScope scope, List<Guid> units, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var (start, end) = (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7));
        var unitIds = units.ToArray();
        var rows = await db.Database.SqlQuery<ExceptionRow>($"""
            WITH scoped AS (SELECT id FROM employees WHERE agency_id = {scope.AgencyId} AND unit_id = ANY({unitIds})),
            refused AS (
                SELECT date_trunc('month', f.attempted_at AT TIME ZONE 'Asia/Jakarta')::date AS month, code AS rule, count(*)::int AS n
                FROM refused_submissions f CROSS JOIN LATERAL unnest(f.rule_codes) code
                WHERE f.agency_id = {scope.AgencyId} AND f.employee_id IN (SELECT id FROM scoped) AND f.attempted_at >= {start} AND f.attempted_at < {end}
                GROUP BY 1, 2),
            warned AS (
                SELECT date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS month, w.code AS rule,
                       count(*)::int AS n, count(*) FILTER (WHERE r.approved)::int AS approved
                FROM (SELECT r.id, r.submitted_at, r.findings,
                             EXISTS (SELECT 1 FROM request_transitions t WHERE t.request_id = r.id AND t."to" = 'Approved') AS approved
                      FROM work_requests r
                      WHERE r.agency_id = {scope.AgencyId} AND r.employee_id IN (SELECT id FROM scoped) AND r.submitted_at >= {start} AND r.submitted_at < {end}) r
                CROSS JOIN LATERAL (SELECT DISTINCT f->>'code' AS code FROM jsonb_array_elements(r.findings) f WHERE f->>'severity' = 'Warn') w
                GROUP BY 1, 2),
            overrides AS (
                SELECT date_trunc('month', a.occurred_at AT TIME ZONE 'Asia/Jakarta')::date AS month, 'ELIGIBILITY_OVERRIDE' AS rule, count(*)::int AS n
                FROM audit_log a
                WHERE a.agency_id = {scope.AgencyId} AND a.entity_type = 'Employee' AND a.occurred_at >= {start} AND a.occurred_at < {end}
                  AND a.entity_id IN (SELECT id::text FROM scoped) AND a.changes -> 'EligibilityOverrideReason' ->> 'after' IS NOT NULL
                GROUP BY 1, 2)
            SELECT coalesce(refused.month, warned.month) AS month, coalesce(refused.rule, warned.rule) AS rule,
                   coalesce(refused.n, 0) AS refused, coalesce(warned.n, 0) AS warned, coalesce(warned.approved, 0) AS approved_warned
            FROM refused FULL JOIN warned ON warned.month = refused.month AND warned.rule = refused.rule
            UNION ALL
            SELECT month, rule, n, 0, 0 FROM overrides
            """).ToListAsync(cancellationToken);
        foreach (var row in rows.OrderBy(r => r.Month).ThenBy(r => r.Rule, StringComparer.Ordinal))
        {
            yield return [MonthText(row.Month), row.Rule, row.Refused, row.Warned, row.ApprovedWarned];
        }
    }

    /// <summary>Results by mode per unit for each period ending in the range, as the unit head's performance page shows them.</summary>
    private async IAsyncEnumerable<object?[]> PerformanceRowsAsync(List<Guid> units, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<(Guid Id, string Code)> periods;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            periods = (await db.PerformancePeriods.AsNoTracking().Where(p => p.To >= from && p.To <= to).OrderBy(p => p.From)
                .Select(p => new { p.Id, p.Code }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.Code)).ToList();
        }

        foreach (var (id, code) in periods)
        {
            foreach (var unit in (await resultsByMode.UnitsAsync(id, cancellationToken)).Where(u => units.Contains(u.UnitId)))
            {
                yield return
                [
                    unit.UnitName, code, unit.People, unit.Office.Days, unit.Office.OnTimePercent, unit.Office.OutputsPerDay,
                    unit.Flexible.Days, unit.Flexible.OnTimePercent, unit.Flexible.OutputsPerDay, unit.Flexible.Missing,
                    .. new[] { PerformanceRating.SangatBaik, PerformanceRating.Baik, PerformanceRating.ButuhPerbaikan, PerformanceRating.Kurang, PerformanceRating.SangatKurang }
                        .Select(r => (object?)unit.Predikat.GetValueOrDefault(r)),
                    unit.NotRated,
                ];
            }
        }
    }
}
