using FlexWork.Application.Common;
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
public sealed class UnitImportService(ImportPipeline pipeline) : IImportKind<UnitImportService.Plan>
{
    public string AuditName => "UnitImport";

    public IReadOnlyList<string> AllColumns => UnitCsv.AllColumns;

    public IReadOnlyList<string> RequiredColumns => UnitCsv.RequiredColumns;

    public Task<ImportReport> PreviewAsync(Stream csv, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(this, csv, apply: false, validRowsOnly: false, progress: null, cancellationToken);

    public Task<ImportReport> ApplyAsync(Stream csv, bool validRowsOnly, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(this, csv, apply: true, validRowsOnly, progress: null, cancellationToken);

    public async Task<Plan> CheckAsync(IFlexWorkDbContext db, CsvFile file, CancellationToken cancellationToken)
    {
        var units = await db.OrganizationUnits.ToListAsync(cancellationToken); // an agency has hundreds of units, not millions; tracked for the save
        var heads = file.Has(UnitCsv.HeadNip)
            ? await db.Employees.Where(e => e.IsActive).Select(e => new { e.Nip, e.Id }).ToDictionaryAsync(e => e.Nip, e => e.Id, cancellationToken)
            : [];
        var existing = units.GroupBy(u => ImportCsv.NormalizeName(u.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var errors = new List<ImportError>();
        var candidates = new Dictionary<string, Candidate>();
        var firstRowOfName = new Dictionary<string, int>();
        foreach (var row in file.Rows)
        {
            var check = new RowCheck(row);
            var name = check.Name(UnitCsv.Name, firstRowOfName);
            var key = ImportCsv.NormalizeName(row[UnitCsv.Name]);
            if (name is not null && existing.TryGetValue(key, out var same) && same.Count > 1)
            {
                check.Fail(UnitCsv.Name, "UNIT_AMBIGUOUS", name);
            }

            var parent = ImportCsv.NormalizeName(row[UnitCsv.Parent]);
            if (parent.Length > 0 && parent == key)
            {
                check.Fail(UnitCsv.Parent, "UNIT_CYCLE", row[UnitCsv.Parent]);
            }
            else if (existing.TryGetValue(parent, out var parents) && parents.Count > 1)
            {
                check.Fail(UnitCsv.Parent, "UNIT_AMBIGUOUS", row[UnitCsv.Parent]);
            }

            var timeZone = check.TimeZone(UnitCsv.TimeZone);
            Guid? headId = null;
            if (check.Nip(UnitCsv.HeadNip, required: false) is { } headNip)
            {
                if (heads.TryGetValue(headNip.Value, out var id))
                {
                    headId = id;
                }
                else
                {
                    check.Fail(UnitCsv.HeadNip, "HEAD_UNKNOWN", row[UnitCsv.HeadNip]);
                }
            }

            if (!check.IsValid)
            {
                errors.AddRange(check.Errors);
                continue;
            }

            candidates[key] = new Candidate(row.Number, name!, key, parent.Length == 0 ? null : parent, row[UnitCsv.Parent], timeZone, headId);
        }

        errors.AddRange(ImportTree.DropOrphans(candidates, c => c.Parent, existing.ContainsKey)
            .Select(c => new ImportError(c.Row, UnitCsv.Parent, "PARENT_UNKNOWN", [c.ParentAsWritten])));

        var unitsById = units.ToDictionary(u => u.Id);
        string? CurrentParentOf(OrganizationUnit unit) => unit.ParentId is { } parentId ? ImportCsv.NormalizeName(unitsById[parentId].Name) : null;
        string? ParentOf(string key) => candidates.TryGetValue(key, out var c) ? c.Parent : CurrentParentOf(existing[key][0]);

        var inCycle = candidates.Values.Where(c => ImportTree.InCycle(c.Key, ParentOf)).ToList();
        errors.AddRange(inCycle.Select(c => new ImportError(c.Row, UnitCsv.Parent, "UNIT_CYCLE", [c.ParentAsWritten])));
        var valid = candidates.Values.Except(inCycle).ToList();
        var creates = valid.Where(c => !existing.ContainsKey(c.Key)).ToList();
        var updates = valid.Where(c => existing.TryGetValue(c.Key, out var unit) && !c.Matches(unit[0], CurrentParentOf(unit[0]), file)).ToList();
        return new Plan(creates, updates, valid.Count - creates.Count - updates.Count, [.. errors.OrderBy(e => e.Row)], file, units, key => ImportTree.Depth(key, ParentOf));
    }

    /// <summary>
    /// Parents before children, in the tree the file describes: then neither a new unit nor a
    /// move ever points at something not yet in place, and no move passes through a cycle.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SaveAsync(
        IFlexWorkDbContext db, Guid agencyId, Plan plan, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var byKey = plan.Units.GroupBy(u => ImportCsv.NormalizeName(u.Name)).ToDictionary(g => g.Key, g => g.First());
        var byId = plan.Units.ToDictionary(u => u.Id);
        Guid? ParentIdOf(Guid id) => byId[id].ParentId;
        var headIds = plan.New.Concat(plan.Changed).Select(c => c.HeadId).OfType<Guid>().ToList();
        var heads = await db.Employees.Where(e => headIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);

        var created = new List<Guid>();
        foreach (var candidate in plan.New.Concat(plan.Changed).OrderBy(c => plan.Depth(c.Key)))
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

            if (plan.File.Has(UnitCsv.TimeZone))
            {
                unit.SetTimeZone(candidate.TimeZoneId);
            }

            if (plan.File.Has(UnitCsv.HeadNip))
            {
                unit.SetHead(candidate.HeadId is { } headId ? heads[headId] : null);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <param name="Units">The agency's units as the check read them (tracked: the save moves them).</param>
    /// <param name="Depth">How deep a unit (by key) sits in the tree the file describes.</param>
    public sealed record Plan(
        List<Candidate> New, List<Candidate> Changed, int Unchanged, IReadOnlyList<ImportError> Errors, CsvFile File, List<OrganizationUnit> Units,
        Func<string, int> Depth) : ImportPlan(New.Count, Changed.Count, Unchanged, Errors);

    /// <param name="Key">The normalized name; <paramref name="Parent"/> is normalized the same way.</param>
    public sealed record Candidate(int Row, string Name, string Key, string? Parent, string ParentAsWritten, string? TimeZoneId, Guid? HeadId)
    {
        /// <summary>True when applying the row would change nothing (columns not in the file are not compared).</summary>
        public bool Matches(OrganizationUnit unit, string? currentParent, CsvFile file) =>
            currentParent == Parent
            && (!file.Has(UnitCsv.TimeZone) || unit.TimeZoneId == TimeZoneId)
            && (!file.Has(UnitCsv.HeadNip) || unit.HeadEmployeeId == HeadId);
    }
}
