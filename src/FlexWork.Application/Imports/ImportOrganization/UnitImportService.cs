using System.Globalization;
using System.Text.Json;
using FlexWork.Application.Common;
using FlexWork.Domain.Auditing;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Imports.ImportOrganization;

/// <summary>The unit CSV's columns (docs/import-format.md).</summary>
public static class UnitCsv
{
    public const string Name = "nama";
    public const string Parent = "induk";
    public const string TimeZone = "zona_waktu";
    public const string HeadNip = "nip_pimpinan";

    public static IReadOnlyList<string> RequiredColumns { get; } = [Name];

    public static IReadOnlyList<string> AllColumns { get; } = [Name, Parent, TimeZone, HeadNip];

    public static string Template { get; } =
        string.Join(",", AllColumns) + "\n" +
        "Sekretariat Jenderal,,WIB,\n" +
        "Biro Sumber Daya Manusia,Sekretariat Jenderal,,\n" +
        "Kantor Wilayah Sulawesi Selatan,,WITA,\n";
}

/// <summary>
/// Imports the unit tree, matched by name: a new name creates a unit, a known one moves it and
/// sets its time zone and head. Optional columns left out of the file leave those settings as
/// they are, so an HR export with names and parents only never wipes what admins set. Units
/// are never deleted by an import.
/// </summary>
public sealed class UnitImportService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public Task<ImportReport> PreviewAsync(Stream csv, CancellationToken cancellationToken = default) =>
        RunAsync(csv, apply: false, validRowsOnly: false, cancellationToken);

    public Task<ImportReport> ApplyAsync(Stream csv, bool validRowsOnly, CancellationToken cancellationToken = default) =>
        RunAsync(csv, apply: true, validRowsOnly, cancellationToken);

    private async Task<ImportReport> RunAsync(Stream csv, bool apply, bool validRowsOnly, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        var file = await ImportCsv.ReadAsync(csv, UnitCsv.AllColumns, UnitCsv.RequiredColumns, cancellationToken);
        if (file.MissingColumns.Count > 0)
        {
            return ImportReport.ColumnsMissing(file);
        }

        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var units = await db.OrganizationUnits.ToListAsync(ct); // an agency has hundreds of units, not millions
                var heads = file.Has(UnitCsv.HeadNip)
                    ? await db.Employees.Where(e => e.IsActive).Select(e => new { e.Nip, e.Id }).ToDictionaryAsync(e => e.Nip, e => e.Id, ct)
                    : [];
                var check = Check(file, units, heads);
                var report = new ImportReport(file.Rows.Count, check.Creates.Count, check.Updates.Count, check.Unchanged, check.Errors, Applied: false);
                if (!apply || (check.Errors.Count > 0 && !validRowsOnly) || check.Creates.Count + check.Updates.Count == 0)
                {
                    return report;
                }

                var created = await SaveAsync(db, agencyId, units, check, ct);
                db.AuditEntries.Add(AuditEntry.Record(
                    agencyId, currentUser.UserId, "UnitImport", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), "Imported",
                    JsonSerializer.Serialize(new { created = check.Creates.Count, updated = check.Updates.Count, unchanged = check.Unchanged }),
                    timeProvider.GetUtcNow(), currentUser.IpAddress));
                await db.SaveChangesAsync(ct);
                return report with { Applied = true, CreatedIds = created };
            },
            cancellationToken);
    }

    private static CheckResult Check(CsvFile file, List<OrganizationUnit> units, Dictionary<string, Guid> heads)
    {
        var existing = units.GroupBy(u => ImportCsv.NormalizeName(u.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var errors = new List<ImportError>();
        var candidates = new Dictionary<string, Candidate>();
        var firstRowOfName = new Dictionary<string, int>();
        foreach (var row in file.Rows)
        {
            var rowErrors = new List<ImportError>();
            void Fail(string column, string code, params string[] arguments) => rowErrors.Add(new ImportError(row.Number, column, code, arguments));

            var name = row[UnitCsv.Name];
            var key = ImportCsv.NormalizeName(name);
            if (key.Length == 0)
            {
                Fail(UnitCsv.Name, "NAME_REQUIRED");
            }
            else if (name.Length > ImportCsv.MaxNameLength)
            {
                Fail(UnitCsv.Name, "NAME_TOO_LONG", ImportCsv.MaxNameLength.ToString(CultureInfo.InvariantCulture));
            }
            else if (!firstRowOfName.TryAdd(key, row.Number))
            {
                Fail(UnitCsv.Name, "NAME_DUPLICATE_IN_FILE", name, firstRowOfName[key].ToString(CultureInfo.InvariantCulture));
            }
            else if (existing.TryGetValue(key, out var same) && same.Count > 1)
            {
                Fail(UnitCsv.Name, "UNIT_AMBIGUOUS", name);
            }

            var parent = ImportCsv.NormalizeName(row[UnitCsv.Parent]);
            if (parent.Length > 0 && parent == key)
            {
                Fail(UnitCsv.Parent, "UNIT_CYCLE", row[UnitCsv.Parent]);
            }
            else if (existing.TryGetValue(parent, out var parents) && parents.Count > 1)
            {
                Fail(UnitCsv.Parent, "UNIT_AMBIGUOUS", row[UnitCsv.Parent]);
            }

            var timeZone = ImportCsv.ParseTimeZone(row[UnitCsv.TimeZone]);
            if (timeZone is null && row[UnitCsv.TimeZone].Length > 0)
            {
                Fail(UnitCsv.TimeZone, "TIME_ZONE_INVALID", row[UnitCsv.TimeZone]);
            }

            Guid? headId = null;
            var headText = row[UnitCsv.HeadNip];
            if (headText.Length > 0)
            {
                if (!Nip.TryParse(headText, out var headNip))
                {
                    Fail(UnitCsv.HeadNip, "NIP_INVALID", headText);
                }
                else if (!heads.TryGetValue(headNip.Value, out var id))
                {
                    Fail(UnitCsv.HeadNip, "HEAD_UNKNOWN", headText);
                }
                else
                {
                    headId = id;
                }
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            candidates[key] = new Candidate(row.Number, name, key, parent.Length == 0 ? null : parent, row[UnitCsv.Parent], timeZone, headId);
        }

        // A parent may be another row or a unit already in the agency. Dropping a row can orphan
        // the rows under it, so repeat until nothing changes.
        bool dropped;
        do
        {
            dropped = false;
            foreach (var candidate in candidates.Values.ToList())
            {
                if (candidate.Parent is { } parent && !candidates.ContainsKey(parent) && !existing.ContainsKey(parent))
                {
                    errors.Add(new ImportError(candidate.Row, UnitCsv.Parent, "PARENT_UNKNOWN", [candidate.ParentAsWritten]));
                    candidates.Remove(candidate.Key);
                    dropped = true;
                }
            }
        }
        while (dropped);

        var unitsById = units.ToDictionary(u => u.Id);
        string? CurrentParentOf(OrganizationUnit unit) => unit.ParentId is { } parentId ? ImportCsv.NormalizeName(unitsById[parentId].Name) : null;
        string? ParentOf(string key) => candidates.TryGetValue(key, out var c) ? c.Parent : CurrentParentOf(existing[key][0]);

        foreach (var candidate in candidates.Values.Where(c => InCycle(c.Key, ParentOf)).ToList())
        {
            errors.Add(new ImportError(candidate.Row, UnitCsv.Parent, "UNIT_CYCLE", [candidate.ParentAsWritten]));
        }

        var cycleRows = errors.Where(e => e.Code == "UNIT_CYCLE").Select(e => e.Row).ToHashSet();
        var valid = candidates.Values.Where(c => !cycleRows.Contains(c.Row)).ToList();
        var creates = valid.Where(c => !existing.ContainsKey(c.Key)).OrderBy(c => Depth(c.Key, ParentOf)).ToList();
        var updates = valid.Where(c => existing.TryGetValue(c.Key, out var unit) && !c.Matches(unit[0], CurrentParentOf(unit[0]), file)).ToList();
        var unchanged = valid.Count - creates.Count - updates.Count;
        return new CheckResult(creates, updates, unchanged, [.. errors.OrderBy(e => e.Row)], file, Depth: key => Depth(key, ParentOf));
    }

    /// <returns>The ids of the created units.</returns>
    private static async Task<IReadOnlyList<Guid>> SaveAsync(
        IFlexWorkDbContext db, Guid agencyId, List<OrganizationUnit> units, CheckResult check, CancellationToken cancellationToken)
    {
        var byKey = units.GroupBy(u => ImportCsv.NormalizeName(u.Name)).ToDictionary(g => g.Key, g => g.First());
        var byId = units.ToDictionary(u => u.Id);
        Guid? ParentIdOf(Guid id) => byId[id].ParentId;
        var headIds = check.Creates.Concat(check.Updates).Select(c => c.HeadId).OfType<Guid>().ToList();
        var heads = await db.Employees.Where(e => headIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);

        // Parents before children, in the tree the file describes: then neither a new unit nor a
        // move ever points at something not yet in place, and no move passes through a cycle.
        var created = new List<Guid>();
        foreach (var candidate in check.Creates.Concat(check.Updates).OrderBy(c => check.Depth(c.Key)))
        {
            var parent = candidate.Parent is { } parentKey ? byKey[parentKey] : null;
            if (byKey.TryGetValue(candidate.Key, out var unit))
            {
                unit.MoveUnder(parent, ParentIdOf);
            }
            else
            {
                unit = OrganizationUnit.Create(agencyId, candidate.Name, parent);
                db.OrganizationUnits.Add(unit);
                byKey[candidate.Key] = unit;
                byId[unit.Id] = unit;
                created.Add(unit.Id);
            }

            if (check.File.Has(UnitCsv.TimeZone))
            {
                unit.SetTimeZone(candidate.TimeZoneId);
            }

            if (check.File.Has(UnitCsv.HeadNip))
            {
                unit.SetHead(candidate.HeadId is { } headId ? heads[headId] : null);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    private static int Depth(string key, Func<string, string?> parentOf)
    {
        var depth = 0;
        for (var current = parentOf(key); current is not null && depth < 1_000; current = parentOf(current))
        {
            depth++;
        }

        return depth;
    }

    private static bool InCycle(string key, Func<string, string?> parentOf)
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
                return false; // a loop above this unit, reported on its own rows
            }
        }

        return false;
    }

    private sealed record CheckResult(
        List<Candidate> Creates, List<Candidate> Updates, int Unchanged, List<ImportError> Errors, CsvFile File, Func<string, int> Depth);

    /// <param name="Key">The normalized name; <paramref name="Parent"/> is normalized the same way.</param>
    private sealed record Candidate(int Row, string Name, string Key, string? Parent, string ParentAsWritten, string? TimeZoneId, Guid? HeadId)
    {
        /// <summary>True when applying the row would change nothing (columns not in the file are not compared).</summary>
        public bool Matches(OrganizationUnit unit, string? currentParent, CsvFile file) =>
            currentParent == Parent
            && (!file.Has(UnitCsv.TimeZone) || unit.TimeZoneId == TimeZoneId)
            && (!file.Has(UnitCsv.HeadNip) || unit.HeadEmployeeId == HeadId);
    }
}
