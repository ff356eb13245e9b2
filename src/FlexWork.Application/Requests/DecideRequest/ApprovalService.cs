using FlexWork.Application.Common;
using FlexWork.Application.Notifications;
using FlexWork.Application.Policies;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Notifications;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Requests.DecideRequest;

public enum Decision
{
    Approve,
    Reject,
    Return,
}

/// <summary>Per requested day: how many of the unit would be on site with this request, against the minimum.</summary>
public sealed record DayCoverage(DateOnly Date, WorkMode Mode, int OnSite, int Headcount, int MinimumOnSite)
{
    public bool BelowMinimum => OnSite < MinimumOnSite;
}

public sealed record InboxItem(RequestSummary Request, int Level, IReadOnlyList<Finding> Findings, IReadOnlyList<DayCoverage> Coverage);

/// <summary>
/// Supervisors and unit heads (or their acting officials) decide the requests waiting for them,
/// with the findings and the unit's on-site numbers in view.
/// </summary>
public sealed class ApprovalService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider, Notifier notifier)
{
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var today = PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), (await PolicyContextLoader.PlaceAsync(db, me, cancellationToken)).TimeZoneId);
        var principals = await db.Delegations
            .Where(d => d.DelegateEmployeeId == me && !d.IsRevoked && d.From <= today && d.Until >= today)
            .Select(d => d.PrincipalEmployeeId).ToListAsync(cancellationToken);
        principals.Add(me);

        // Candidates: pending requests of people these officials supervise or whose units they head; the rights check settles it.
        var headedUnits = await db.OrganizationUnits.Where(u => u.HeadEmployeeId != null && principals.Contains(u.HeadEmployeeId.Value)).Select(u => u.Id).ToListAsync(cancellationToken);
        var candidates = await db.WorkRequests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.Submitted)
            .Where(r => db.Employees.Any(e => e.Id == r.EmployeeId
                && ((e.SupervisorId != null && principals.Contains(e.SupervisorId.Value)) || headedUnits.Contains(e.UnitId))))
            .OrderBy(r => r.SubmittedAt)
            .Take(500)
            .ToListAsync(cancellationToken);

        var names = await NamesAsync(db, candidates.Select(r => r.EmployeeId), cancellationToken);
        var inbox = new List<InboxItem>();
        foreach (var request in candidates)
        {
            if (await DecisionRights.ActingForAsync(db, me, request, request.Level, timeProvider, cancellationToken) is null)
            {
                continue;
            }

            inbox.Add(new InboxItem(
                RequestService.Summarize(request, names[request.EmployeeId]), request.Level, request.Findings,
                await CoverageAsync(db, request, cancellationToken)));
        }

        return inbox;
    }

    public async Task<RequestDetails> DecideAsync(Guid id, Decision decision, string? comment, uint version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var request = await db.WorkRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("WorkRequest", id);
        var principal = await DecisionRights.ActingForAsync(db, me, request, Math.Max(1, request.Level), timeProvider, cancellationToken)
            ?? throw NotVisibleOrForbidden(request, me);
        db.ExpectVersion(request, version);
        var onBehalfOf = await OnBehalfOfAsync(db, me, principal, cancellationToken);
        var now = timeProvider.GetUtcNow();
        switch (decision)
        {
            case Decision.Approve:
                request.Approve(now, currentUser.UserId, onBehalfOf, comment);
                break;
            case Decision.Reject:
                request.Reject(now, currentUser.UserId, onBehalfOf, comment);
                break;
            default:
                request.ReturnForRevision(now, currentUser.UserId, onBehalfOf, comment);
                break;
        }

        var names = await NamesAsync(db, [request.EmployeeId, me], cancellationToken);
        if (request.Status == RequestStatus.Submitted)
        {
            // The first of two levels approved: now the unit head decides.
            notifier.Add(db, request.AgencyId, await DecisionRights.DeciderAsync(db, request, 2, cancellationToken), NotificationKind.Submitted,
                request.Id, names[request.EmployeeId], now);
        }
        else
        {
            var kind = request.Status switch
            {
                RequestStatus.Approved => NotificationKind.Approved,
                RequestStatus.Rejected => NotificationKind.Rejected,
                _ => NotificationKind.Returned,
            };
            notifier.Add(db, request.AgencyId, request.EmployeeId, kind, request.Id, names[me], now);
        }

        await db.SaveChangesAsync(cancellationToken); // a concurrent decision on the same version loses here (409)
        await notifier.MailAsync(db, cancellationToken);
        return RequestDetails.From(request, (await NamesAsync(db, [request.EmployeeId], cancellationToken))[request.EmployeeId]);
    }

    /// <summary>The approver takes back an approval from tomorrow on, with a reason.</summary>
    public async Task<RequestDetails> RevokeAsync(Guid id, string? comment, uint version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var request = await db.WorkRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("WorkRequest", id);
        var finalLevel = request.Route == ApprovalRoute.SupervisorThenUnitHead ? 2 : 1;
        var principal = await DecisionRights.ActingForAsync(db, me, request, finalLevel, timeProvider, cancellationToken)
            ?? await DecisionRights.ActingForAsync(db, me, request, 1, timeProvider, cancellationToken)
            ?? throw NotVisibleOrForbidden(request, me);
        db.ExpectVersion(request, version);
        var place = await PolicyContextLoader.PlaceAsync(db, request.EmployeeId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        request.Revoke(PolicyCheckContext.TodayIn(now, place.TimeZoneId), now, currentUser.UserId, await OnBehalfOfAsync(db, me, principal, cancellationToken), comment);
        notifier.Add(db, request.AgencyId, request.EmployeeId, NotificationKind.Revoked, request.Id, (await NamesAsync(db, [me], cancellationToken))[me], now);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.MailAsync(db, cancellationToken);
        return RequestDetails.From(request, (await NamesAsync(db, [request.EmployeeId], cancellationToken))[request.EmployeeId]);
    }

    /// <summary>For each requested day: the unit on site if this request goes ahead, against the policy's minimum.</summary>
    private async Task<IReadOnlyList<DayCoverage>> CoverageAsync(IFlexWorkDbContext db, WorkRequest request, CancellationToken cancellationToken)
    {
        var place = await PolicyContextLoader.PlaceAsync(db, request.EmployeeId, cancellationToken);
        var today = PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), place.TimeZoneId);
        var settings = (await PolicyContextLoader.InForceAsync(db, today, cancellationToken)).Settings.ForUnit(place.UnitPath);
        var away = await PolicyContextLoader.OthersAwayAsync(db, place.UnitId, request.EmployeeId, request.FirstDay, request.LastDay, cancellationToken);
        var headcount = await db.Employees.CountAsync(e => e.UnitId == place.UnitId && e.IsActive, cancellationToken);
        var minimum = settings.Safeguard.MinimumOnSite(headcount);
        return
        [
            .. request.Days.OrderBy(d => d.Date).Select(d => new DayCoverage(
                d.Date, d.Mode, headcount - away.GetValueOrDefault(d.Date) - (d.Mode.IsRemote() ? 1 : 0), headcount, minimum)),
        ];
    }

    /// <summary>When the actor decides as an acting official, the audit trail names the official they stand in for.</summary>
    private static async Task<string?> OnBehalfOfAsync(IFlexWorkDbContext db, Guid me, Guid principal, CancellationToken cancellationToken) =>
        principal == me ? null : await db.Employees.Where(e => e.Id == principal).Select(e => e.UserId).SingleOrDefaultAsync(cancellationToken) ?? principal.ToString();

    /// <summary>The request's own employee may read it but not decide it (403); anyone else must not learn it exists (404).</summary>
    private static Exception NotVisibleOrForbidden(WorkRequest request, Guid me) =>
        request.EmployeeId == me ? new ForbiddenAccessException() : new NotFoundException("WorkRequest", request.Id);

    private static async Task<Dictionary<Guid, string>> NamesAsync(IFlexWorkDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Employees.Where(e => list.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FullName, cancellationToken);
    }
}
