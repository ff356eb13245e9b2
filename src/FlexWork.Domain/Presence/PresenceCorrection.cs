using FlexWork.Domain.Common;

namespace FlexWork.Domain.Presence;

public enum CorrectionStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>Why a working day had no presence, when the supervisor accepts it: it is then no absence.</summary>
public enum AbsenceExcuse
{
    /// <summary>Cuti.</summary>
    Leave,

    /// <summary>Sakit.</summary>
    Sick,

    /// <summary>Dinas luar or another assignment away from work.</summary>
    OfficialDuty,

    Other,
}

/// <summary>
/// A request to put a day's presence right (a forgotten check-in or check-out, a wrong time): the
/// times the person says are true and why, or the reason they were not at work (an
/// <see cref="AbsenceExcuse"/>: leave, sickness, duty elsewhere). It counts only once the supervisor
/// approves it; nobody approves their own.
/// </summary>
public sealed class PresenceCorrection : IAgencyOwned
{
    public const int MaxTextLength = 1000;

    /// <summary>How far back a day can be corrected: a month, so that the monthly recap settles.</summary>
    public const int MaxAgeDays = 31;

    private PresenceCorrection(Guid agencyId, Guid employeeId, DateOnly date, string reason)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        EmployeeId = employeeId;
        Date = date;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): two supervisors deciding at once cannot both win.</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid EmployeeId { get; private set; }

    /// <summary>The person's local date corrected.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>The times asked for; null for an <see cref="Excuse"/>.</summary>
    public DateTimeOffset? CheckedInAt { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    /// <summary>Why the person was not at work, for a day without presence; null for corrected times.</summary>
    public AbsenceExcuse? Excuse { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public CorrectionStatus Status { get; private set; }

    public Guid? DeciderEmployeeId { get; private set; }

    public string? DeciderUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionComment { get; private set; }

    /// <summary>
    /// The times are the person's local clock on <paramref name="date"/> in their zone; check-out
    /// after check-in, neither in the future, the day at most <see cref="MaxAgeDays"/> back, and a reason.
    /// </summary>
    public static PresenceCorrection Request(
        Guid agencyId, Guid employeeId, DateOnly date, TimeOnly checkIn, TimeOnly checkOut, string timeZoneId, string? reason, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(IndonesianTimeZones.Require(timeZoneId));
        DateTimeOffset At(TimeOnly time)
        {
            var local = date.ToDateTime(time);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        EnsureWithinWindow(date, timeZoneId, now);
        if (checkOut <= checkIn)
        {
            throw new DomainException("PRESENCE_CHECKOUT_BEFORE_CHECKIN");
        }

        var (checkedInAt, checkedOutAt) = (At(checkIn), At(checkOut));
        if (checkedOutAt > now)
        {
            throw new DomainException("PRESENCE_CORRECTION_FUTURE");
        }

        return new PresenceCorrection(agencyId, employeeId, date, Guard.RequiredText(reason, MaxTextLength, "PRESENCE_CORRECTION_REASON_REQUIRED"))
        {
            CheckedInAt = checkedInAt,
            CheckedOutAt = checkedOutAt,
            RequestedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>A day not worked, with its excuse and the reason in words; the same window as a correction of times.</summary>
    public static PresenceCorrection ExcuseAbsence(
        Guid agencyId, Guid employeeId, DateOnly date, AbsenceExcuse excuse, string timeZoneId, string? reason, DateTimeOffset now)
    {
        EnsureWithinWindow(date, timeZoneId, now);
        return new PresenceCorrection(agencyId, employeeId, date, Guard.RequiredText(reason, MaxTextLength, "PRESENCE_CORRECTION_REASON_REQUIRED"))
        {
            Excuse = Enum.IsDefined(excuse) ? excuse : throw new DomainException("PRESENCE_EXCUSE_INVALID"),
            RequestedAt = now.ToUniversalTime(),
        };
    }

    public void Approve(Guid deciderEmployeeId, string? deciderUserId, string? comment, DateTimeOffset now) =>
        Decide(CorrectionStatus.Approved, deciderEmployeeId, deciderUserId, Guard.Text(comment, MaxTextLength), now);

    /// <summary>A refusal says why, so the person can ask again with what was missing.</summary>
    public void Reject(Guid deciderEmployeeId, string? deciderUserId, string? comment, DateTimeOffset now) =>
        Decide(CorrectionStatus.Rejected, deciderEmployeeId, deciderUserId, Guard.RequiredText(comment, MaxTextLength, "COMMENT_REQUIRED"), now);

    private static void EnsureWithinWindow(DateOnly date, string timeZoneId, DateTimeOffset now)
    {
        var today = PresenceSlot.LocalDate(now, timeZoneId);
        if (date > today)
        {
            throw new DomainException("PRESENCE_CORRECTION_FUTURE");
        }

        if (date < today.AddDays(-MaxAgeDays))
        {
            throw new DomainException("PRESENCE_CORRECTION_TOO_OLD", MaxAgeDays);
        }
    }

    private void Decide(CorrectionStatus status, Guid deciderEmployeeId, string? deciderUserId, string? comment, DateTimeOffset now)
    {
        if (deciderEmployeeId == EmployeeId)
        {
            throw new DomainException("PRESENCE_OWN_DECISION");
        }

        if (Status != CorrectionStatus.Pending)
        {
            throw new DomainException("PRESENCE_CORRECTION_DECIDED");
        }

        (Status, DeciderEmployeeId, DeciderUserId, DecisionComment, DecidedAt) = (status, deciderEmployeeId, deciderUserId, comment, now.ToUniversalTime());
    }
}
