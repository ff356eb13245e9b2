using FlexWork.Domain.Common;
using FlexWork.Domain.Requests;

namespace FlexWork.Domain.Performance;

/// <summary>The aspect an indicator measures (PermenPANRB 6/2022).</summary>
public enum TargetAspect
{
    Kuantitas,
    Kualitas,
    Waktu,
    Biaya,
}

/// <summary>
/// Draft (the employee's own) → Proposed → Agreed by the supervisor, or Returned with a comment
/// and proposed again. An agreed target changes only through a proposed change the supervisor
/// agrees (<see cref="PerformanceTarget.PendingChange"/>).
/// </summary>
public enum TargetState
{
    Draft,
    Proposed,
    Returned,
    Agreed,
}

/// <summary>
/// What a target says: the Rencana Hasil Kerja, the supervisor's RHK it supports (intervensi),
/// the indicator (Indikator Kinerja Individu) and its aspect, and the target itself: a value in
/// a unit ("12 dokumen"), or a qualitative target ("tanpa revisi dari pimpinan").
/// </summary>
public sealed record TargetContent(
    string Rhk, string Indicator, TargetAspect Aspect, decimal? Value = null, string? Unit = null, string? Qualitative = null, Guid? SupportsTargetId = null)
{
    public const int MaxTextLength = 500;
    public const int MaxUnitLength = 50;
    public const decimal MaxValue = 1_000_000_000m;

    /// <summary>The same content, trimmed, or the first broken rule.</summary>
    public TargetContent Checked()
    {
        var rhk = Guard.RequiredText(Rhk, MaxTextLength, "TARGET_RHK_REQUIRED");
        var indicator = Guard.RequiredText(Indicator, MaxTextLength, "TARGET_INDICATOR_REQUIRED");
        var unit = Guard.Text(Unit, MaxUnitLength);
        var qualitative = Guard.Text(Qualitative, MaxTextLength);
        if (!Enum.IsDefined(Aspect))
        {
            throw new DomainException("TARGET_ASPECT_INVALID");
        }

        if (Value is null && qualitative is null)
        {
            throw new DomainException("TARGET_VALUE_REQUIRED");
        }

        if (Value is { } value)
        {
            if (value <= 0 || value > MaxValue)
            {
                throw new DomainException("TARGET_VALUE_INVALID", MaxValue);
            }

            if (unit is null)
            {
                throw new DomainException("TARGET_UNIT_REQUIRED");
            }
        }

        return this with { Rhk = rhk, Indicator = indicator, Unit = Value is null ? null : unit, Qualitative = qualitative };
    }
}

/// <summary>A step of a target's agreement: who moved it, when, why; <see cref="Change"/> names a change to an agreed target.</summary>
public sealed record TargetStep(
    TargetState From, TargetState To, DateTimeOffset At, string? ActorUserId, string? OnBehalfOfUserId, string? Comment, TargetChange Change = TargetChange.None);

public enum TargetChange
{
    None,
    Proposed,
    Agreed,
    Returned,
}

/// <summary>
/// A performance target (Rencana Hasil Kerja) of one employee for one period: proposed by the
/// employee, agreed by the supervisor (or the acting official), changed only by agreement.
/// </summary>
public sealed class PerformanceTarget : AggregateRoot, IAgencyOwned
{
    public const int MaxCommentLength = 1000;

    private PerformanceTarget(Guid id, Guid agencyId, Guid periodId, Guid employeeId, TargetContent content, DateTimeOffset now)
    {
        Id = id;
        AgencyId = agencyId;
        PeriodId = periodId;
        EmployeeId = employeeId;
        Content = content;
        State = TargetState.Draft;
        CreatedAt = now;
        UpdatedAt = now;
    }

    private PerformanceTarget()
    {
        Content = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): an agreement and an edit at once cannot both win.</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid PeriodId { get; private set; }

    public Guid EmployeeId { get; private set; }

    public TargetContent Content { get; private set; }

    /// <summary>A change to an agreed target the supervisor has not agreed yet; the agreed content stands meanwhile.</summary>
    public TargetContent? PendingChange { get; private set; }

    public TargetState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<TargetStep> History { get; private set; } = [];

    /// <summary>Whether the supervisor has something to decide: a proposal, or a change to an agreed target.</summary>
    public bool AwaitsSupervisor => State == TargetState.Proposed || PendingChange is not null;

    public static PerformanceTarget Create(PerformancePeriod period, Guid employeeId, TargetContent content, DateTimeOffset now)
    {
        period.EnsureAcceptsTargets();
        return new PerformanceTarget(Guid.CreateVersion7(), period.AgencyId, period.Id, employeeId, content.Checked(), now);
    }

    /// <summary>The employee rewrites a target not agreed yet (a proposal stays proposed).</summary>
    public void Edit(PerformancePeriod period, TargetContent content, DateTimeOffset now)
    {
        period.EnsureAcceptsTargets();
        if (State == TargetState.Agreed)
        {
            throw new DomainException("TARGET_AGREED_CHANGE_BY_PROPOSAL");
        }

        Content = content.Checked();
        UpdatedAt = now;
    }

    public void Propose(PerformancePeriod period, DateTimeOffset now, string? userId)
    {
        period.EnsureAcceptsTargets();
        if (State is not (TargetState.Draft or TargetState.Returned))
        {
            throw new DomainException("TARGET_TRANSITION_INVALID", State.ToString());
        }

        Move(TargetState.Proposed, now, userId, null, null);
        Raise(new TargetProposed(this));
    }

    /// <summary>The employee asks to change an agreed target, saying why; the agreed content stands until the supervisor agrees.</summary>
    public void ProposeChange(PerformancePeriod period, TargetContent content, string? reason, DateTimeOffset now, string? userId)
    {
        period.EnsureAcceptsTargets();
        if (State != TargetState.Agreed)
        {
            throw new DomainException("TARGET_TRANSITION_INVALID", State.ToString());
        }

        PendingChange = content.Checked();
        History = [.. History, new TargetStep(State, State, now, userId, null, RequireComment(reason), TargetChange.Proposed)];
        UpdatedAt = now;
        Raise(new TargetProposed(this));
    }

    /// <summary>The supervisor agrees the proposal, or the proposed change to an agreed target.</summary>
    public void Agree(PerformancePeriod period, Decider by, DateTimeOffset now, string? comment)
    {
        period.EnsureAcceptsTargets();
        EnsureNotOwn(by);
        if (PendingChange is { } change)
        {
            Content = change;
            PendingChange = null;
            History = [.. History, new TargetStep(State, State, now, by.UserId, by.OnBehalfOfUserId, Comment(comment), TargetChange.Agreed)];
            UpdatedAt = now;
        }
        else
        {
            EnsureState(TargetState.Proposed);
            Move(TargetState.Agreed, now, by.UserId, by.OnBehalfOfUserId, comment);
        }

        Raise(new TargetDecided(this, by, Agreed: true));
    }

    /// <summary>The supervisor sends a proposal back, or turns down a change (the agreed target stands), with a comment.</summary>
    public void Return(PerformancePeriod period, Decider by, DateTimeOffset now, string? comment)
    {
        period.EnsureAcceptsTargets();
        EnsureNotOwn(by);
        var reason = RequireComment(comment);
        if (PendingChange is not null)
        {
            PendingChange = null;
            History = [.. History, new TargetStep(State, State, now, by.UserId, by.OnBehalfOfUserId, reason, TargetChange.Returned)];
            UpdatedAt = now;
        }
        else
        {
            EnsureState(TargetState.Proposed);
            Move(TargetState.Returned, now, by.UserId, by.OnBehalfOfUserId, reason);
        }

        Raise(new TargetDecided(this, by, Agreed: false));
    }

    /// <summary>Only a target nobody has agreed can be deleted.</summary>
    public void EnsureDeletable(PerformancePeriod period)
    {
        period.EnsureAcceptsTargets();
        if (State is TargetState.Agreed or TargetState.Proposed)
        {
            throw new DomainException("TARGET_NOT_DELETABLE", State.ToString());
        }
    }

    /// <summary>A copy of this target's content as a new draft in another period (the supervisor's RHK it supported belongs to the old period).</summary>
    public PerformanceTarget CopyTo(PerformancePeriod period, DateTimeOffset now) =>
        Create(period, EmployeeId, Content with { SupportsTargetId = null }, now);

    private void Move(TargetState to, DateTimeOffset now, string? userId, string? onBehalfOfUserId, string? comment)
    {
        History = [.. History, new TargetStep(State, to, now, userId, onBehalfOfUserId, Comment(comment))];
        State = to;
        UpdatedAt = now;
    }

    private void EnsureState(TargetState expected)
    {
        if (State != expected)
        {
            throw new DomainException("TARGET_TRANSITION_INVALID", State.ToString());
        }
    }

    /// <summary>Nobody agrees their own targets, whatever a delegation says.</summary>
    private void EnsureNotOwn(Decider by)
    {
        if (by.EmployeeId == EmployeeId)
        {
            throw new DomainException("TARGET_OWN_DECISION");
        }
    }

    private static string RequireComment(string? comment) => Guard.RequiredText(comment, MaxCommentLength, "COMMENT_REQUIRED");

    private static string? Comment(string? comment) => Guard.Text(comment, MaxCommentLength);
}
