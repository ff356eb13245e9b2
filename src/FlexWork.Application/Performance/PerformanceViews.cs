using FlexWork.Application.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;

namespace FlexWork.Application.Performance;

/// <summary>A period as lists show it; <see cref="AcceptsTargets"/> is the domain's answer.</summary>
public sealed record PeriodView(Guid Id, string Code, DateOnly From, DateOnly To, PeriodLength Length, PeriodState State, bool AcceptsTargets, uint Version)
{
    public static PeriodView Of(PerformancePeriod p) => new(p.Id, p.Code, p.From, p.To, p.Length, p.State, p.AcceptsTargets, p.Version);
}

/// <summary>A target as its employee and their supervisor see it, with what the reports add up to so far; <see cref="AwaitsSupervisor"/> is the domain's answer.</summary>
public sealed record TargetView(
    Guid Id, Guid PeriodId, Guid EmployeeId, string EmployeeName, TargetContent Content, TargetContent? PendingChange, TargetState State,
    bool AwaitsSupervisor, string? SupportsRhk, decimal Reported, IReadOnlyList<TargetStep> History, uint Version)
{
    /// <summary>The reason the employee gave for the change waiting, or the supervisor's last comment.</summary>
    public string? LastComment => History.LastOrDefault(h => h.Comment is not null)?.Comment;
}

public sealed record WorkReportView(
    Guid Id, Guid EmployeeId, string EmployeeName, DateOnly Date, WorkMode Mode, IReadOnlyList<ReportItem> Items, DateTimeOffset SubmittedAt,
    DateTimeOffset Deadline, ReportStatus Status, DateTimeOffset? ReadAt, IReadOnlyList<EvidenceItem> Evidence, uint Version)
{
    /// <param name="evidence">The files of the reports shown, by report (see <see cref="PerformanceQueries.EvidenceAsync"/>).</param>
    public static WorkReportView From(WorkReport r, string name, ILookup<Guid, EvidenceItem> evidence) =>
        new(r.Id, r.EmployeeId, name, r.Date, r.Mode, r.Items, r.SubmittedAt, r.Deadline, r.Status, r.ReadAt, [.. evidence[r.Id]], r.Version);
}

/// <summary>A day that needs (or has) a report, as lists show it; <see cref="Report"/> is null while not written.</summary>
public sealed record ReportDayView(Guid EmployeeId, string EmployeeName, DateOnly Date, WorkMode Mode, DateTimeOffset Deadline, ReportStatus Status, WorkReportView? Report);

/// <summary>What the report form for a day offers: the day, the plan items of the approved request, the agreed targets, the report so far.</summary>
/// <param name="MaxEvidenceFiles">The files the policy lets one report carry.</param>
public sealed record ReportForm(
    ReportDayView Day, IReadOnlyList<WorkPlanItem> Plan, IReadOnlyList<TargetView> Targets, bool Required, string? NotReportable, int MaxEvidenceFiles);

public sealed record FeedbackView(
    Guid Id, Guid EmployeeId, FeedbackKind Kind, Guid? SubjectId, string AuthorName, string Text, DateOnly? HeldOn, string? AgreedActions, DateTimeOffset CreatedAt);

public sealed record EvaluationView(
    Guid? Id, Guid PeriodId, string PeriodCode, PeriodState PeriodState, Guid EmployeeId, string EmployeeName, EvaluationState State,
    string? SelfAssessment, Expectation? Results, Expectation? Behaviour, IReadOnlyList<ValueRating> Values, IReadOnlyList<TargetRealisation> Realisations,
    string? Feedback, PerformanceRating? Predikat, string? EvaluatorName, DateTimeOffset? RatedAt, DateTimeOffset? AcknowledgedAt,
    string? ObjectionReason, string? ObjectionDecision, bool? ObjectionUpheld, DateTimeOffset? FinalAt, uint Version);

/// <summary>What the evaluator works from: the evaluation so far, the agreed targets with their reported realisation, the reports' punctuality.</summary>
public sealed record EvaluationDraft(EvaluationView Evaluation, IReadOnlyList<TargetView> Targets, int ReportsOnTime, int ReportsLate, int ReportsMissing);
