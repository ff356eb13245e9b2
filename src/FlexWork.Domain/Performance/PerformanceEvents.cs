using FlexWork.Domain.Common;
using FlexWork.Domain.Requests;

namespace FlexWork.Domain.Performance;

/// <summary>A target, or a change to an agreed one, waits for the supervisor.</summary>
public sealed record TargetProposed(PerformanceTarget Target) : IDomainEvent;

public sealed record TargetDecided(PerformanceTarget Target, Decider By, bool Agreed) : IDomainEvent;

public sealed record ReportWritten(WorkReport Report) : IDomainEvent;

public sealed record FeedbackGiven(Feedback Feedback) : IDomainEvent;

/// <summary>The supervisor rated the period: the employee is to acknowledge or object.</summary>
public sealed record EvaluationRated(Evaluation Evaluation) : IDomainEvent;

/// <summary>The employee objected: the evaluator's superior is to decide.</summary>
public sealed record EvaluationObjected(Evaluation Evaluation, Guid SuperiorEmployeeId) : IDomainEvent;

/// <summary>The predikat is final (acknowledged, decided on objection, or deemed accepted when the period closed).</summary>
public sealed record EvaluationFinal(Evaluation Evaluation) : IDomainEvent;
