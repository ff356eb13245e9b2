using FlexWork.Domain.Common;

namespace FlexWork.Domain.Requests;

/// <summary>The request waits for a decision at its <see cref="WorkRequest.Level"/> (not raised when the route approves it at once).</summary>
public sealed record RequestSubmitted(WorkRequest Request) : IDomainEvent;

/// <summary>
/// An approver approved or rejected. After the first of two levels the request is still
/// <see cref="RequestStatus.Submitted"/> and waits for the unit head.
/// </summary>
public sealed record RequestDecided(WorkRequest Request, Decider By) : IDomainEvent;

public sealed record RequestReturned(WorkRequest Request, Decider By) : IDomainEvent;

public sealed record RequestWithdrawn(WorkRequest Request) : IDomainEvent;

public sealed record RequestRevoked(WorkRequest Request, Decider By) : IDomainEvent;

/// <summary>The request waited too long and went up to (or reminds) whoever decides at its level now.</summary>
public sealed record RequestEscalated(WorkRequest Request) : IDomainEvent;
