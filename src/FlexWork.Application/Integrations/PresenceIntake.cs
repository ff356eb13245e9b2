using System.Text.Json;
using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Application.Schedules.ViewSchedule;
using FlexWork.Domain.Auditing;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Integrations;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Integrations;

/// <summary>One tap from an attendance machine: its own id, whose (NIP), when, and which way.</summary>
public sealed record PresenceEventInput(string? EventId, string? Nip, DateTimeOffset? At, PresenceEventKind? Kind);

/// <summary>What became of one tap; <see cref="Duplicate"/>: the event id was seen before and this is the answer given then.</summary>
public sealed record PresenceEventResult(string? EventId, PresenceEventOutcome Outcome, bool Duplicate, string? Code, IReadOnlyList<object> Arguments);

public sealed record PresenceBatchResult(int Recorded, int Unchanged, int Refused, int Duplicates, IReadOnlyList<PresenceEventResult> Results);

/// <summary>
/// Check-ins from the agency's attendance machines, in batches: each row judged on its own (a bad
/// row never spoils the others), idempotent per event id, people found by NIP within the client's
/// agency only, a day's first check-in and one check-out as for the browser. One audit entry per
/// batch says what it did.
/// </summary>
public sealed class PresenceIntake(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public const int MaxBatchSize = 1_000;

    public async Task<PresenceBatchResult> RecordAsync(IReadOnlyList<PresenceEventInput?>? events, CancellationToken cancellationToken = default)
    {
        var (agencyId, clientId) = currentUser.RequireIntegrationClient();
        if (events is null || events.Count == 0 || events.Count > MaxBatchSize)
        {
            throw new DomainException("INTEGRATION_BATCH_SIZE", MaxBatchSize);
        }

        var now = timeProvider.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var ids = events.Select(e => e?.EventId).OfType<string>().Distinct().ToList();
        var seen = await db.PresenceEvents.AsNoTracking().Where(e => ids.Contains(e.EventId)).ToDictionaryAsync(e => e.EventId, cancellationToken);
        var nips = events.Select(e => e?.Nip).OfType<string>().Where(n => Nip.TryParse(n, out _)).Select(n => Nip.Parse(n).Value).Distinct().ToList();
        var people = await db.Employees.AsNoTracking().Where(e => nips.Contains(e.Nip) && e.IsActive)
            .Select(e => new { e.Id, e.Nip, e.UnitId, e.TimeZoneId }).ToDictionaryAsync(e => e.Nip, cancellationToken);
        var tree = await db.UnitTreeAsync(cancellationToken);
        var agencyZone = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);

        // Each row on its own first: what it says, or why it cannot be taken.
        var results = new PresenceEventResult?[events.Count];
        var taps = new List<(int Row, string EventId, Guid EmployeeId, string Nip, DateOnly Date, DateTimeOffset At, PresenceEventKind Kind, Guid UnitId)>();
        var inBatch = new Dictionary<string, int>();
        for (var row = 0; row < events.Count; row++)
        {
            var input = events[row];
            if (input?.EventId is not { Length: > 0 and <= PresenceEvent.MaxEventIdLength } eventId)
            {
                results[row] = Refused(input?.EventId, "INTEGRATION_EVENT_ID_INVALID");
            }
            else if (seen.TryGetValue(eventId, out var earlier))
            {
                results[row] = new PresenceEventResult(eventId, earlier.Outcome, Duplicate: true, earlier.Code, ArgumentsOf(earlier.Code, earlier.Nip));
            }
            else if (!inBatch.TryAdd(eventId, row))
            {
                results[row] = null; // answered below with the first row's result
            }
            else if (input.Nip is null || !Nip.TryParse(input.Nip, out _))
            {
                results[row] = Refused(eventId, "NIP_INVALID", input.Nip ?? "");
            }
            else if (!people.TryGetValue(Nip.Parse(input.Nip).Value, out var person))
            {
                results[row] = Refused(eventId, "INTEGRATION_EMPLOYEE_UNKNOWN", input.Nip);
            }
            else if (input.At is not { } at || input.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                results[row] = Refused(eventId, "INTEGRATION_EVENT_INCOMPLETE");
            }
            else if (at > now.AddMinutes(5) || at < now.AddDays(-PresenceCorrection.MaxAgeDays))
            {
                results[row] = Refused(eventId, "INTEGRATION_EVENT_TIME");
            }
            else
            {
                var zone = person.TimeZoneId ?? tree.TimeZoneOf(person.UnitId) ?? agencyZone;
                taps.Add((row, eventId, person.Id, person.Nip, PresenceSlot.LocalDate(at, zone), at, kind, person.UnitId));
            }
        }

        if (taps.Count > 0)
        {
            await ApplyAsync(db, agencyId, taps, results, tree, cancellationToken);
        }

        // Every row with a usable id is kept with its answer, so that sending it again gives the same one.
        foreach (var (eventId, row) in inBatch)
        {
            var input = events[row]!;
            var result = results[row]!;
            db.PresenceEvents.Add(PresenceEvent.Record(
                agencyId, clientId, eventId, input.Nip ?? "", input.At ?? now, input.Kind ?? PresenceEventKind.CheckIn, now, result.Outcome, result.Code));
        }

        for (var row = 0; row < events.Count; row++)
        {
            results[row] ??= results[inBatch[events[row]!.EventId!]]! with { Duplicate = true };
        }

        var answer = new PresenceBatchResult(
            results.Count(r => !r!.Duplicate && r.Outcome == PresenceEventOutcome.Recorded),
            results.Count(r => !r!.Duplicate && r.Outcome == PresenceEventOutcome.Unchanged),
            results.Count(r => !r!.Duplicate && r.Outcome == PresenceEventOutcome.Refused),
            results.Count(r => r!.Duplicate),
            [.. results!]);
        db.AuditEntries.Add(AuditEntry.Record(
            agencyId, currentUser.UserId, "PresenceBatch", Guid.CreateVersion7().ToString(), "Added",
            JsonSerializer.Serialize(new { answer.Recorded, answer.Unchanged, answer.Refused, answer.Duplicates, Client = clientId }), now, currentUser.IpAddress));
        await db.SaveChangesAsync(cancellationToken);
        return answer;
    }

    private static async Task ApplyAsync(
        IFlexWorkDbContext db, Guid agencyId, List<(int Row, string EventId, Guid EmployeeId, string Nip, DateOnly Date, DateTimeOffset At, PresenceEventKind Kind, Guid UnitId)> taps,
        PresenceEventResult?[] results, Domain.Organization.UnitTree tree, CancellationToken cancellationToken)
    {
        var employeeIds = taps.Select(t => t.EmployeeId).Distinct().ToList();
        var (from, to) = (taps.Min(t => t.Date), taps.Max(t => t.Date));
        var days = await db.PresenceDays.Where(d => employeeIds.Contains(d.EmployeeId) && d.Date >= from && d.Date <= to)
            .ToDictionaryAsync(d => (d.EmployeeId, d.Date), cancellationToken);
        // Looked up per tap: by person and day, and per unit by day (a batch holds up to 1,000 taps).
        var modes = (await db.WorkRequests.Where(r => employeeIds.Contains(r.EmployeeId)).ApprovedDays(from, to).Select(d => new { d.EmployeeId, d.Date, d.Mode }).ToListAsync(cancellationToken))
            .DistinctBy(d => (d.EmployeeId, d.Date)).ToDictionary(d => (d.EmployeeId, d.Date), d => d.Mode);
        var workingDays = (await ScheduleService.DaysByUnitAsync(db, tree, taps.Select(t => t.UnitId), from, to, cancellationToken))
            .ToDictionary(u => u.Key, u => u.Value.ToDictionary(d => d.Date, d => d.IsWorkingDay));

        foreach (var tap in taps.OrderBy(t => t.At))
        {
            var existing = days.GetValueOrDefault((tap.EmployeeId, tap.Date));
            try
            {
                if (tap.Kind == PresenceEventKind.CheckIn)
                {
                    var slot = new PresenceSlot(tap.Date, modes.GetValueOrDefault((tap.EmployeeId, tap.Date), WorkMode.Office), workingDays[tap.UnitId][tap.Date]);
                    var day = PresenceDay.CheckIn(existing, agencyId, tap.EmployeeId, slot, tap.At, null, LocationCheck.Device);
                    if (existing is null)
                    {
                        db.PresenceDays.Add(day);
                        days[(tap.EmployeeId, tap.Date)] = day;
                    }

                    results[tap.Row] = new PresenceEventResult(tap.EventId, existing is null ? PresenceEventOutcome.Recorded : PresenceEventOutcome.Unchanged, false, null, []);
                }
                else
                {
                    (existing ?? throw new DomainException("PRESENCE_CHECKOUT_BEFORE_CHECKIN")).CheckOut(tap.At, null, LocationCheck.Device);
                    results[tap.Row] = new PresenceEventResult(tap.EventId, PresenceEventOutcome.Recorded, false, null, []);
                }
            }
            catch (DomainException refused)
            {
                results[tap.Row] = new PresenceEventResult(tap.EventId, PresenceEventOutcome.Refused, false, refused.Code, refused.Arguments);
            }
        }
    }

    private static PresenceEventResult Refused(string? eventId, string code, string nip = "") =>
        new(eventId, PresenceEventOutcome.Refused, false, code, ArgumentsOf(code, nip));

    /// <summary>What a refusal's message names, from what the event row keeps: the same words when it is answered again.</summary>
    private static IReadOnlyList<object> ArgumentsOf(string? code, string nip) => code switch
    {
        "NIP_INVALID" or "INTEGRATION_EMPLOYEE_UNKNOWN" => [nip],
        "INTEGRATION_EVENT_TIME" => [PresenceCorrection.MaxAgeDays],
        "INTEGRATION_EVENT_ID_INVALID" => [PresenceEvent.MaxEventIdLength],
        _ => [],
    };
}
