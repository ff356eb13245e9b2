using FlexWork.Application.Common;
using FlexWork.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Imports.ImportOrganization;

/// <summary>The position CSV's columns (docs/import-format.md): the five Pasal 23 criteria are Ya/Tidak.</summary>
public static class PositionCsv
{
    public const string Name = "nama";
    public const string Kind = "jenis";
    public const string WorkableOutsideOffice = "luar_kantor";
    public const string NoSpecialWorkspace = "tanpa_ruang_khusus";
    public const string DoableWithIct = "dengan_tik";
    public const string LittleFaceToFace = "sedikit_tatap_muka";
    public const string NoContinuousSupervision = "tanpa_pengawasan_terus";

    public static IReadOnlyList<string> CriteriaColumns { get; } =
        [WorkableOutsideOffice, NoSpecialWorkspace, DoableWithIct, LittleFaceToFace, NoContinuousSupervision];

    public static IReadOnlyList<string> RequiredColumns { get; } = [Name, Kind];

    public static IReadOnlyList<string> AllColumns { get; } = [Name, Kind, .. CriteriaColumns];

    public static string Template { get; } =
        string.Join(",", AllColumns) + "\n" +
        "Analis Sumber Daya Manusia Aparatur,Fungsional,Ya,Ya,Ya,Ya,Ya\n" +
        "Petugas Layanan Loket,Pelaksana,Tidak,Ya,Tidak,Tidak,Tidak\n";
}

/// <summary>
/// Imports positions (jabatan), matched by name. The criteria decide eligibility as on the
/// position screen; a criteria column left out of the file keeps what is set (new positions
/// start with that criterion not met, so nobody becomes eligible by omission).
/// </summary>
public sealed class PositionImportService(ImportPipeline pipeline) : IImportKind<PositionImportService.Plan>
{
    public string AuditName => "PositionImport";

    public IReadOnlyList<string> AllColumns => PositionCsv.AllColumns;

    public IReadOnlyList<string> RequiredColumns => PositionCsv.RequiredColumns;

    public Task<ImportReport> PreviewAsync(Stream csv, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(this, csv, apply: false, validRowsOnly: false, progress: null, cancellationToken);

    public Task<ImportReport> ApplyAsync(Stream csv, bool validRowsOnly, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(this, csv, apply: true, validRowsOnly, progress: null, cancellationToken);

    public async Task<Plan> CheckAsync(IFlexWorkDbContext db, CsvFile file, CancellationToken cancellationToken)
    {
        var positions = await db.Positions.ToListAsync(cancellationToken); // tracked: the save updates them
        var existing = positions.GroupBy(p => ImportCsv.NormalizeName(p.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var errors = new List<ImportError>();
        var creates = new List<PositionRow>();
        var updates = new List<PositionRow>();
        var unchanged = 0;
        var firstRowOfName = new Dictionary<string, int>();
        foreach (var row in file.Rows)
        {
            var check = new RowCheck(row);
            var name = check.Name(PositionCsv.Name, firstRowOfName);
            var same = name is null ? null : existing.GetValueOrDefault(ImportCsv.NormalizeName(name));
            if (same is { Count: > 1 })
            {
                check.Fail(PositionCsv.Name, "POSITION_AMBIGUOUS", name!);
            }

            PositionKind? kind = Enum.TryParse<PositionKind>(row[PositionCsv.Kind], ignoreCase: true, out var parsedKind) && Enum.IsDefined(parsedKind)
                ? parsedKind
                : null;
            if (kind is null)
            {
                check.Fail(PositionCsv.Kind, "POSITION_KIND_INVALID", row[PositionCsv.Kind]);
            }

            var current = same?[0];
            var met = PositionCsv.CriteriaColumns
                .Select((column, i) => file.Has(column) ? check.YesNo(column, "CRITERION_INVALID") ?? false : current is not null && Criterion(current.Criteria, i))
                .ToArray();
            if (!check.IsValid)
            {
                errors.AddRange(check.Errors);
                continue;
            }

            var planned = new PositionRow(current, name!, kind!.Value, new DutyCriteria(met[0], met[1], met[2], met[3], met[4]));
            if (current is null)
            {
                creates.Add(planned);
            }
            else if (current.Kind != planned.Kind || current.Criteria != planned.Criteria)
            {
                updates.Add(planned);
            }
            else
            {
                unchanged++;
            }
        }

        return new Plan(creates, updates, unchanged, errors);
    }

    public async Task<IReadOnlyList<Guid>> SaveAsync(
        IFlexWorkDbContext db, Guid agencyId, Plan plan, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var created = plan.New.Select(p => Position.Create(agencyId, p.Name, p.Kind, p.Criteria)).ToList();
        db.Positions.AddRange(created);
        foreach (var changed in plan.Changed)
        {
            changed.Current!.Update(changed.Current.Name, changed.Kind, changed.Criteria); // matched by name: the agency's spelling stays
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. created.Select(p => p.Id)];
    }

    private static bool Criterion(DutyCriteria criteria, int index) => index switch
    {
        0 => criteria.WorkableOutsideOffice,
        1 => criteria.NoSpecialWorkspaceOrEquipment,
        2 => criteria.DoableWithIct,
        3 => criteria.LittleFaceToFaceContact,
        _ => criteria.NoContinuousSupervision,
    };

    /// <summary>A valid row: the position it matches by name (tracked, for an update), and what the file says.</summary>
    public sealed record PositionRow(Position? Current, string Name, PositionKind Kind, DutyCriteria Criteria);

    public sealed record Plan(List<PositionRow> New, List<PositionRow> Changed, int Unchanged, IReadOnlyList<ImportError> Errors)
        : ImportPlan(New.Count, Changed.Count, Unchanged, Errors);
}
