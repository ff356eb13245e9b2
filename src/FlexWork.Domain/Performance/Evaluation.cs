using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Requests;

namespace FlexWork.Domain.Performance;

/// <summary>
/// Open (the employee writes a self-assessment, the supervisor prepares) → Rated → Final when the
/// employee acknowledges, or Objected → Final when the evaluator's superior decides the objection.
/// A rating nobody answered becomes final when the period closes.
/// </summary>
public enum EvaluationState
{
    Open,
    Rated,
    Objected,
    Final,
}

/// <summary>One BerAKHLAK value and how the employee's behaviour met it.</summary>
public sealed record ValueRating(BerAkhlak Value, Expectation Rating);

/// <summary>
/// The realisation of one target: what the reports add up to, and where the evaluator sets it
/// otherwise (a quality target, a report that undercounts), the figure used with the reason.
/// </summary>
public sealed record TargetRealisation(Guid TargetId, decimal Reported, decimal? Adjusted = null, string? Reason = null)
{
    public const int MaxReasonLength = 500;

    public decimal Realised => Adjusted ?? Reported;

    public TargetRealisation Checked()
    {
        if (Adjusted is < 0 || Adjusted > TargetContent.MaxValue)
        {
            throw new DomainException("REALISATION_INVALID", TargetContent.MaxValue);
        }

        var reason = Guard.Text(Reason, MaxReasonLength);
        return Adjusted is not null && Adjusted != Reported && reason is null
            ? throw new DomainException("REALISATION_REASON_REQUIRED")
            : this with { Reason = reason };
    }
}

/// <summary>What the evaluator decides: results and behaviour against expectations, each of the seven values, feedback, the realisations.</summary>
public sealed record EvaluationRating(
    Expectation Results, Expectation Behaviour, IReadOnlyList<ValueRating> Values, string? Feedback, IReadOnlyList<TargetRealisation> Realisations);

public sealed record EvaluationStep(
    EvaluationState From, EvaluationState To, DateTimeOffset At, string? ActorUserId, string? OnBehalfOfUserId, string? Comment);

/// <summary>
/// The evaluation of one employee for one period (penilaian kinerja, PermenPANRB 6/2022): the
/// evaluator rates results and behaviour, the predikat follows by <see cref="Predikat.Of"/>, the
/// employee acknowledges or objects (keberatan), and the evaluator's superior decides an objection.
/// </summary>
public sealed class Evaluation : AggregateRoot, IAgencyOwned
{
    public const int MaxTextLength = 4000;

    private Evaluation(Guid agencyId, Guid periodId, Guid employeeId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        PeriodId = periodId;
        EmployeeId = employeeId;
        State = EvaluationState.Open;
        UpdatedAt = now;
        Values = [];
        Realisations = [];
    }

    private Evaluation()
    {
        Values = [];
        Realisations = [];
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): an acknowledgement and an objection at once cannot both win.</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid PeriodId { get; private set; }

    public Guid EmployeeId { get; private set; }

    public EvaluationState State { get; private set; }

    /// <summary>The employee's own assessment, input for the evaluator.</summary>
    public string? SelfAssessment { get; private set; }

    public Expectation? Results { get; private set; }

    public Expectation? Behaviour { get; private set; }

    public IReadOnlyList<ValueRating> Values { get; private set; }

    public IReadOnlyList<TargetRealisation> Realisations { get; private set; }

    /// <summary>The evaluator's feedback.</summary>
    public string? FeedbackText { get; private set; }

    public PerformanceRating? Predikat { get; private set; }

    public Guid? EvaluatorEmployeeId { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public string? ObjectionReason { get; private set; }

    /// <summary>Who decides the objection: the evaluator's own superior.</summary>
    public Guid? ObjectionDeciderEmployeeId { get; private set; }

    /// <summary>Whether the decision on the objection changed the rating.</summary>
    public bool? ObjectionUpheld { get; private set; }

    public string? ObjectionDecision { get; private set; }

    public DateTimeOffset? FinalAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<EvaluationStep> History { get; private set; } = [];

    /// <summary>When the employee acknowledged the rating; null when they objected or let the period close.</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public static Evaluation Open(PerformancePeriod period, Guid employeeId, DateTimeOffset now)
    {
        period.EnsureNotClosed();
        return new Evaluation(period.AgencyId, period.Id, employeeId, now);
    }

    public void WriteSelfAssessment(PerformancePeriod period, string? text, DateTimeOffset now)
    {
        period.EnsureNotClosed();
        EnsureState(EvaluationState.Open);
        SelfAssessment = Guard.Text(text, MaxTextLength);
        UpdatedAt = now;
    }

    /// <summary>The evaluator (or the acting official) rates the period, during its evaluation only.</summary>
    public void Rate(PerformancePeriod period, Decider by, EvaluationRating rating, DateTimeOffset now)
    {
        period.EnsureInEvaluation();
        EnsureState(EvaluationState.Open);
        if (by.EmployeeId == EmployeeId)
        {
            throw new DomainException("EVALUATION_OWN");
        }

        if (!Enum.IsDefined(rating.Results) || !Enum.IsDefined(rating.Behaviour)
            || rating.Values.Count != Enum.GetValues<BerAkhlak>().Length
            || rating.Values.Select(v => v.Value).Distinct().Count() != rating.Values.Count
            || rating.Values.Any(v => !Enum.IsDefined(v.Value) || !Enum.IsDefined(v.Rating)))
        {
            throw new DomainException("EVALUATION_VALUES_INCOMPLETE");
        }

        if (rating.Realisations.Select(r => r.TargetId).Distinct().Count() != rating.Realisations.Count)
        {
            throw new DomainException("REALISATION_DUPLICATE");
        }

        Realisations = [.. rating.Realisations.Select(r => r.Checked())];
        FeedbackText = Guard.RequiredText(rating.Feedback, MaxTextLength, "EVALUATION_FEEDBACK_REQUIRED");
        Values = [.. rating.Values.OrderBy(v => v.Value)];
        (Results, Behaviour) = (rating.Results, rating.Behaviour);
        Predikat = Performance.Predikat.Of(rating.Results, rating.Behaviour);
        EvaluatorEmployeeId = by.EmployeeId;
        RatedAt = now;
        Move(EvaluationState.Rated, now, by.UserId, by.OnBehalfOfUserId, null);
        Raise(new EvaluationRated(this));
    }

    public void Acknowledge(PerformancePeriod period, DateTimeOffset now, string? userId)
    {
        period.EnsureNotClosed();
        EnsureState(EvaluationState.Rated);
        AcknowledgedAt = now;
        Move(EvaluationState.Final, now, userId, null, null);
        Raise(new EvaluationFinal(this));
    }

    /// <summary>The employee objects (keberatan) with a reason; <paramref name="superiorEmployeeId"/> decides, never the evaluator.</summary>
    public void FileObjection(PerformancePeriod period, string? reason, Guid superiorEmployeeId, DateTimeOffset now, string? userId)
    {
        period.EnsureNotClosed();
        EnsureState(EvaluationState.Rated);
        if (superiorEmployeeId == EvaluatorEmployeeId || superiorEmployeeId == EmployeeId)
        {
            throw new DomainException("OBJECTION_NO_SUPERIOR");
        }

        ObjectionReason = Guard.RequiredText(reason, MaxTextLength, "OBJECTION_REASON_REQUIRED");
        ObjectionDeciderEmployeeId = superiorEmployeeId;
        Move(EvaluationState.Objected, now, userId, null, null);
        Raise(new EvaluationObjected(this, superiorEmployeeId));
    }

    /// <summary>
    /// The superior decides the objection with a reason: new ratings change the predikat (upheld),
    /// none keep it (rejected). Neither the employee nor the evaluator decides it.
    /// </summary>
    public void DecideObjection(Decider by, Expectation? results, Expectation? behaviour, string? reason, DateTimeOffset now)
    {
        EnsureState(EvaluationState.Objected);
        if (by.EmployeeId == EmployeeId || by.EmployeeId == EvaluatorEmployeeId)
        {
            throw new DomainException("OBJECTION_OWN_DECISION");
        }

        ObjectionDecision = Guard.RequiredText(reason, MaxTextLength, "OBJECTION_DECISION_REQUIRED");
        var (newResults, newBehaviour) = (results ?? Results!.Value, behaviour ?? Behaviour!.Value);
        ObjectionUpheld = newResults != Results || newBehaviour != Behaviour;
        (Results, Behaviour) = (newResults, newBehaviour);
        Predikat = Performance.Predikat.Of(newResults, newBehaviour);
        Move(EvaluationState.Final, now, by.UserId, by.OnBehalfOfUserId, ObjectionUpheld.Value ? "OBJECTION_UPHELD" : "OBJECTION_REJECTED");
        Raise(new EvaluationFinal(this));
    }

    /// <summary>When the period closes, a rating the employee did not answer stands as given.</summary>
    public void DeemAccepted(DateTimeOffset now)
    {
        EnsureState(EvaluationState.Rated);
        Move(EvaluationState.Final, now, null, null, "DEEMED_ACCEPTED");
        Raise(new EvaluationFinal(this));
    }

    private void Move(EvaluationState to, DateTimeOffset now, string? userId, string? onBehalfOfUserId, string? comment)
    {
        History = [.. History, new EvaluationStep(State, to, now, userId, onBehalfOfUserId, comment)];
        State = to;
        UpdatedAt = now;
        if (to == EvaluationState.Final)
        {
            FinalAt = now;
        }
    }

    private void EnsureState(EvaluationState expected)
    {
        if (State != expected)
        {
            throw new DomainException("EVALUATION_TRANSITION_INVALID", State.ToString());
        }
    }
}
