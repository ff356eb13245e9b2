using System.Globalization;
using System.Text.Json;
using FlexWork.Application.Common;
using FlexWork.Domain.Auditing;
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
public sealed class PositionImportService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public Task<ImportReport> PreviewAsync(Stream csv, CancellationToken cancellationToken = default) =>
        RunAsync(csv, apply: false, validRowsOnly: false, cancellationToken);

    public Task<ImportReport> ApplyAsync(Stream csv, bool validRowsOnly, CancellationToken cancellationToken = default) =>
        RunAsync(csv, apply: true, validRowsOnly, cancellationToken);

    private async Task<ImportReport> RunAsync(Stream csv, bool apply, bool validRowsOnly, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        var file = await ImportCsv.ReadAsync(csv, PositionCsv.AllColumns, PositionCsv.RequiredColumns, cancellationToken);
        if (file.MissingColumns.Count > 0)
        {
            return ImportReport.ColumnsMissing(file);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var positions = await db.Positions.ToListAsync(cancellationToken);
        var existing = positions.GroupBy(p => ImportCsv.NormalizeName(p.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var errors = new List<ImportError>();
        var creates = new List<Position>();
        var updated = 0;
        var unchanged = 0;
        var firstRowOfName = new Dictionary<string, int>();
        foreach (var row in file.Rows)
        {
            var rowErrors = new List<ImportError>();
            void Fail(string column, string code, params string[] arguments) => rowErrors.Add(new ImportError(row.Number, column, code, arguments));

            var name = row[PositionCsv.Name];
            var key = ImportCsv.NormalizeName(name);
            List<Position>? same = null;
            if (key.Length == 0)
            {
                Fail(PositionCsv.Name, "NAME_REQUIRED");
            }
            else if (name.Length > ImportCsv.MaxNameLength)
            {
                Fail(PositionCsv.Name, "NAME_TOO_LONG", ImportCsv.MaxNameLength.ToString(CultureInfo.InvariantCulture));
            }
            else if (!firstRowOfName.TryAdd(key, row.Number))
            {
                Fail(PositionCsv.Name, "NAME_DUPLICATE_IN_FILE", name, firstRowOfName[key].ToString(CultureInfo.InvariantCulture));
            }
            else if (existing.TryGetValue(key, out same) && same.Count > 1)
            {
                Fail(PositionCsv.Name, "POSITION_AMBIGUOUS", name);
            }

            PositionKind? kind = Enum.TryParse<PositionKind>(row[PositionCsv.Kind], ignoreCase: true, out var parsedKind) && Enum.IsDefined(parsedKind)
                ? parsedKind
                : null;
            if (kind is null)
            {
                Fail(PositionCsv.Kind, "POSITION_KIND_INVALID", row[PositionCsv.Kind]);
            }

            var current = same?[0];
            var met = new bool[PositionCsv.CriteriaColumns.Count];
            for (var i = 0; i < met.Length; i++)
            {
                var column = PositionCsv.CriteriaColumns[i];
                if (!file.Has(column))
                {
                    met[i] = current is not null && Criterion(current.Criteria, i);
                }
                else if (ImportCsv.ParseYesNo(row[column]) is { } value)
                {
                    met[i] = value;
                }
                else
                {
                    Fail(column, "CRITERION_INVALID", row[column]);
                }
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            var criteria = new DutyCriteria(met[0], met[1], met[2], met[3], met[4]);
            if (current is null)
            {
                creates.Add(Position.Create(agencyId, name, kind!.Value, criteria));
            }
            else if (current.Kind != kind || current.Criteria != criteria)
            {
                current.Update(current.Name, kind!.Value, criteria); // matched by name: the agency's spelling stays
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        var report = new ImportReport(file.Rows.Count, creates.Count, updated, unchanged, errors, Applied: false);
        if (!apply || (errors.Count > 0 && !validRowsOnly) || creates.Count + updated == 0)
        {
            return report;
        }

        db.Positions.AddRange(creates);
        db.AuditEntries.Add(AuditEntry.Record(
            agencyId, currentUser.UserId, "PositionImport", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), "Imported",
            JsonSerializer.Serialize(new { created = creates.Count, updated, unchanged }),
            timeProvider.GetUtcNow(), currentUser.IpAddress));
        await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction
        return report with { Applied = true, CreatedIds = [.. creates.Select(p => p.Id)] };
    }

    private static bool Criterion(DutyCriteria criteria, int index) => index switch
    {
        0 => criteria.WorkableOutsideOffice,
        1 => criteria.NoSpecialWorkspaceOrEquipment,
        2 => criteria.DoableWithIct,
        3 => criteria.LittleFaceToFaceContact,
        _ => criteria.NoContinuousSupervision,
    };
}
