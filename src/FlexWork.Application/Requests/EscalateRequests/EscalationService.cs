using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexWork.Application.Requests.EscalateRequests;

/// <summary>
/// Requests pending longer than their agency's policy allows (working days, holidays excluded)
/// go up a level and the official who now decides, by the same decision rights as the inbox, is
/// notified. A system job: it works agency by agency, each in a scope of its own acting for that
/// agency, so that one agency's trouble (a request changed meanwhile) leaves the others alone.
/// </summary>
public sealed class EscalationService(IFlexWorkDbContextFactory dbFactory, IServiceScopeFactory scopes, ILogger<EscalationService> logger)
{
    public async Task<int> EscalateDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        List<Guid> agencies;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            // Which agencies have anything pending: the one read past the tenant filter.
            agencies = await db.WorkRequests.IgnoreQueryFilters().Where(r => r.Status == RequestStatus.Submitted)
                .Select(r => r.AgencyId).Distinct().ToListAsync(cancellationToken);
        }

        var escalated = 0;
        foreach (var agencyId in agencies)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ICurrentUser>().ActAsSystemFor(agencyId);
            try
            {
                escalated += await EscalateAgencyAsync(scope.ServiceProvider, agencyId, now, cancellationToken);
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or DbUpdateException)
            {
                // E.g. someone decided a request of this agency meanwhile: its round is retried next time, the others go on.
                logger.LogWarning(ex, "Escalation of agency {AgencyId} could not be saved; the next round tries again", agencyId);
            }
        }

        if (escalated > 0)
        {
            logger.LogInformation("Escalated {Count} pending requests", escalated);
        }

        return escalated;
    }

    private static async Task<int> EscalateAgencyAsync(IServiceProvider services, Guid agencyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IFlexWorkDbContextFactory>().CreateAsync(cancellationToken);
        var pending = await db.WorkRequests.Where(r => r.Status == RequestStatus.Submitted).ToListAsync(cancellationToken);
        var timeZone = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
        var today = PolicyCheckContext.TodayIn(now, timeZone);
        var policy = (await PolicyContextLoader.InForceAsync(db, today, cancellationToken)).Settings;
        var holidays = (await db.CalendarEntries
            .Where(c => c.UnitId == null && c.Kind != CalendarEntryKind.MandatoryOffice && c.Date >= today.AddDays(-60) && c.Date <= today)
            .Select(c => c.Date).ToListAsync(cancellationToken)).ToHashSet();

        var escalated = 0;
        foreach (var request in pending)
        {
            if (request.WaitingSince is not { } since
                || WorkingDaysBetween(PolicyCheckContext.TodayIn(since, timeZone), today, policy.Time, holidays) < policy.Requests.EscalateAfterWorkingDays)
            {
                continue;
            }

            request.Escalate(now); // its notification goes to whoever now decides (RequestNotifications)
            escalated++;
        }

        await db.SaveChangesAsync(cancellationToken);
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
}
