using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Profiles;

/// <summary>What the org chart lets an employee do beyond their own work.</summary>
/// <param name="ActsForSomeoneToday">Is an acting official (Plt/Plh) today: decides in a principal's place.</param>
public sealed record OrgRights(bool SupervisesAnyone, bool HeadsUnit, bool ActsForSomeoneToday = false)
{
    /// <summary>Supervises or heads: appoints acting officials, sees a team's schedule.</summary>
    public bool Leads => SupervisesAnyone || HeadsUnit;

    /// <summary>Has requests to decide, in their own right or as an acting official.</summary>
    public bool Decides => Leads || ActsForSomeoneToday;
}

/// <summary>
/// Derives supervisor, unit-head and acting-official rights from the org chart, so they follow
/// people when they move without anyone setting a flag. A page asks several times per render (the
/// menu, the page's own policy): the answer is kept for a minute per scope (request or circuit).
/// </summary>
public sealed class OrgRightsService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    private readonly Dictionary<Guid, (OrgRights Rights, DateTimeOffset At)> _known = [];

    public Task<OrgRights> GetMineAsync(CancellationToken cancellationToken = default) =>
        currentUser.EmployeeId is { } employeeId
            ? GetAsync(employeeId, cancellationToken)
            : Task.FromResult(new OrgRights(false, false));

    /// <summary>Rights of an employee of the caller's agency (the tenant filter applies).</summary>
    public async Task<OrgRights> GetAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        if (_known.TryGetValue(employeeId, out var known) && now - known.At < KeptFor)
        {
            return known.Rights;
        }

        var rights = await ReadAsync(employeeId, cancellationToken);
        _known[employeeId] = (rights, now);
        return rights;
    }

    private async Task<OrgRights> ReadAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var supervises = await db.Employees.AnyAsync(e => e.SupervisorId == employeeId && e.IsActive, cancellationToken);
        var heads = await db.OrganizationUnits.AnyAsync(u => u.HeadEmployeeId == employeeId, cancellationToken);
        var today = PolicyCheckContext.TodayIn(
            timeProvider.GetUtcNow(), (await PolicyContextLoader.PlaceAsync(db, employeeId, cancellationToken)).TimeZoneId);
        var acts = await db.Delegations.AnyAsync(d => d.DelegateEmployeeId == employeeId && !d.IsRevoked && d.From <= today && d.Until >= today, cancellationToken);
        return new OrgRights(supervises, heads, acts);
    }
}
