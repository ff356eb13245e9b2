using FlexWork.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Profiles;

/// <summary>What the org chart lets an employee do beyond their own work.</summary>
public sealed record OrgRights(bool SupervisesAnyone, bool HeadsUnit);

/// <summary>
/// Derives supervisor and unit-head rights from the org chart on every check, so they follow
/// people when they move without anyone setting a flag.
/// </summary>
public sealed class OrgRightsService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser)
{
    public Task<OrgRights> GetMineAsync(CancellationToken cancellationToken = default) =>
        currentUser.EmployeeId is { } employeeId
            ? GetAsync(employeeId, cancellationToken)
            : Task.FromResult(new OrgRights(false, false));

    /// <summary>Rights of an employee of the caller's agency (the tenant filter applies).</summary>
    public async Task<OrgRights> GetAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var supervises = await db.Employees.AnyAsync(e => e.SupervisorId == employeeId && e.IsActive, cancellationToken);
        var heads = await db.OrganizationUnits.AnyAsync(u => u.HeadEmployeeId == employeeId, cancellationToken);
        return new OrgRights(supervises, heads);
    }
}
