using System.Globalization;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;

namespace FlexWork.Domain.Performance;

/// <summary>How long a performance period runs (PermenPANRB 6/2022: monthly by default, quarterly per policy).</summary>
public enum PeriodLength
{
    Monthly,
    Quarterly,
}

/// <summary>
/// Where a period stands: targets are agreed while planning (and changed, by agreement, while
/// running), reports are written until it closes, evaluations are given during evaluation.
/// </summary>
public enum PeriodState
{
    Planning,
    Running,
    Evaluation,
    Closed,
}

/// <summary>
/// A performance period of an agency: a calendar month or quarter (dates are the employees' local
/// dates), moving forward one state at a time, Planning → Running → Evaluation → Closed.
/// </summary>
public sealed class PerformancePeriod : IAgencyOwned
{
    private PerformancePeriod(Guid id, Guid agencyId, DateOnly from, PeriodLength length, DateTimeOffset now)
    {
        Id = id;
        AgencyId = agencyId;
        From = from;
        Length = length;
        To = from.AddMonths(length == PeriodLength.Quarterly ? 3 : 1).AddDays(-1);
        State = PeriodState.Planning;
        UpdatedAt = now;
    }

    private PerformancePeriod()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The first day: the first of a month (a quarter starts in January, April, July or October).</summary>
    public DateOnly From { get; private set; }

    /// <summary>The last day (inclusive).</summary>
    public DateOnly To { get; private set; }

    public PeriodLength Length { get; private set; }

    public PeriodState State { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A stable short name: "2027-01" for a month, "2027-Q1" for a quarter.</summary>
    public string Code => CodeOf(From, Length);

    public DateRange Range => new(From, To);

    /// <summary>Targets are proposed and agreed while planning and running.</summary>
    public bool AcceptsTargets => State is PeriodState.Planning or PeriodState.Running;

    /// <summary>Work reports may be written and corrected until the period closes.</summary>
    public bool AcceptsReports => State != PeriodState.Closed;

    public static PerformancePeriod Create(Guid agencyId, DateOnly from, PeriodLength length, DateTimeOffset now)
    {
        if (from.Day != 1 || (length == PeriodLength.Quarterly && (from.Month - 1) % 3 != 0))
        {
            throw new DomainException("PERIOD_START_INVALID", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return new PerformancePeriod(Guid.CreateVersion7(), agencyId, from, length, now);
    }

    /// <summary>The period after this one, of the length the policy asks for now.</summary>
    public PerformancePeriod Next(PeriodLength length, DateTimeOffset now)
    {
        var from = To.AddDays(1);
        if (length == PeriodLength.Quarterly && (from.Month - 1) % 3 != 0)
        {
            throw new DomainException("PERIOD_START_INVALID", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return Create(AgencyId, from, length, now);
    }

    public static string CodeOf(DateOnly from, PeriodLength length) => length == PeriodLength.Quarterly
        ? string.Create(CultureInfo.InvariantCulture, $"{from.Year}-Q{((from.Month - 1) / 3) + 1}")
        : from.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The dates the period after one ending on <paramref name="to"/> would cover: where a suspension applies.</summary>
    public static DateRange Following(DateOnly to, PeriodLength length)
    {
        var from = to.AddDays(1);
        return new DateRange(from, from.AddMonths(length == PeriodLength.Quarterly ? 3 : 1).AddDays(-1));
    }

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>One state forward; a closed period stays closed.</summary>
    public void Advance(DateTimeOffset now)
    {
        State = State switch
        {
            PeriodState.Planning => PeriodState.Running,
            PeriodState.Running => PeriodState.Evaluation,
            PeriodState.Evaluation => PeriodState.Closed,
            _ => throw new DomainException("PERIOD_CLOSED", Code),
        };
        UpdatedAt = now;
    }

    public void EnsureAcceptsTargets()
    {
        if (!AcceptsTargets)
        {
            throw new DomainException("PERIOD_NOT_ACCEPTING_TARGETS", Code, State.ToString());
        }
    }

    /// <summary>Nothing in a closed period changes any more.</summary>
    public void EnsureNotClosed()
    {
        if (State == PeriodState.Closed)
        {
            throw new DomainException("PERIOD_CLOSED", Code);
        }
    }

    public void EnsureInEvaluation()
    {
        if (State != PeriodState.Evaluation)
        {
            throw new DomainException(State == PeriodState.Closed ? "PERIOD_CLOSED" : "PERIOD_NOT_IN_EVALUATION", Code);
        }
    }
}
