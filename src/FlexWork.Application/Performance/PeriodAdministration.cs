using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>
/// The agency's performance periods: everyone in the agency sees them; its admins open the next
/// one (a month, or a quarter where the policy says so) and move each forward. Closing a period
/// makes the ratings nobody answered final; it waits while an objection is undecided.
/// </summary>
public sealed class PeriodAdministration(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <summary>A period is opened at most this many months before it starts.</summary>
    public const int MaxMonthsAhead = 3;

    public async Task<IReadOnlyList<PeriodView>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgency();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return [.. (await db.PerformancePeriods.AsNoTracking().OrderByDescending(p => p.From).Take(48).ToListAsync(cancellationToken)).Select(PeriodView.Of)];
    }

    /// <summary>The period after the latest one; the first one is the period today falls in.</summary>
    public async Task<PeriodView> OpenNextAsync(CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var now = timeProvider.GetUtcNow();
                var today = PolicyCheckContext.TodayIn(now, await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.TimeZoneId).SingleAsync(ct));
                var length = (await PolicyContextLoader.InForceAsync(db, today, ct)).Settings.Performance.PeriodLength;
                var latest = await db.PerformancePeriods.OrderByDescending(p => p.From).FirstOrDefaultAsync(ct);
                var period = latest?.Next(length, now) ?? PerformancePeriod.Create(agencyId, StartOfPeriod(today, length), length, now);
                if (period.From > today.AddMonths(MaxMonthsAhead))
                {
                    throw new DomainException("PERIOD_TOO_FAR_AHEAD", period.Code);
                }

                db.PerformancePeriods.Add(period);
                await db.SaveChangesAsync(ct); // two admins at once: the unique start lets one win (409)
                return PeriodView.Of(period);
            },
            cancellationToken);
    }

    /// <summary>One state forward; on closing, unanswered ratings become final.</summary>
    public async Task<PeriodView> AdvanceAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var period = await PerformanceQueries.PeriodAsync(db, id, ct);
                db.ExpectVersion(period, version);
                var now = timeProvider.GetUtcNow();
                if (period.State == PeriodState.Evaluation)
                {
                    var objections = await db.Evaluations.CountAsync(e => e.PeriodId == id && e.State == EvaluationState.Objected, ct);
                    if (objections > 0)
                    {
                        throw new DomainException("PERIOD_HAS_OBJECTIONS", objections);
                    }

                    foreach (var rated in await db.Evaluations.Where(e => e.PeriodId == id && e.State == EvaluationState.Rated).ToListAsync(ct))
                    {
                        rated.DeemAccepted(now);
                    }
                }

                period.Advance(now);
                await db.SaveChangesAsync(ct);
                return PeriodView.Of(period);
            },
            cancellationToken);
    }

    private static DateOnly StartOfPeriod(DateOnly today, PeriodLength length) =>
        new(today.Year, length == PeriodLength.Quarterly ? (((today.Month - 1) / 3) * 3) + 1 : today.Month, 1);
}
