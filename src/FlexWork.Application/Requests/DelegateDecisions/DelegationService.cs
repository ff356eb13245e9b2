using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Requests.DelegateDecisions;

public sealed record DelegationItem(
    Guid Id, Guid PrincipalEmployeeId, string PrincipalName, Guid DelegateEmployeeId, string DelegateName, DateOnly From, DateOnly Until,
    string DecreeReference, bool IsRevoked);

public sealed record DelegationInput(Guid DelegateEmployeeId, DateOnly From, DateOnly Until, string? DecreeReference);

/// <summary>
/// The new appointment. When the delegate is one of the principal's own people, their own requests
/// stay with the principal during it (<paramref name="DelegateOwnRequestsExcluded"/>): nobody
/// decides their own request.
/// </summary>
public sealed record DelegationCreated(Guid Id, bool DelegateOwnRequestsExcluded);

public sealed record ColleagueOption(Guid Id, string FullName, string UnitName);

/// <summary>
/// Supervisors and unit heads appoint an acting official (Plh/Plt) for a period, with the
/// decree; during it the delegate decides in their place. Both sides see the appointment.
/// </summary>
public sealed class DelegationService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<DelegationItem>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Delegations.AsNoTracking()
            .Where(d => d.PrincipalEmployeeId == me || d.DelegateEmployeeId == me)
            .OrderByDescending(d => d.From)
            .Select(d => new DelegationItem(
                d.Id, d.PrincipalEmployeeId, db.Employees.Where(e => e.Id == d.PrincipalEmployeeId).Select(e => e.FullName).Single(),
                d.DelegateEmployeeId, db.Employees.Where(e => e.Id == d.DelegateEmployeeId).Select(e => e.FullName).Single(),
                d.From, d.Until, d.DecreeReference, d.IsRevoked))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Active colleagues of the agency whose name matches, to pick the acting official from.</summary>
    public async Task<IReadOnlyList<ColleagueOption>> CandidatesAsync(string? search, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        var pattern = LikePattern.Contains((search ?? "").Trim().ToLowerInvariant());
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && e.Id != me)
            .Where(e => EF.Functions.Like(EF.Property<string>(e, Employees.SearchEmployees.EmployeeDirectory.SearchTextProperty), pattern, LikePattern.EscapeCharacter))
            .OrderBy(e => e.FullName).Take(20)
            .Select(e => new ColleagueOption(e.Id, e.FullName, db.OrganizationUnits.Where(u => u.Id == e.UnitId).Select(u => u.Name).Single()))
            .ToListAsync(cancellationToken);
    }

    public async Task<DelegationCreated> CreateAsync(DelegationInput input, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var decides = await db.Employees.AnyAsync(e => e.SupervisorId == me && e.IsActive, cancellationToken)
            || await db.OrganizationUnits.AnyAsync(u => u.HeadEmployeeId == me, cancellationToken);
        if (!decides)
        {
            throw new ForbiddenAccessException(); // only someone who decides requests can hand that over
        }

        if (!await db.Employees.AnyAsync(e => e.Id == input.DelegateEmployeeId && e.IsActive, cancellationToken))
        {
            throw new NotFoundException("Employee", input.DelegateEmployeeId);
        }

        // Would the delegate's own requests come to the principal? Then they are skipped for the delegate.
        var delegatePlace = await PolicyContextLoader.PlaceAsync(db, input.DelegateEmployeeId, cancellationToken);
        var decidesForDelegate = await db.Employees.AnyAsync(e => e.Id == input.DelegateEmployeeId && e.SupervisorId == me, cancellationToken)
            || await db.OrganizationUnits.AnyAsync(u => delegatePlace.UnitPath.Contains(u.Id) && u.HeadEmployeeId == me, cancellationToken);

        var place = await PolicyContextLoader.PlaceAsync(db, me, cancellationToken);
        var delegation = Delegation.Create(
            currentUser.RequireAgency(), me, input.DelegateEmployeeId, input.From, input.Until, input.DecreeReference,
            PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), place.TimeZoneId));
        db.Delegations.Add(delegation);
        await db.SaveChangesAsync(cancellationToken);
        return new DelegationCreated(delegation.Id, decidesForDelegate);
    }

    public async Task RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == id && d.PrincipalEmployeeId == me, cancellationToken)
            ?? throw new NotFoundException("Delegation", id);
        delegation.Revoke();
        await db.SaveChangesAsync(cancellationToken);
    }
}
