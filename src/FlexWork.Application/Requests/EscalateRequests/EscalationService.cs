using FlexWork.Application.Common;
using FlexWork.Application.Notifications;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexWork.Application.Requests.EscalateRequests;

/// <summary>
/// Requests pending longer than their agency's policy allows (working days, holidays excluded)
/// go up a level and the next official is notified. A system job across agencies: it reads past
/// the tenant filter on purpose, and works agency by agency.
/// </summary>
public sealed class EscalationService(IFlexWorkDbContextFactory dbFactory, Notifier notifier, ILogger<EscalationService> logger)
{
    public async Task<int> EscalateDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var pending = await db.WorkRequests.IgnoreQueryFilters().Where(r => r.Status == RequestStatus.Submitted).ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var agency in pending.GroupBy(r => r.AgencyId))
        {
            var timeZone = await db.Agencies.Where(a => a.Id == agency.Key).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
            var today = PolicyCheckContext.TodayIn(now, timeZone);
            var policy = await db.PolicyVersions.IgnoreQueryFilters()
                .Where(p => p.AgencyId == agency.Key && p.Status == PolicyVersionStatus.Published && p.EffectiveFrom <= today)
                .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Number)
                .Select(p => p.Settings).FirstOrDefaultAsync(cancellationToken) ?? PolicySettings.Regulation;
            var holidays = (await db.CalendarEntries.IgnoreQueryFilters()
                .Where(c => c.AgencyId == agency.Key && c.UnitId == null && c.Kind != CalendarEntryKind.MandatoryOffice && c.Date >= today.AddDays(-60) && c.Date <= today)
                .Select(c => c.Date).ToListAsync(cancellationToken)).ToHashSet();

            foreach (var request in agency)
            {
                if (request.WaitingSince is not { } since
                    || WorkingDaysBetween(PolicyCheckContext.TodayIn(since, timeZone), today, policy.Time, holidays) < policy.Requests.EscalateAfterWorkingDays)
                {
                    continue;
                }

                var next = await NextOfficialAsync(db, request, cancellationToken);
                request.Escalate(now);
                var employeeName = await db.Employees.IgnoreQueryFilters().Where(e => e.Id == request.EmployeeId).Select(e => e.FullName).SingleAsync(cancellationToken);
                notifier.Add(db, request.AgencyId, next, NotificationKind.Escalated, request.Id, employeeName, now);
                escalated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await notifier.MailAsync(db, cancellationToken);
        if (escalated > 0)
        {
            logger.LogInformation("Escalated {Count} pending requests", escalated);
        }

        return escalated;
    }

    /// <summary>Working days that passed since the day it started waiting (that day not counted).</summary>
    private static int WorkingDaysBetween(DateOnly from, DateOnly to, WorkingTime time, HashSet<DateOnly> holidays)
    {
        var days = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (time.IsWorkingWeekday(date.DayOfWeek) && !holidays.Contains(date))
            {
                days++;
            }
        }

        return days;
    }

    /// <summary>From level 1 the unit head; from level 2 the head of the unit above.</summary>
    private static async Task<Guid?> NextOfficialAsync(IFlexWorkDbContext db, WorkRequest request, CancellationToken cancellationToken)
    {
        var unitId = await db.Employees.IgnoreQueryFilters().Where(e => e.Id == request.EmployeeId).Select(e => e.UnitId).SingleAsync(cancellationToken);
        var units = await db.OrganizationUnits.IgnoreQueryFilters().Where(u => u.AgencyId == request.AgencyId)
            .Select(u => new { u.Id, u.ParentId, u.HeadEmployeeId }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var heads = new List<Guid>();
        var seen = new HashSet<Guid>();
        for (Guid? id = unitId; id is { } current && units.TryGetValue(current, out var unit) && seen.Add(current); id = unit.ParentId)
        {
            if (unit.HeadEmployeeId is { } head && head != request.EmployeeId && !heads.Contains(head))
            {
                heads.Add(head);
            }
        }

        var index = request.Level >= 2 ? 1 : 0;
        return heads.Count > index ? heads[index] : heads.LastOrDefault() is var last && last != Guid.Empty ? last : null;
    }
}
