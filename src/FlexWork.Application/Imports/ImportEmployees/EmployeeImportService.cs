using System.Globalization;
using FlexWork.Application.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Locations;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Imports.ImportEmployees;

/// <summary>
/// Imports employees from an HR system's CSV export, matched by NIP: new NIPs are created,
/// known ones updated, identical ones left alone (re-importing a file changes nothing).
/// </summary>
public sealed class EmployeeImportService(ImportPipeline pipeline) : IImportKind<EmployeeImportService.Plan>
{
    private const int BatchSize = 5_000;

    public string AuditName => "EmployeeImport";

    public IReadOnlyList<string> AllColumns => EmployeeCsv.AllColumns;

    public IReadOnlyList<string> RequiredColumns => EmployeeCsv.RequiredColumns;

    public Task<ImportReport> PreviewAsync(Stream csv, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(this, csv, apply: false, validRowsOnly: false, progress: null, cancellationToken);

    public Task<ImportReport> ApplyAsync(Stream csv, bool validRowsOnly, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(this, csv, apply: true, validRowsOnly, progress, cancellationToken);

    /// <summary>Each row on its own (<see cref="CandidateFrom"/>), then the supervisor chains across rows and the agency.</summary>
    public async Task<Plan> CheckAsync(IFlexWorkDbContext db, CsvFile file, CancellationToken cancellationToken)
    {
        var context = await ImportContext.LoadAsync(db, cancellationToken);
        var errors = new List<ImportError>();
        var accepted = new Dictionary<string, Candidate>();
        var firstRowOfNip = new Dictionary<string, int>();
        var firstRowOfEmail = new Dictionary<string, int>();
        foreach (var row in file.Rows)
        {
            var check = new RowCheck(row);
            if (CandidateFrom(check, context, firstRowOfNip, firstRowOfEmail, file.Has(EmployeeCsv.DomicileLatitude)) is { } candidate)
            {
                accepted[candidate.Nip] = candidate;
            }

            errors.AddRange(check.Errors);
        }

        // Supervisors may be other rows of the file or people already in the agency.
        errors.AddRange(ImportTree.DropOrphans(accepted, c => c.SupervisorNip, context.Existing.ContainsKey)
            .Select(c => new ImportError(c.Row, EmployeeCsv.SupervisorNip, "SUPERVISOR_UNKNOWN", [c.SupervisorNip!])));
        string? SupervisorOf(string nip) =>
            accepted.TryGetValue(nip, out var c) ? c.SupervisorNip : context.Existing.GetValueOrDefault(nip)?.SupervisorNip;
        var inCycle = accepted.Values.Where(c => ImportTree.InCycle(c.Nip, SupervisorOf)).ToList();
        errors.AddRange(inCycle.Select(c => new ImportError(c.Row, EmployeeCsv.SupervisorNip, "SUPERVISOR_CYCLE", [c.SupervisorNip!])));

        // Counted even when other rows have errors: the preview shows what the valid rows would do.
        var valid = accepted.Values.Except(inCycle).ToList();
        var creates = valid.Where(c => !context.Existing.ContainsKey(c.Nip)).ToList();
        var updates = valid.Where(c => context.Existing.TryGetValue(c.Nip, out var current) && !c.Matches(current)).ToList();
        var columns = EmployeeCsv.AllColumns.ToList();
        return new Plan(
            creates, updates, valid.Count - creates.Count - updates.Count, [.. errors.OrderBy(e => e.Row).ThenBy(e => columns.IndexOf(e.Column))], context);
    }

    /// <summary>The row as an employee to create or update, or null when a cell is wrong (recorded in <paramref name="check"/>).</summary>
    private static Candidate? CandidateFrom(
        RowCheck check, ImportContext context, Dictionary<string, int> firstRowOfNip, Dictionary<string, int> firstRowOfEmail, bool hasDomicileArea)
    {
        var nip = check.Nip(EmployeeCsv.Nip)?.Value;
        if (nip is not null && !firstRowOfNip.TryAdd(nip, check.Row))
        {
            check.Fail(EmployeeCsv.Nip, "NIP_DUPLICATE_IN_FILE", nip, firstRowOfNip[nip].ToString(CultureInfo.InvariantCulture));
            nip = null;
        }

        var name = check.Name(EmployeeCsv.Name); // namesakes are normal: people are told apart by NIP
        var email = check.Email(EmployeeCsv.Email);
        if (email is not null)
        {
            if (!firstRowOfEmail.TryAdd(email, check.Row))
            {
                check.Fail(EmployeeCsv.Email, "EMAIL_DUPLICATE_IN_FILE", email, firstRowOfEmail[email].ToString(CultureInfo.InvariantCulture));
            }
            else if (context.NipByEmail.TryGetValue(email, out var owner) && owner != nip)
            {
                check.Fail(EmployeeCsv.Email, "EMAIL_IN_USE", email);
            }
        }

        var unitId = check.Lookup(context.UnitsByName, EmployeeCsv.Unit, "UNIT_UNKNOWN", "UNIT_AMBIGUOUS");
        var positionId = check.Lookup(context.PositionsByName, EmployeeCsv.Position, "POSITION_UNKNOWN", "POSITION_AMBIGUOUS");
        var supervisorNip = check.Nip(EmployeeCsv.SupervisorNip, required: false)?.Value;
        if (supervisorNip is not null && supervisorNip == nip)
        {
            check.Fail(EmployeeCsv.SupervisorNip, "SUPERVISOR_SELF", check[EmployeeCsv.SupervisorNip]);
        }

        var employmentType = check[EmployeeCsv.EmploymentType].ToUpperInvariant() switch
        {
            "PNS" => EmploymentType.Pns,
            "PPPK" => EmploymentType.Pppk,
            _ => (EmploymentType?)null,
        };
        if (employmentType is null)
        {
            check.Fail(EmployeeCsv.EmploymentType, "EMPLOYMENT_TYPE_INVALID", check[EmployeeCsv.EmploymentType]);
        }

        var positionStart = check.Date(EmployeeCsv.PositionStart, required: true);
        var disciplinary = check[EmployeeCsv.Disciplinary].ToUpperInvariant() switch
        {
            "" or "TIDAK" or "NONE" or "TIDAK ADA" => DisciplinaryStatus.None,
            "PROSES" or "INPROCESS" or "DALAM PROSES" => DisciplinaryStatus.InProcess,
            "HUKUMAN" or "SERVINGPENALTY" or "MENJALANI HUKUMAN" => DisciplinaryStatus.ServingPenalty,
            _ => (DisciplinaryStatus?)null,
        };
        if (disciplinary is null)
        {
            check.Fail(EmployeeCsv.Disciplinary, "DISCIPLINARY_STATUS_INVALID", check[EmployeeCsv.Disciplinary]);
        }

        var disciplined = disciplinary is DisciplinaryStatus.InProcess or DisciplinaryStatus.ServingPenalty;
        var disciplinaryFrom = check.Date(EmployeeCsv.DisciplinaryFrom, required: disciplined);
        var disciplinaryUntil = check.Date(EmployeeCsv.DisciplinaryUntil, required: false);
        if (disciplinaryFrom is { } from && disciplinaryUntil is { } until && until < from)
        {
            check.Fail(EmployeeCsv.DisciplinaryUntil, "DATE_RANGE_INVALID");
        }

        var reference = check.Text(EmployeeCsv.DisciplinaryReference, 200);
        var domicile = check.Text(EmployeeCsv.Domicile, 500);

        // A file without the coordinate columns (an HR export) keeps the domicile's place on the map.
        var domicileArea = hasDomicileArea
            ? check.Area(EmployeeCsv.DomicileLatitude, EmployeeCsv.DomicileLongitude, EmployeeCsv.DomicileRadius)
            : context.Existing.GetValueOrDefault(nip ?? "")?.DomicileArea;
        var timeZone = check.TimeZone(EmployeeCsv.TimeZone);
        return check.IsValid
            ? new Candidate(
                check.Row, nip!, name!, email!, unitId!.Value, positionId!.Value, supervisorNip, employmentType!.Value,
                positionStart!.Value, disciplinary!.Value, disciplined ? disciplinaryFrom : null, disciplined ? disciplinaryUntil : null,
                disciplined ? reference : null, domicile, domicileArea, timeZone)
            : null;
    }

    /// <summary>Saves in batches, inside the pipeline's transaction.</summary>
    public async Task<IReadOnlyList<Guid>> SaveAsync(
        IFlexWorkDbContext db, Guid agencyId, Plan plan, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var context = plan.Context;
        var total = plan.New.Count + plan.Changed.Count;
        var done = 0;

        var idByNip = context.Existing.ToDictionary(e => e.Key, e => e.Value.Id);
        var supervisorByNip = context.Existing.ToDictionary(e => e.Key, e => e.Value.SupervisorNip);
        foreach (var candidate in plan.New.Concat(plan.Changed))
        {
            supervisorByNip[candidate.Nip] = candidate.SupervisorNip;
        }

        // New people are inserted top-down, so that a supervisor is always saved before (or with)
        // the people under them.
        var creates = plan.New.OrderBy(c => ImportTree.Depth(c.Nip, supervisorByNip.GetValueOrDefault)).ToList();
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

        foreach (var batch in plan.Changed.Chunk(BatchSize))
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

        return [.. created.Values.Select(e => e.Id)];
    }

    public sealed record Plan(List<Candidate> New, List<Candidate> Changed, int Unchanged, IReadOnlyList<ImportError> Errors, ImportContext Context)
        : ImportPlan(New.Count, Changed.Count, Unchanged, Errors);

    /// <summary>The agency as it is now, loaded once: units, positions and everyone's current facts.</summary>
    public sealed record ImportContext(
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
                    e.DisciplinaryStatus, e.DisciplinaryFrom, e.DisciplinaryUntil, e.DisciplinaryReference, e.Domicile,
                    e.DomicileLatitude, e.DomicileLongitude, e.DomicileRadiusMeters, e.TimeZoneId,
                })
                .ToListAsync(cancellationToken);

            var nipById = employees.ToDictionary(e => e.Id, e => e.Nip);
            var existing = employees.ToDictionary(e => e.Nip, e => new ExistingEmployee(
                e.Id, e.FullName, e.Email, e.UnitId, e.PositionId, e.SupervisorId is { } s ? nipById[s] : null, e.EmploymentType,
                e.PositionStartDate, e.DisciplinaryStatus, e.DisciplinaryFrom, e.DisciplinaryUntil, e.DisciplinaryReference, e.Domicile,
                GeoArea.From(e.DomicileLatitude, e.DomicileLongitude, e.DomicileRadiusMeters), e.TimeZoneId));

            return new ImportContext(
                units.GroupBy(u => ImportCsv.NormalizeName(u.Name)).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList()),
                positions.GroupBy(p => ImportCsv.NormalizeName(p.Name)).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList()),
                existing,
                employees.ToDictionary(e => e.Email, e => e.Nip, StringComparer.OrdinalIgnoreCase));
        }
    }

    public sealed record ExistingEmployee(
        Guid Id, string FullName, string Email, Guid UnitId, Guid PositionId, string? SupervisorNip, EmploymentType EmploymentType,
        DateOnly PositionStart, DisciplinaryStatus Disciplinary, DateOnly? DisciplinaryFrom, DateOnly? DisciplinaryUntil,
        string? DisciplinaryReference, string? Domicile, GeoArea? DomicileArea, string? TimeZoneId);

    public sealed record Candidate(
        int Row, string Nip, string FullName, string Email, Guid UnitId, Guid PositionId, string? SupervisorNip,
        EmploymentType EmploymentType, DateOnly PositionStart, DisciplinaryStatus Disciplinary, DateOnly? DisciplinaryFrom,
        DateOnly? DisciplinaryUntil, string? DisciplinaryReference, string? Domicile, GeoArea? DomicileArea, string? TimeZoneId)
    {
        public bool Matches(ExistingEmployee current) =>
            current.FullName == FullName && current.Email == Email && current.UnitId == UnitId && current.PositionId == PositionId
            && current.SupervisorNip == SupervisorNip && current.EmploymentType == EmploymentType && current.PositionStart == PositionStart
            && current.Disciplinary == Disciplinary && current.DisciplinaryFrom == DisciplinaryFrom && current.DisciplinaryUntil == DisciplinaryUntil
            && current.DisciplinaryReference == DisciplinaryReference && current.Domicile == Domicile && current.DomicileArea == DomicileArea
            && current.TimeZoneId == TimeZoneId;

        /// <summary>Sets what the import owns besides the identity and placement fields.</summary>
        public void ApplyTo(Employee employee, Guid? supervisorId, Func<Guid, Guid?> supervisorOf)
        {
            employee.AssignSupervisorById(supervisorId, supervisorOf);
            employee.RecordDisciplinaryStatus(Disciplinary, DisciplinaryFrom, DisciplinaryUntil, DisciplinaryReference);
            employee.SetDomicile(Domicile, DomicileArea);
            employee.SetTimeZone(TimeZoneId);
        }
    }
}
