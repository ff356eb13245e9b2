using FlexWork.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Agencies.ListAgencies;

public sealed record AgencySummary(Guid Id, string Code, string Name, string TimeZoneId, bool IsActive, int EmployeeCount);

/// <summary>The platform admin's view: agencies and their size, never the people inside.</summary>
public sealed class AgencyDirectory(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<AgencySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireRole(Roles.PlatformAdmin);
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        // Counting across agencies is the one place that looks past the tenant filter, and it
        // returns a number only.
        return await db.Agencies.AsNoTracking()
            .OrderBy(a => a.Code)
            .Select(a => new AgencySummary(
                a.Id, a.Code, a.Name, a.TimeZoneId, a.IsActive,
                db.Employees.IgnoreQueryFilters().Count(e => e.AgencyId == a.Id)))
            .ToListAsync(cancellationToken);
    }
}
