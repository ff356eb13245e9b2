using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;

namespace FlexWork.Application.Requests;

/// <summary>
/// A day that a request still plans (<see cref="WorkRequest.Plans"/>), as the schedules, the caps
/// and the feed read it. Init properties rather than a constructor, so that queries can go on
/// filtering on them in SQL.
/// </summary>
public sealed record PlannedRequestDay
{
    public required Guid RequestId { get; init; }

    public required Guid EmployeeId { get; init; }

    public required RequestStatus Status { get; init; }

    public required DateOnly Date { get; init; }

    public required WorkMode Mode { get; init; }

    public TimeOnly? Start { get; init; }

    public TimeOnly? End { get; init; }

    /// <summary>The approved location of the day (another office, another place), if one was chosen.</summary>
    public Guid? LocationId { get; init; }
}

public static class PlannedDayQueries
{
    /// <summary>
    /// The days these requests still plan in the range, in SQL: pending or approved, or before the
    /// day a withdrawal or revocation took effect. The database side of
    /// <see cref="WorkRequest.Plans"/>, which <c>PlannedDaysTests</c> holds to the same answer.
    /// </summary>
    public static IQueryable<PlannedRequestDay> PlannedDays(this IQueryable<WorkRequest> requests, DateOnly from, DateOnly to) =>
        requests
            .Where(r => r.Status == RequestStatus.Submitted || r.Status == RequestStatus.Approved
                || ((r.Status == RequestStatus.Withdrawn || r.Status == RequestStatus.Revoked) && r.CancelledFrom != null))
            .SelectMany(r => r.Days, (r, d) => new { r, d })
            .Where(x => x.d.Date >= from && x.d.Date <= to
                && (x.r.Status == RequestStatus.Submitted || x.r.Status == RequestStatus.Approved || x.d.Date < x.r.CancelledFrom))
            .Select(x => new PlannedRequestDay
            {
                RequestId = x.r.Id, EmployeeId = x.r.EmployeeId, Status = x.r.Status, Date = x.d.Date, Mode = x.d.Mode, Start = x.d.Start, End = x.d.End,
                LocationId = x.d.LocationId,
            });

    /// <summary>
    /// The days these requests plan with the approver's consent (approved, or before a cancellation
    /// took effect): what people may actually do, for presence, reports and the feed. A pending
    /// request is not a permission yet.
    /// </summary>
    public static IQueryable<PlannedRequestDay> ApprovedDays(this IQueryable<WorkRequest> requests, DateOnly from, DateOnly to) =>
        requests.PlannedDays(from, to).Where(d => d.Status != RequestStatus.Submitted);
}
