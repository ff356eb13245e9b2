using System.Globalization;
using System.Text.Json;
using FlexWork.Application.Common;
using FlexWork.Domain.Auditing;
using FlexWork.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Imports.ImportEmployees;

/// <summary>
/// Imports employees from an HR system's CSV export, matched by NIP: new NIPs are created,
/// known ones updated, identical ones left alone (re-importing a file changes nothing).
/// Preview and apply run the same checks; apply re-reads the file rather than trusting a
/// preview. Nothing is applied when any row has an error, unless the admin asks to apply the
/// valid rows only.
/// </summary>
public sealed class EmployeeImportService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    private const int BatchSize = 5_000;

    public Task<ImportReport> PreviewAsync(Stream csv, CancellationToken cancellationToken = default) =>
        RunAsync(csv, apply: false, validRowsOnly: false, progress: null, cancellationToken);

    public Task<ImportReport> ApplyAsync(Stream csv, bool validRowsOnly, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(csv, apply: true, validRowsOnly, progress, cancellationToken);

    private async Task<ImportReport> RunAsync(Stream csv, bool apply, bool validRowsOnly, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        progress?.Report(new ImportProgress(ImportPhase.Reading, 0, 0));
        var file = await EmployeeCsv.ReadAsync(csv, cancellationToken);
        if (file.MissingColumns.Count > 0)
        {
            return ImportReport.ColumnsMissing(file);
        }

        // Checked and saved in one transaction: all rows land, or none, judged against the data they land on.
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                progress?.Report(new ImportProgress(ImportPhase.Checking, 0, file.Rows.Count));
                var context = await ImportContext.LoadAsync(db, ct);
                var check = Check(file.Rows, context);
                var report = new ImportReport(file.Rows.Count, check.Creates.Count, check.Updates.Count, check.Unchanged, check.Errors, Applied: false);

                var blocked = check.Errors.Count > 0 && !validRowsOnly;
                if (!apply || blocked || (check.Creates.Count == 0 && check.Updates.Count == 0))
                {
                    progress?.Report(new ImportProgress(ImportPhase.Done, file.Rows.Count, file.Rows.Count));
                    return report;
                }

                var createdIds = await SaveAsync(db, agencyId, context, check, progress, ct);
                progress?.Report(new ImportProgress(ImportPhase.Done, file.Rows.Count, file.Rows.Count));
                return report with { Applied = true, CreatedIds = createdIds };
            },
            cancellationToken);
    }

    private static CheckResult Check(IReadOnlyList<CsvRow> rows, ImportContext context)
    {
        var errors = new List<ImportError>();
        var candidates = new List<Candidate>();
        var firstRowOfNip = new Dictionary<string, int>();
        var firstRowOfEmail = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        foreach (var row in rows)
        {
            var rowErrors = new List<ImportError>();
            void Fail(string column, string code, params string[] arguments) => rowErrors.Add(new ImportError(row.Number, column, code, arguments));

            var nipText = row[EmployeeCsv.Nip];
            string? nip = null;
            if (!Nip.TryParse(nipText, out var parsedNip))
            {
                Fail(EmployeeCsv.Nip, "NIP_INVALID", nipText);
            }
            else if (firstRowOfNip.TryGetValue(parsedNip.Value, out var earlier))
            {
                Fail(EmployeeCsv.Nip, "NIP_DUPLICATE_IN_FILE", parsedNip.Value, earlier.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                nip = parsedNip.Value;
                firstRowOfNip[nip] = row.Number;
            }

            var name = row[EmployeeCsv.Name];
            if (name.Length == 0)
            {
                Fail(EmployeeCsv.Name, "NAME_REQUIRED");
            }
            else if (name.Length > ImportCsv.MaxNameLength)
            {
                Fail(EmployeeCsv.Name, "NAME_TOO_LONG", ImportCsv.MaxNameLength.ToString(CultureInfo.InvariantCulture));
            }

            var email = row[EmployeeCsv.Email].ToLowerInvariant();
            if (!IsEmail(email))
            {
                Fail(EmployeeCsv.Email, "EMAIL_INVALID", row[EmployeeCsv.Email]);
            }
            else if (firstRowOfEmail.TryGetValue(email, out var earlierEmail))
            {
                Fail(EmployeeCsv.Email, "EMAIL_DUPLICATE_IN_FILE", email, earlierEmail.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                firstRowOfEmail[email] = row.Number;
                if (context.NipByEmail.TryGetValue(email, out var owner) && owner != nip)
                {
                    Fail(EmployeeCsv.Email, "EMAIL_IN_USE", email);
                }
            }

            var unitId = Lookup(context.UnitsByName, row[EmployeeCsv.Unit], EmployeeCsv.Unit, "UNIT_UNKNOWN", "UNIT_AMBIGUOUS", Fail);
            var positionId = Lookup(context.PositionsByName, row[EmployeeCsv.Position], EmployeeCsv.Position, "POSITION_UNKNOWN", "POSITION_AMBIGUOUS", Fail);

            var supervisorText = row[EmployeeCsv.SupervisorNip];
            string? supervisorNip = null;
            if (supervisorText.Length > 0)
            {
                if (!Nip.TryParse(supervisorText, out var parsedSupervisor))
                {
                    Fail(EmployeeCsv.SupervisorNip, "NIP_INVALID", supervisorText);
                }
                else if (parsedSupervisor.Value == nip)
                {
                    Fail(EmployeeCsv.SupervisorNip, "SUPERVISOR_SELF", supervisorText);
                }
                else
                {
                    supervisorNip = parsedSupervisor.Value;
                }
            }

            var employmentType = row[EmployeeCsv.EmploymentType].ToUpperInvariant() switch
            {
                "PNS" => EmploymentType.Pns,
                "PPPK" => EmploymentType.Pppk,
                _ => (EmploymentType?)null,
            };
            if (employmentType is null)
            {
                Fail(EmployeeCsv.EmploymentType, "EMPLOYMENT_TYPE_INVALID", row[EmployeeCsv.EmploymentType]);
            }

            var positionStart = ParseDate(row, EmployeeCsv.PositionStart, required: true, Fail);
            var disciplinary = row[EmployeeCsv.Disciplinary].ToUpperInvariant() switch
            {
                "" or "TIDAK" or "NONE" or "TIDAK ADA" => DisciplinaryStatus.None,
                "PROSES" or "INPROCESS" or "DALAM PROSES" => DisciplinaryStatus.InProcess,
                "HUKUMAN" or "SERVINGPENALTY" or "MENJALANI HUKUMAN" => DisciplinaryStatus.ServingPenalty,
                _ => (DisciplinaryStatus?)null,
            };
            if (disciplinary is null)
            {
                Fail(EmployeeCsv.Disciplinary, "DISCIPLINARY_STATUS_INVALID", row[EmployeeCsv.Disciplinary]);
            }

            var disciplinaryFrom = ParseDate(row, EmployeeCsv.DisciplinaryFrom, required: disciplinary is DisciplinaryStatus.InProcess or DisciplinaryStatus.ServingPenalty, Fail);
            var disciplinaryUntil = ParseDate(row, EmployeeCsv.DisciplinaryUntil, required: false, Fail);
            if (disciplinaryFrom is { } from && disciplinaryUntil is { } until && until < from)
            {
                Fail(EmployeeCsv.DisciplinaryUntil, "DATE_RANGE_INVALID");
            }

            foreach (var (column, max) in new[] { (EmployeeCsv.DisciplinaryReference, 200), (EmployeeCsv.Domicile, 500) })
            {
                if (row[column].Length > max)
                {
                    Fail(column, "TEXT_TOO_LONG", max.ToString(CultureInfo.InvariantCulture));
                }
            }

            var timeZone = ImportCsv.ParseTimeZone(row[EmployeeCsv.TimeZone]);
            if (timeZone is null && row[EmployeeCsv.TimeZone].Length > 0)
            {
                Fail(EmployeeCsv.TimeZone, "TIME_ZONE_INVALID", row[EmployeeCsv.TimeZone]);
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            candidates.Add(new Candidate(
                row.Number, nip!, name, email, unitId!.Value, positionId!.Value, supervisorNip, employmentType!.Value, positionStart!.Value,
                disciplinary!.Value, disciplinary == DisciplinaryStatus.None ? null : disciplinaryFrom,
                disciplinary == DisciplinaryStatus.None ? null : disciplinaryUntil,
                disciplinary == DisciplinaryStatus.None || row[EmployeeCsv.DisciplinaryReference].Length == 0 ? null : row[EmployeeCsv.DisciplinaryReference],
                row[EmployeeCsv.Domicile].Length == 0 ? null : row[EmployeeCsv.Domicile],
                timeZone));
        }

        // Supervisors may be other rows of the file or people already in the agency. Dropping a
        // row can orphan the rows under it, so repeat until nothing changes.
        var accepted = candidates.ToDictionary(c => c.Nip);
        bool dropped;
        do
        {
            dropped = false;
            foreach (var candidate in accepted.Values.ToList())
            {
                if (candidate.SupervisorNip is { } boss && !accepted.ContainsKey(boss) && !context.Existing.ContainsKey(boss))
                {
                    errors.Add(new ImportError(candidate.Row, EmployeeCsv.SupervisorNip, "SUPERVISOR_UNKNOWN", [boss]));
                    accepted.Remove(candidate.Nip);
                    dropped = true;
                }
            }
        }
        while (dropped);

        string? SupervisorOf(string nip) =>
            accepted.TryGetValue(nip, out var c) ? c.SupervisorNip : context.Existing.GetValueOrDefault(nip)?.SupervisorNip;

        foreach (var candidate in accepted.Values.ToList())
        {
            if (InCycle(candidate.Nip, SupervisorOf))
            {
                errors.Add(new ImportError(candidate.Row, EmployeeCsv.SupervisorNip, "SUPERVISOR_CYCLE", [candidate.SupervisorNip!]));
            }
        }

        var cycleRows = errors.Where(e => e.Code == "SUPERVISOR_CYCLE").Select(e => e.Row).ToHashSet();
        // Counted even when other rows have errors: the preview shows what the valid rows would do.
        var valid = accepted.Values.Where(c => !cycleRows.Contains(c.Row)).ToList();

        var creates = valid.Where(c => !context.Existing.ContainsKey(c.Nip)).ToList();
        var updates = valid.Where(c => context.Existing.TryGetValue(c.Nip, out var current) && !c.Matches(current)).ToList();
        var unchanged = accepted.Values.Count(c => context.Existing.TryGetValue(c.Nip, out var current) && c.Matches(current) && !cycleRows.Contains(c.Row));
        return new CheckResult(creates, updates, unchanged, [.. errors.OrderBy(e => e.Row).ThenBy(e => EmployeeCsv.AllColumns.ToList().IndexOf(e.Column))]);
    }

    /// <summary>Saves in batches, inside the caller's transaction.</summary>
    private async Task<IReadOnlyList<Guid>> SaveAsync(IFlexWorkDbContext db, Guid agencyId, ImportContext context, CheckResult check, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var total = check.Creates.Count + check.Updates.Count;
        var done = 0;

        var idByNip = context.Existing.ToDictionary(e => e.Key, e => e.Value.Id);
        var supervisorByNip = context.Existing.ToDictionary(e => e.Key, e => e.Value.SupervisorNip);
        foreach (var candidate in check.Creates.Concat(check.Updates))
        {
            supervisorByNip[candidate.Nip] = candidate.SupervisorNip;
        }

        // New people are inserted top-down, so that a supervisor is always saved before (or with)
        // the people under them.
        var creates = check.Creates.OrderBy(c => Depth(c.Nip, supervisorByNip)).ToList();
        var created = creates.ToDictionary(
            c => c.Nip,
            c => Employee.Create(agencyId, c.Nip, c.FullName, c.Email, c.UnitId, c.PositionId, c.EmploymentType, c.PositionStart));
        foreach (var (nip, employee) in created)
        {
            idByNip[nip] = employee.Id;
        }

        var nipById = idByNip.ToDictionary(e => e.Value, e => e.Key);
        Guid? SupervisorIdOf(Guid id) => supervisorByNip.GetValueOrDefault(nipById[id]) is { } boss ? idByNip[boss] : null;
        Guid? SupervisorIdFor(Candidate candidate) => candidate.SupervisorNip is { } boss ? idByNip[boss] : null;

        foreach (var batch in creates.Chunk(BatchSize))
        {
            foreach (var candidate in batch)
            {
                var employee = created[candidate.Nip];
                candidate.ApplyTo(employee, SupervisorIdFor(candidate), SupervisorIdOf);
                db.Employees.Add(employee);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress(ImportPhase.Saving, done += batch.Length, total));
        }

        foreach (var batch in check.Updates.Chunk(BatchSize))
        {
            var ids = batch.Select(c => idByNip[c.Nip]).ToList();
            var employees = await db.Employees.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Nip, cancellationToken);
            foreach (var candidate in batch)
            {
                var employee = employees[candidate.Nip];
                employee.UpdateDetails(candidate.FullName, candidate.Email, candidate.EmploymentType);
                employee.MoveTo(candidate.UnitId, candidate.PositionId, candidate.PositionStart);
                candidate.ApplyTo(employee, SupervisorIdFor(candidate), SupervisorIdOf);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress(ImportPhase.Saving, done += batch.Length, total));
        }

        db.AuditEntries.Add(AuditEntry.Record(
            agencyId, currentUser.UserId, "EmployeeImport", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), "Imported",
            JsonSerializer.Serialize(new { created = check.Creates.Count, updated = check.Updates.Count, unchanged = check.Unchanged, skippedRows = check.Errors.Select(e => e.Row).Distinct().Count() }),
            timeProvider.GetUtcNow(), currentUser.IpAddress));
        await db.SaveChangesAsync(cancellationToken);
        return [.. created.Values.Select(e => e.Id)];
    }

    private static int Depth(string nip, Dictionary<string, string?> supervisorOf)
    {
        var depth = 0;
        for (var current = supervisorOf.GetValueOrDefault(nip); current is not null; current = supervisorOf.GetValueOrDefault(current))
        {
            depth++;
        }

        return depth;
    }

    private static bool InCycle(string nip, Func<string, string?> supervisorOf)
    {
        var seen = new HashSet<string> { nip };
        for (var current = supervisorOf(nip); current is not null; current = supervisorOf(current))
        {
            if (current == nip)
            {
                return true;
            }

            if (!seen.Add(current))
            {
                return false; // a loop above this person, reported on its own rows
            }
        }

        return false;
    }

    private static Guid? Lookup(
        Dictionary<string, List<Guid>> byName, string value, string column, string unknownCode, string ambiguousCode, Action<string, string, string[]> fail)
    {
        if (!byName.TryGetValue(ImportCsv.NormalizeName(value), out var ids))
        {
            fail(column, unknownCode, [value]);
            return null;
        }

        if (ids.Count > 1)
        {
            fail(column, ambiguousCode, [value]);
            return null;
        }

        return ids[0];
    }

    private static DateOnly? ParseDate(CsvRow row, string column, bool required, Action<string, string, string[]> fail)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            if (required)
            {
                fail(column, "DATE_REQUIRED", []);
            }

            return null;
        }

        if (ImportCsv.TryParseDate(text, out var date))
        {
            return date;
        }

        fail(column, "DATE_INVALID", [text]);
        return null;
    }

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && email.Length <= 256 && !email.Contains(' ', StringComparison.Ordinal);
    }

    private sealed record CheckResult(List<Candidate> Creates, List<Candidate> Updates, int Unchanged, List<ImportError> Errors);

    /// <summary>The agency as it is now, loaded once: units, positions and everyone's current facts.</summary>
    private sealed record ImportContext(
        Dictionary<string, List<Guid>> UnitsByName,
        Dictionary<string, List<Guid>> PositionsByName,
        Dictionary<string, ExistingEmployee> Existing,
        Dictionary<string, string> NipByEmail)
    {
        public static async Task<ImportContext> LoadAsync(IFlexWorkDbContext db, CancellationToken cancellationToken)
        {
            var units = await db.OrganizationUnits.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
            var positions = await db.Positions.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
            var employees = await db.Employees.AsNoTracking()
                .Select(e => new
                {
                    e.Id, e.Nip, e.FullName, e.Email, e.UnitId, e.PositionId, e.SupervisorId, e.EmploymentType, e.PositionStartDate,
                    e.DisciplinaryStatus, e.DisciplinaryFrom, e.DisciplinaryUntil, e.DisciplinaryReference, e.Domicile, e.TimeZoneId,
                })
                .ToListAsync(cancellationToken);

            var nipById = employees.ToDictionary(e => e.Id, e => e.Nip);
            var existing = employees.ToDictionary(e => e.Nip, e => new ExistingEmployee(
                e.Id, e.FullName, e.Email, e.UnitId, e.PositionId, e.SupervisorId is { } s ? nipById[s] : null, e.EmploymentType,
                e.PositionStartDate, e.DisciplinaryStatus, e.DisciplinaryFrom, e.DisciplinaryUntil, e.DisciplinaryReference, e.Domicile, e.TimeZoneId));

            return new ImportContext(
                units.GroupBy(u => ImportCsv.NormalizeName(u.Name)).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList()),
                positions.GroupBy(p => ImportCsv.NormalizeName(p.Name)).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList()),
                existing,
                employees.ToDictionary(e => e.Email, e => e.Nip, StringComparer.OrdinalIgnoreCase));
        }
    }

    private sealed record ExistingEmployee(
        Guid Id, string FullName, string Email, Guid UnitId, Guid PositionId, string? SupervisorNip, EmploymentType EmploymentType,
        DateOnly PositionStart, DisciplinaryStatus Disciplinary, DateOnly? DisciplinaryFrom, DateOnly? DisciplinaryUntil,
        string? DisciplinaryReference, string? Domicile, string? TimeZoneId);

    private sealed record Candidate(
        int Row, string Nip, string FullName, string Email, Guid UnitId, Guid PositionId, string? SupervisorNip,
        EmploymentType EmploymentType, DateOnly PositionStart, DisciplinaryStatus Disciplinary, DateOnly? DisciplinaryFrom,
        DateOnly? DisciplinaryUntil, string? DisciplinaryReference, string? Domicile, string? TimeZoneId)
    {
        public bool Matches(ExistingEmployee current) =>
            current.FullName == FullName && current.Email == Email && current.UnitId == UnitId && current.PositionId == PositionId
            && current.SupervisorNip == SupervisorNip && current.EmploymentType == EmploymentType && current.PositionStart == PositionStart
            && current.Disciplinary == Disciplinary && current.DisciplinaryFrom == DisciplinaryFrom && current.DisciplinaryUntil == DisciplinaryUntil
            && current.DisciplinaryReference == DisciplinaryReference && current.Domicile == Domicile && current.TimeZoneId == TimeZoneId;

        /// <summary>Sets what the import owns besides the identity and placement fields.</summary>
        public void ApplyTo(Employee employee, Guid? supervisorId, Func<Guid, Guid?> supervisorOf)
        {
            employee.AssignSupervisorById(supervisorId, supervisorOf);
            employee.RecordDisciplinaryStatus(Disciplinary, DisciplinaryFrom, DisciplinaryUntil, DisciplinaryReference);
            employee.SetDomicile(Domicile);
            employee.SetTimeZone(TimeZoneId);
        }
    }
}
