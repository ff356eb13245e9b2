using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;

namespace FlexWork.Application.Requests;

/// <summary>A request as its employee and its approvers see it.</summary>
public sealed record RequestDetails(
    Guid Id,
    RequestStatus Status,
    uint Version,
    Guid EmployeeId,
    string EmployeeName,
    IReadOnlyList<RequestDay> Days,
    string? Reason,
    IReadOnlyList<WorkPlanItem> WorkPlan,
    bool HasEvidence,
    int PolicyVersion,
    IReadOnlyList<Finding> Findings,
    ApprovalRoute Route,
    int Level,
    DateOnly? CancelledFrom,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<RequestTransition> History)
{
    public static RequestDetails From(WorkRequest r, string employeeName) => new(
        r.Id, r.Status, r.Version, r.EmployeeId, employeeName, r.Days, r.Reason, r.WorkPlan, r.HasEvidence, r.PolicyVersionNumber,
        r.Findings, r.Route, r.Level, r.CancelledFrom, r.CreatedAt, r.SubmittedAt, r.History);
}

public sealed record RequestSummary(
    Guid Id, RequestStatus Status, uint Version, Guid EmployeeId, string EmployeeName, DateOnly FirstDay, DateOnly LastDay, int DayCount,
    int RemoteDays, int BlockingFindings, int Warnings, DateTimeOffset? SubmittedAt);

/// <summary>A request's findings held back a submission: the caller sees them by rule code.</summary>
public sealed class RequestBlockedException(IReadOnlyList<Finding> findings) : Exception("The request has blocking findings.")
{
    public IReadOnlyList<Finding> Findings { get; } = findings;
}
