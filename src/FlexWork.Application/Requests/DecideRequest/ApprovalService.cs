using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Common;
using FlexWork.Domain.Organization;
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

/// <summary>An output of the work plan as the approver reads it, with the RHK of the agreed target it serves.</summary>
public sealed record PlannedOutput(string Output, string? Indicator, string? Target, string? TargetRhk);

public sealed record InboxItem(RequestSummary Request, int Level, IReadOnlyList<Finding> Findings, IReadOnlyList<DayCoverage> Coverage, IReadOnlyList<PlannedOutput> Plan)
{
    /// <summary>Whether the request may be approved with others in one go (see <see cref="ApprovalService.IsClean"/>).</summary>
    public bool CanBulkApprove => ApprovalService.IsClean(Findings, Coverage);
}

/// <summary>A request to act on, with the version the approver saw.</summary>
public sealed record DecisionTarget(Guid Id, uint Version);

/// <summary>What became of one request of a bulk approval: approved, or the rule that left it alone.</summary>
public sealed record BulkApprovalOutcome(Guid Id, DomainException? Refusal)
{
    public bool Approved => Refusal is null;
}

/// <summary>
/// Supervisors and unit heads (or their acting officials) decide the requests waiting for them,
/// with the findings and the unit's on-site numbers in view.
/// </summary>
public sealed class ApprovalService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <summary>At most this many requests are listed or approved at once.</summary>
    public const int MaxBatch = 500;

    /// <summary>
    /// Bulk approval is for the uncontroversial requests: no blocking finding, and no day on which
    /// the unit would be under its on-site minimum. Anything else is decided one by one, in view.
    /// </summary>
    public static bool IsClean(IReadOnlyList<Finding> findings, IReadOnlyList<DayCoverage> coverage) =>
        !findings.Any(f => f.Severity == FindingSeverity.Block) && !coverage.Any(c => c.BelowMinimum);

    public async Task<IReadOnlyList<InboxItem>> InboxAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var candidates = await CandidatesAsync(db, me, await TodayAsync(db, me, cancellationToken), RequestStatus.Submitted, cancellationToken);
        var names = await NamesAsync(db, candidates.Select(r => r.EmployeeId), cancellationToken);
        var targetIds = candidates.SelectMany(r => r.WorkPlan).Where(p => p.TargetId is not null).Select(p => p.TargetId!.Value).Distinct().ToList();
        var rhk = targetIds.Count == 0
            ? []
            : (await db.PerformanceTargets.AsNoTracking().Where(t => targetIds.Contains(t.Id)).Select(t => new { t.Id, t.Content }).ToListAsync(cancellationToken))
                .ToDictionary(t => t.Id, t => t.Content.Rhk);
        var inbox = new List<InboxItem>();
        foreach (var request in candidates.OrderBy(r => r.SubmittedAt))
        {
            if (await DecisionRights.ActingForAsync(db, me, request, request.Level, timeProvider, cancellationToken) is null)
            {
                continue;
            }

            inbox.Add(new InboxItem(
                RequestService.Summarize(request, names[request.EmployeeId]), request.Level, request.Findings,
                await CoverageAsync(db, request, cancellationToken),
                [.. request.WorkPlan.Select(p => new PlannedOutput(p.Output, p.Indicator, p.Target, p.TargetId is { } id ? rhk.GetValueOrDefault(id) : null))]));
        }

        return inbox;
    }

    /// <summary>Approved requests with days still ahead that the caller (or the official they act for) may revoke.</summary>
    public async Task<IReadOnlyList<RequestSummary>> RevocableAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var candidates = await CandidatesAsync(db, me, await TodayAsync(db, me, cancellationToken), RequestStatus.Approved, cancellationToken);
        var names = await NamesAsync(db, candidates.Select(r => r.EmployeeId), cancellationToken);
        var revocable = new List<RequestSummary>();
        foreach (var request in candidates.OrderBy(r => r.FirstDay))
        {
            if (await RevokerAsync(db, me, request, cancellationToken) is not null)
            {
                revocable.Add(RequestService.Summarize(request, names[request.EmployeeId]));
            }
        }

        return revocable;
    }

    /// <summary>
    /// Approves each clean request (see <see cref="IsClean"/>) as a decision of its own; one that
    /// changed since the approver saw it, is no longer clean or is not theirs is left alone and reported.
    /// </summary>
    public async Task<IReadOnlyList<BulkApprovalOutcome>> ApproveCleanAsync(
        IReadOnlyList<DecisionTarget> targets, string? comment, CancellationToken cancellationToken = default)
    {
        currentUser.RequireEmployee();
        if (targets.Count > MaxBatch)
        {
            throw new DomainException("REQUEST_BATCH_TOO_LARGE", MaxBatch);
        }

        var outcomes = new List<BulkApprovalOutcome>();
        foreach (var target in targets.DistinctBy(t => t.Id))
        {
            try
            {
                await DecideAsync(target.Id, Decision.Approve, comment, target.Version, onlyIfClean: true, cancellationToken);
                outcomes.Add(new BulkApprovalOutcome(target.Id, null));
            }
            catch (ConcurrencyConflictException)
            {
                outcomes.Add(new BulkApprovalOutcome(target.Id, new DomainException("REQUEST_CHANGED")));
            }
            catch (DomainException ex)
            {
                outcomes.Add(new BulkApprovalOutcome(target.Id, ex));
            }
            catch (ForbiddenAccessException ex) when (ex.Reason is { } reason)
            {
                outcomes.Add(new BulkApprovalOutcome(target.Id, new DomainException(reason)));
            }
            catch (Exception ex) when (ex is NotFoundException or ForbiddenAccessException)
            {
                outcomes.Add(new BulkApprovalOutcome(target.Id, new DomainException("REQUEST_NOT_FOUND")));
            }
        }

        return outcomes;
    }

    public Task<RequestDetails> DecideAsync(Guid id, Decision decision, string? comment, uint version, CancellationToken cancellationToken = default) =>
        DecideAsync(id, decision, comment, version, onlyIfClean: false, cancellationToken);

    private async Task<RequestDetails> DecideAsync(Guid id, Decision decision, string? comment, uint version, bool onlyIfClean, CancellationToken cancellationToken)
    {
        var me = currentUser.RequireEmployee();
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var request = await db.WorkRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("WorkRequest", id);
                var principal = await DecisionRights.ActingForAsync(db, me, request, Math.Max(1, request.Level), timeProvider, ct)
                    ?? throw NotVisibleOrForbidden(request, me);
                db.ExpectVersion(request, version);
                if (decision == Decision.Approve)
                {
                    // The unit's numbers are read and the approval saved while no colleague's submission can slip in between.
                    var unitId = await db.Employees.Where(e => e.Id == request.EmployeeId).Select(e => e.UnitId).SingleAsync(ct);
                    await AdvisoryLocks.UnitAsync(db, unitId, ct);
                }

                if (onlyIfClean && request.Status == RequestStatus.Submitted && !IsClean(request.Findings, await CoverageAsync(db, request, ct)))
                {
                    throw new DomainException("REQUEST_NOT_CLEAN");
                }

                var by = await DecisionRights.ActorAsync(db, me, currentUser.UserId, principal, ct);
                var now = timeProvider.GetUtcNow();
                switch (decision)
                {
                    case Decision.Approve:
                        request.Approve(by, now, comment);
                        break;
                    case Decision.Reject:
                        request.Reject(by, now, comment);
                        break;
                    default:
                        request.ReturnForRevision(by, now, comment);
                        break;
                }

                await db.SaveChangesAsync(ct); // a concurrent decision on the same version loses here (409)
                return RequestDetails.From(request, (await NamesAsync(db, [request.EmployeeId], ct))[request.EmployeeId]);
            },
            cancellationToken);
    }

    /// <summary>The approver takes back an approval from tomorrow on, with a reason.</summary>
    public async Task<RequestDetails> RevokeAsync(Guid id, string? comment, uint version, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var request = await db.WorkRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("WorkRequest", id);
        var principal = await RevokerAsync(db, me, request, cancellationToken) ?? throw NotVisibleOrForbidden(request, me);
        db.ExpectVersion(request, version);
        var place = await PolicyContextLoader.PlaceAsync(db, request.EmployeeId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        request.Revoke(await DecisionRights.ActorAsync(db, me, currentUser.UserId, principal, cancellationToken), PolicyCheckContext.TodayIn(now, place.TimeZoneId), now, comment);
        await db.SaveChangesAsync(cancellationToken);
        return RequestDetails.From(request, (await NamesAsync(db, [request.EmployeeId], cancellationToken))[request.EmployeeId]);
    }

    /// <summary>The official the actor revokes for: whoever decides at the route's last level, or the supervisor.</summary>
    private async Task<Guid?> RevokerAsync(IFlexWorkDbContext db, Guid me, WorkRequest request, CancellationToken cancellationToken)
    {
        var finalLevel = request.Route == ApprovalRoute.SupervisorThenUnitHead ? 2 : 1;
        return await DecisionRights.ActingForAsync(db, me, request, finalLevel, timeProvider, cancellationToken)
            ?? await DecisionRights.ActingForAsync(db, me, request, 1, timeProvider, cancellationToken);
    }

    /// <summary>
    /// Requests in a status of people the actor (or the officials they act for today) supervises or
    /// decides as the head above them (<see cref="UnitTree.UnitsDecidedBy"/>): candidates only, the
    /// rights check per request settles it. Approved requests count only while some day is still ahead.
    /// </summary>
    private static async Task<List<WorkRequest>> CandidatesAsync(
        IFlexWorkDbContext db, Guid me, DateOnly today, RequestStatus status, CancellationToken cancellationToken)
    {
        var principals = await db.Delegations
            .Where(d => d.DelegateEmployeeId == me && !d.IsRevoked && d.From <= today && d.Until >= today)
            .Select(d => d.PrincipalEmployeeId).ToListAsync(cancellationToken);
        principals.Add(me);
        var tree = await db.UnitTreeAsync(cancellationToken);
        var units = principals.SelectMany(tree.UnitsDecidedBy).ToHashSet();
        var heads = principals.SelectMany(tree.HeadsDecidedBy).ToHashSet();
        var query = db.WorkRequests.AsNoTracking()
            .Where(r => r.Status == status)
            .Where(r => heads.Contains(r.EmployeeId) || db.Employees.Any(e => e.Id == r.EmployeeId
                && ((e.SupervisorId != null && principals.Contains(e.SupervisorId.Value)) || units.Contains(e.UnitId))));
        if (status == RequestStatus.Approved)
        {
            query = query.Where(r => r.Days.Any(d => d.Date > today));
        }

        return await query.OrderBy(r => r.SubmittedAt).Take(MaxBatch).ToListAsync(cancellationToken);
    }

    private async Task<DateOnly> TodayAsync(IFlexWorkDbContext db, Guid employeeId, CancellationToken cancellationToken) =>
        PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), (await PolicyContextLoader.PlaceAsync(db, employeeId, cancellationToken)).TimeZoneId);

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

    /// <summary>The request's own employee may read it but never decide it (403, saying why); anyone else must not learn it exists (404).</summary>
    private static Exception NotVisibleOrForbidden(WorkRequest request, Guid me) =>
        request.EmployeeId == me ? new ForbiddenAccessException("REQUEST_OWN_DECISION") : new NotFoundException("WorkRequest", request.Id);

    private static async Task<Dictionary<Guid, string>> NamesAsync(IFlexWorkDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Employees.Where(e => list.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FullName, cancellationToken);
    }
}
