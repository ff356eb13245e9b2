using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexWork.Application.Presence;

/// <summary>
/// Deletes the raw check-in and check-out positions once each agency's retention period (its
/// policy in force) has passed; the location checks stay. Run by a background job as the system,
/// agency by agency, in batches so that a year's backlog never sits in memory at once.
/// </summary>
public sealed class PositionPurge(IFlexWorkDbContextFactory dbFactory, IServiceScopeFactory scopes, ILogger<PositionPurge> logger)
{
    private const int BatchSize = 2_000;

    /// <returns>How many days lost their positions.</returns>
    public async Task<int> PurgeDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        List<Guid> agencies;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            // Which agencies keep any position: the one read past the tenant filter.
            agencies = await db.PresenceDays.IgnoreQueryFilters().Where(d => d.CheckInPosition != null || d.CheckOutPosition != null)
                .Select(d => d.AgencyId).Distinct().ToListAsync(cancellationToken);
        }

        var purged = 0;
        foreach (var agencyId in agencies)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ICurrentUser>().ActAsSystemFor(agencyId);
            purged += await PurgeAgencyAsync(scope.ServiceProvider.GetRequiredService<IFlexWorkDbContextFactory>(), agencyId, now, cancellationToken);
        }

        if (purged > 0)
        {
            logger.LogInformation("Deleted the positions of {Count} presence days past their retention period", purged);
        }

        return purged;
    }

    private static async Task<int> PurgeAgencyAsync(IFlexWorkDbContextFactory factory, Guid agencyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int retentionDays;
        await using (var db = await factory.CreateAsync(cancellationToken))
        {
            var timeZone = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
            retentionDays = (await PolicyContextLoader.InForceAsync(db, PresenceSlot.LocalDate(now, timeZone), cancellationToken)).Settings.Presence.PositionRetentionDays;
        }

        var cutoff = now.AddDays(-retentionDays).ToUniversalTime();
        var purged = 0;
        while (true)
        {
            await using var db = await factory.CreateAsync(cancellationToken);
            var due = await db.PresenceDays.Where(d => d.CheckedInAt <= cutoff && (d.CheckInPosition != null || d.CheckOutPosition != null))
                .OrderBy(d => d.CheckedInAt).Take(BatchSize).ToListAsync(cancellationToken);
            var batch = due.Count(d => d.PurgePositions(now, retentionDays));
            if (batch == 0)
            {
                return purged;
            }

            await db.SaveChangesAsync(cancellationToken);
            purged += batch;
        }
    }
}
