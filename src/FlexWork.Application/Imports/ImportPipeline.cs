using System.Globalization;
using System.Text.Json;
using FlexWork.Application.Common;
using FlexWork.Domain.Auditing;

namespace FlexWork.Application.Imports;

/// <summary>What an import's check found: the rows' problems and what the valid rows would change.</summary>
public abstract record ImportPlan(int Creates, int Updates, int Unchanged, IReadOnlyList<ImportError> Errors);

/// <summary>One kind of import (employees, units, positions): its columns, its check of the rows, its save.</summary>
public interface IImportKind<TPlan>
    where TPlan : ImportPlan
{
    /// <summary>The audit log's entity type for the import, e.g. <c>EmployeeImport</c>.</summary>
    string AuditName { get; }

    IReadOnlyList<string> AllColumns { get; }

    IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Checks every row against the agency as it is in <paramref name="db"/>; changes nothing.</summary>
    Task<TPlan> CheckAsync(IFlexWorkDbContext db, CsvFile file, CancellationToken cancellationToken);

    /// <summary>Saves the plan's valid rows inside the pipeline's transaction.</summary>
    /// <returns>The ids of what it created.</returns>
    Task<IReadOnlyList<Guid>> SaveAsync(IFlexWorkDbContext db, Guid agencyId, TPlan plan, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>
/// Every import runs the same way: read the file, check every row, then preview or apply; the
/// check and the save share one transaction, so all valid rows land judged against the data they
/// land on, and an applied import adds one summary entry to the audit log (besides the entry for
/// each row it changes). Nothing is applied while any row has an error, unless the admin asks to
/// apply the valid rows only. Apply reads the file again rather than trusting a preview.
/// </summary>
public sealed class ImportPipeline(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<ImportReport> RunAsync<TPlan>(
        IImportKind<TPlan> kind, Stream csv, bool apply, bool validRowsOnly, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        where TPlan : ImportPlan
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        progress?.Report(new ImportProgress(ImportPhase.Reading, 0, 0));
        var file = await ImportCsv.ReadAsync(csv, kind.AllColumns, kind.RequiredColumns, cancellationToken);
        var rows = file.Rows.Count + file.Unreadable.Count;
        if (file.MissingColumns.Count > 0)
        {
            return ImportReport.ColumnsMissing(file);
        }

        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                progress?.Report(new ImportProgress(ImportPhase.Checking, 0, rows));
                var plan = await kind.CheckAsync(db, file, ct);
                List<ImportError> errors = [.. file.Unreadable.Concat(plan.Errors).OrderBy(e => e.Row)];
                var report = new ImportReport(rows, plan.Creates, plan.Updates, plan.Unchanged, errors, Applied: false);
                if (apply && (errors.Count == 0 || validRowsOnly) && plan.Creates + plan.Updates > 0)
                {
                    var created = await kind.SaveAsync(db, agencyId, plan, progress, ct);
                    var now = timeProvider.GetUtcNow();
                    db.AuditEntries.Add(AuditEntry.Record(
                        agencyId, currentUser.UserId, kind.AuditName, now.ToString("O", CultureInfo.InvariantCulture), "Imported",
                        JsonSerializer.Serialize(new { created = plan.Creates, updated = plan.Updates, unchanged = plan.Unchanged, skippedRows = report.RowsWithErrors }),
                        now, currentUser.IpAddress));
                    await db.SaveChangesAsync(ct);
                    report = report with { Applied = true, CreatedIds = created };
                }

                progress?.Report(new ImportProgress(ImportPhase.Done, rows, rows));
                return report;
            },
            cancellationToken);
    }
}

/// <summary>
/// Rows that hang under another by key (a unit under its parent, an employee under their
/// supervisor): the parent is another row of the file or already in the agency.
/// </summary>
public static class ImportTree
{
    /// <summary>
    /// Takes out of <paramref name="accepted"/> every row whose parent is neither another accepted
    /// row nor <paramref name="known"/>; dropping a row can orphan the rows under it, so until
    /// nothing changes.
    /// </summary>
    /// <returns>The rows taken out, to report.</returns>
    public static List<T> DropOrphans<T>(Dictionary<string, T> accepted, Func<T, string?> parentOf, Func<string, bool> known)
    {
        var dropped = new List<T>();
        for (var orphans = Orphans(); orphans.Count > 0; orphans = Orphans())
        {
            foreach (var (key, row) in orphans)
            {
                accepted.Remove(key);
                dropped.Add(row);
            }
        }

        return dropped;

        List<KeyValuePair<string, T>> Orphans() =>
            [.. accepted.Where(a => parentOf(a.Value) is { } parent && !accepted.ContainsKey(parent) && !known(parent))];
    }

    /// <summary>Whether walking up from <paramref name="key"/> comes back to it (a loop only above it is reported on its own rows).</summary>
    public static bool InCycle(string key, Func<string, string?> parentOf)
    {
        var seen = new HashSet<string> { key };
        for (var current = parentOf(key); current is not null; current = parentOf(current))
        {
            if (current == key)
            {
                return true;
            }

            if (!seen.Add(current))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>How many parents are above <paramref name="key"/>: saving by depth puts every parent in place before its rows.</summary>
    public static int Depth(string key, Func<string, string?> parentOf)
    {
        var seen = new HashSet<string> { key };
        var depth = 0;
        for (var current = parentOf(key); current is not null && seen.Add(current); current = parentOf(current))
        {
            depth++;
        }

        return depth;
    }
}
