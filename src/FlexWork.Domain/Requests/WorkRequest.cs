using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;

namespace FlexWork.Domain.Requests;

public enum RequestStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    ReturnedForRevision,
    Withdrawn,
    Revoked,
}

/// <summary>
/// One day of a request, the same record from the form and the API through the policy engine to
/// storage: where, and (optionally) the planned hours in the employee's local time.
/// </summary>
public sealed record RequestDay(
    DateOnly Date, WorkMode Mode, TimeOnly? Start = null, TimeOnly? End = null, Guid? LocationId = null, string? Address = null)
{
    /// <summary>Planned net minutes (breaks excluded), or null when no hours were given.</summary>
    public int? NetMinutes(WorkingTime time) =>
        Start is { } start && End is { } end ? (int)(end - start).TotalMinutes - time.BreakOn(Date) : null;
}

/// <summary>
/// Who takes a decision: the acting employee and their account, and when they act for another
/// official (an acting official, Plh/Plt), that official's account.
/// </summary>
public sealed record Decider(Guid EmployeeId, string? UserId, string? OnBehalfOfUserId = null);

/// <summary>A step of the workflow: who moved the request from one status to another, when, and why.</summary>
public sealed record RequestTransition(
    RequestStatus From, RequestStatus To, DateTimeOffset At, string? ActorUserId, string? OnBehalfOfUserId, string? Comment, int Level);

/// <summary>
/// A flexible-work request (pengajuan) and its workflow: Draft → Submitted → Approved | Rejected |
/// ReturnedForRevision; Returned → Submitted; Submitted or Approved → Withdrawn by the employee;
/// Approved → Revoked by the approver. Withdrawing or revoking an approved request keeps the days
/// already worked. Every transition is recorded with who, when and why. A submitted request keeps
/// the policy version and the findings it was judged with.
/// </summary>
public sealed class WorkRequest : AggregateRoot, IAgencyOwned
{
    public const int MaxCommentLength = 1000;

    private readonly List<RequestDay> _days = [];
    private readonly List<RequestTransition> _history = [];

    private WorkRequest(Guid id, Guid agencyId, Guid employeeId, DateTimeOffset now)
    {
        Id = id;
        AgencyId = agencyId;
        EmployeeId = employeeId;
        Status = RequestStatus.Draft;
        CreatedAt = now;
        UpdatedAt = now;
        WorkPlan = [];
        Findings = [];
    }

    private WorkRequest()
    {
        WorkPlan = [];
        Findings = [];
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): two approvers deciding at once cannot both win.</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid EmployeeId { get; private set; }

    public RequestStatus Status { get; private set; }

    public IReadOnlyList<RequestDay> Days => _days;

    public string? Reason { get; private set; }

    public IReadOnlyList<WorkPlanItem> WorkPlan { get; private set; }

    public bool HasEvidence { get; private set; }

    /// <summary>The client's id for a submission, so that a retried submit creates one request.</summary>
    public Guid? ClientSubmissionId { get; private set; }

    /// <summary>The policy version the request was last judged against (0: the regulation template).</summary>
    public int PolicyVersionNumber { get; private set; }

    public IReadOnlyList<Finding> Findings { get; private set; }

    public ApprovalRoute Route { get; private set; }

    /// <summary>While submitted: 1 awaits the supervisor, 2 the unit head.</summary>
    public int Level { get; private set; }

    /// <summary>After a withdrawal or revocation of approved days: the first day no longer approved (earlier days stand).</summary>
    public DateOnly? CancelledFrom { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>When the request last went up a level for waiting too long (null: never).</summary>
    public DateTimeOffset? LastEscalatedAt { get; private set; }

    /// <summary>Since when the request has waited at its current level.</summary>
    public DateTimeOffset? WaitingSince => LastEscalatedAt ?? (Status == RequestStatus.Submitted ? History.LastOrDefault(h => h.To == RequestStatus.Submitted)?.At ?? SubmittedAt : null);

    public IReadOnlyList<RequestTransition> History => _history;

    public DateOnly FirstDay => _days.Count == 0 ? default : _days.Min(d => d.Date);

    public DateOnly LastDay => _days.Count == 0 ? default : _days.Max(d => d.Date);

    public bool IsEditable => Status is RequestStatus.Draft or RequestStatus.ReturnedForRevision;

    public static WorkRequest Create(Guid agencyId, Guid employeeId, DateTimeOffset now, Guid? clientSubmissionId = null) =>
        new(Guid.CreateVersion7(), agencyId, employeeId, now) { ClientSubmissionId = clientSubmissionId };

    /// <summary>Replaces the content; only a draft or a request returned for revision can change.</summary>
    public void Edit(ProposedRequest proposal, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            throw new DomainException("REQUEST_NOT_EDITABLE", Status.ToString());
        }

        if (proposal.Days.Count == 0)
        {
            throw new DomainException("REQUEST_DAYS_REQUIRED");
        }

        _days.Clear();
        _days.AddRange(proposal.Days);
        Reason = proposal.Reason;
        WorkPlan = proposal.WorkPlan;
        HasEvidence = proposal.HasEvidence;
        UpdatedAt = now;
    }

    public void AttachEvidence(DateTimeOffset now)
    {
        EnsureEditable();
        HasEvidence = true;
        UpdatedAt = now;
    }

    public ProposedRequest ToProposal() =>
        new(_days, Reason, WorkPlan, HasEvidence);

    /// <summary>
    /// Submits the request as judged now. A blocking finding stops it; an automatic route
    /// approves it at once.
    /// </summary>
    public void Submit(int policyVersionNumber, IReadOnlyList<Finding> findings, ApprovalRoute route, DateTimeOffset now, string? userId)
    {
        EnsureEditable();
        if (findings.Any(f => f.Severity == FindingSeverity.Block))
        {
            throw new DomainException("REQUEST_BLOCKED", string.Join(", ", findings.Where(f => f.Severity == FindingSeverity.Block).Select(f => f.Code).Distinct()));
        }

        PolicyVersionNumber = policyVersionNumber;
        Findings = findings;
        Route = route;
        Level = 1;
        SubmittedAt = now;
        Move(RequestStatus.Submitted, now, userId, null, null);
        if (route == ApprovalRoute.Auto)
        {
            Move(RequestStatus.Approved, now, null, null, "AUTO_APPROVED");
            return;
        }

        Raise(new RequestSubmitted(this));
    }

    /// <summary>The decision of the current level: a two-level route goes to the unit head after the supervisor.</summary>
    public void Approve(Decider by, DateTimeOffset now, string? comment)
    {
        EnsureStatus(RequestStatus.Submitted);
        EnsureNotOwn(by);
        if (Route == ApprovalRoute.SupervisorThenUnitHead && Level == 1)
        {
            _history.Add(new RequestTransition(Status, Status, now, by.UserId, by.OnBehalfOfUserId, Comment(comment), Level));
            Level = 2;
            UpdatedAt = now;
        }
        else
        {
            Move(RequestStatus.Approved, now, by.UserId, by.OnBehalfOfUserId, comment);
        }

        Raise(new RequestDecided(this, by));
    }

    /// <summary>
    /// A request that waited too long goes up: from the supervisor to the unit head (level 2);
    /// at level 2 it stays, and the escalation only tells the next official. Recorded like any step.
    /// </summary>
    public void Escalate(DateTimeOffset now)
    {
        EnsureStatus(RequestStatus.Submitted);
        _history.Add(new RequestTransition(Status, Status, now, null, null, "ESCALATED", Level));
        Level = Math.Max(Level, 2);
        LastEscalatedAt = now;
        UpdatedAt = now;
        Raise(new RequestEscalated(this));
    }

    public void Reject(Decider by, DateTimeOffset now, string? comment)
    {
        EnsureStatus(RequestStatus.Submitted);
        EnsureNotOwn(by);
        Move(RequestStatus.Rejected, now, by.UserId, by.OnBehalfOfUserId, RequireComment(comment));
        Raise(new RequestDecided(this, by));
    }

    public void ReturnForRevision(Decider by, DateTimeOffset now, string? comment)
    {
        EnsureStatus(RequestStatus.Submitted);
        EnsureNotOwn(by);
        Move(RequestStatus.ReturnedForRevision, now, by.UserId, by.OnBehalfOfUserId, RequireComment(comment));
        Level = 0;
        Raise(new RequestReturned(this, by));
    }

    /// <summary>
    /// The employee takes the request back: a pending one entirely, an approved one from tomorrow
    /// on (the days up to today stand). Only while some day is still ahead.
    /// </summary>
    public void Withdraw(DateOnly today, DateTimeOffset now, string? userId, string? comment)
    {
        if (Status is not (RequestStatus.Submitted or RequestStatus.Approved))
        {
            throw new DomainException("REQUEST_TRANSITION_INVALID", Status.ToString());
        }

        CancelFutureDays(today);
        Move(RequestStatus.Withdrawn, now, userId, null, Comment(comment));
        Raise(new RequestWithdrawn(this));
    }

    /// <summary>The approver takes an approval back, with a reason, from tomorrow on.</summary>
    public void Revoke(Decider by, DateOnly today, DateTimeOffset now, string? comment)
    {
        EnsureStatus(RequestStatus.Approved);
        EnsureNotOwn(by);
        var reason = RequireComment(comment);
        CancelFutureDays(today);
        Move(RequestStatus.Revoked, now, by.UserId, by.OnBehalfOfUserId, reason);
        Raise(new RequestRevoked(this, by));
    }

    /// <summary>Whether the day counts as planned (approved, or pending a decision) for schedules and caps.</summary>
    public bool Plans(DateOnly date) => Status switch
    {
        RequestStatus.Submitted or RequestStatus.Approved => true,
        RequestStatus.Withdrawn or RequestStatus.Revoked => CancelledFrom is { } from && date < from,
        _ => false,
    };

    private void CancelFutureDays(DateOnly today)
    {
        if (LastDay <= today)
        {
            throw new DomainException("REQUEST_NO_FUTURE_DAYS");
        }

        // A pending request had nothing approved to keep; an approved one keeps the days worked.
        CancelledFrom = Status == RequestStatus.Approved ? today.AddDays(1) : FirstDay;
    }

    private void Move(RequestStatus to, DateTimeOffset now, string? userId, string? onBehalfOfUserId, string? comment)
    {
        _history.Add(new RequestTransition(Status, to, now, userId, onBehalfOfUserId, Comment(comment), Level));
        Status = to;
        UpdatedAt = now;
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException("REQUEST_NOT_EDITABLE", Status.ToString());
        }
    }

    /// <summary>Nobody decides on their own request, whatever a delegation or the org chart says.</summary>
    private void EnsureNotOwn(Decider by)
    {
        if (by.EmployeeId == EmployeeId)
        {
            throw new DomainException("REQUEST_OWN_DECISION");
        }
    }

    private void EnsureStatus(RequestStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainException("REQUEST_TRANSITION_INVALID", Status.ToString());
        }
    }

    private static string RequireComment(string? comment) =>
        Comment(comment) ?? throw new DomainException("REQUEST_COMMENT_REQUIRED");

    private static string? Comment(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }

        comment = comment.Trim();
        return comment.Length > MaxCommentLength ? throw new DomainException("REQUEST_COMMENT_TOO_LONG", MaxCommentLength) : comment;
    }
}
