using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;

namespace FlexWork.Domain.Performance;

/// <summary>
/// One line of a work report: what was done (for a plan item, or besides the plan), the output
/// and the quantity realised, and the agreed target it counts towards.
/// </summary>
public sealed record ReportItem(string Activity, string? Output = null, decimal? Quantity = null, Guid? TargetId = null)
{
    public const int MaxActivityLength = 1000;
    public const int MaxOutputLength = 500;

    public ReportItem Checked()
    {
        if (Quantity is < 0)
        {
            throw new DomainException("REPORT_QUANTITY_NEGATIVE");
        }

        if (Quantity > TargetContent.MaxValue)
        {
            throw new DomainException("REPORT_QUANTITY_INVALID", TargetContent.MaxValue);
        }

        return this with
        {
            Activity = Guard.RequiredText(Activity, MaxActivityLength, "REPORT_ACTIVITY_REQUIRED"),
            Output = Guard.Text(Output, MaxOutputLength),
        };
    }
}

/// <summary>
/// A day as the schedule has it for one employee: where it is worked, whether it is a working
/// day, when its report is due, and the period it falls in (none when the agency has none yet).
/// </summary>
public sealed record ReportDay(DateOnly Date, WorkMode Mode, bool IsWorkingDay, DateTimeOffset Deadline, PerformancePeriod? Period)
{
    /// <summary>Without a period, a day's report may still be written this many days on.</summary>
    public const int DaysOpenWithoutPeriod = 31;

    /// <summary>Whether a report may be written for the day now: a working day, up to today, in a period not closed.</summary>
    public bool IsReportable(DateOnly today) => ReportableError(today) is null;

    public string? ReportableError(DateOnly today) => this switch
    {
        _ when Date > today => "REPORT_DAY_FUTURE",
        { IsWorkingDay: false } => "REPORT_DAY_NOT_PLANNED",
        { Period.AcceptsReports: false } => "PERIOD_CLOSED",
        { Period: null } when Date < today.AddDays(-DaysOpenWithoutPeriod) => "REPORT_DAY_TOO_OLD",
        _ => null,
    };
}

/// <summary>Where a day's report stands for the employee and the supervisor.</summary>
public enum ReportStatus
{
    /// <summary>Not written, the deadline still ahead.</summary>
    Due,

    /// <summary>Not written, the deadline passed: flagged to the supervisor and counted.</summary>
    Overdue,

    OnTime,

    /// <summary>Written after the deadline: counted as late.</summary>
    Late,
}

/// <summary>
/// The daily work report (laporan kerja) of one employee for one working day: what was done,
/// against the day's work plan. The deadline is fixed when the day's report is first written;
/// the employee may correct it until the period closes, and lateness counts from the first writing.
/// </summary>
public sealed class WorkReport : AggregateRoot, IAgencyOwned
{
    public const int MaxItems = 20;

    private WorkReport(Guid id, Guid agencyId, Guid employeeId, DateOnly date, WorkMode mode, DateTimeOffset deadline, DateTimeOffset now)
    {
        Id = id;
        AgencyId = agencyId;
        EmployeeId = employeeId;
        Date = date;
        Mode = mode;
        Deadline = deadline.ToUniversalTime(); // instants are stored in UTC; the day's own offset is for showing it
        SubmittedAt = now;
        UpdatedAt = now;
        Items = [];
    }

    private WorkReport()
    {
        Items = [];
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid EmployeeId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>Where the day was worked, as the schedule had it.</summary>
    public WorkMode Mode { get; private set; }

    public IReadOnlyList<ReportItem> Items { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    /// <summary>When the report was first written; lateness counts from here.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Evidence files attached (<see cref="ReportEvidence"/>); the policy caps them per report.</summary>
    public int EvidenceFiles { get; private set; }

    public bool HasEvidence => EvidenceFiles > 0;

    /// <summary>When the supervisor (or the acting official) read it; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public string? ReadByUserId { get; private set; }

    public bool IsLate => SubmittedAt > Deadline;

    public ReportStatus Status => IsLate ? ReportStatus.Late : ReportStatus.OnTime;

    /// <summary>The first report for a day: a working day up to today, in a period still open (<see cref="ReportDay.IsReportable"/>).</summary>
    public static WorkReport Write(Guid agencyId, Guid employeeId, ReportDay day, IReadOnlyList<ReportItem> items, DateOnly today, DateTimeOffset now)
    {
        if (day.ReportableError(today) is { } error)
        {
            throw new DomainException(error, day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var report = new WorkReport(Guid.CreateVersion7(), agencyId, employeeId, day.Date, day.Mode, day.Deadline, now);
        report.Items = Checked(items);
        report.Raise(new ReportWritten(report));
        return report;
    }

    /// <summary>The employee corrects the report; a read report becomes unread again, so the supervisor sees the change.</summary>
    public void Revise(PerformancePeriod? period, IReadOnlyList<ReportItem> items, DateTimeOffset now)
    {
        period?.EnsureNotClosed();
        Items = Checked(items);
        Changed(now);
    }

    /// <summary>A file more, while the period is open and the policy's cap allows; like a correction, it makes the report unread.</summary>
    public void AttachEvidence(PerformancePeriod? period, int maxFiles, DateTimeOffset now)
    {
        period?.EnsureNotClosed();
        if (EvidenceFiles >= maxFiles)
        {
            throw new DomainException("REPORT_EVIDENCE_TOO_MANY_FILES", maxFiles);
        }

        EvidenceFiles++;
        Changed(now);
    }

    public void RemoveEvidence(PerformancePeriod? period, DateTimeOffset now)
    {
        period?.EnsureNotClosed();
        EvidenceFiles = Math.Max(0, EvidenceFiles - 1);
        Changed(now);
    }

    /// <summary>The supervisor marks the report read; never their own.</summary>
    public void MarkRead(Decider by, DateTimeOffset now)
    {
        if (by.EmployeeId == EmployeeId)
        {
            throw new DomainException("REPORT_OWN_READ");
        }

        (ReadAt, ReadByUserId) = (now, by.UserId);
    }

    /// <summary>The status of a day's report: written on time or late, or still due or overdue.</summary>
    public static ReportStatus StatusOf(DateTimeOffset deadline, DateTimeOffset? submittedAt, DateTimeOffset now) => submittedAt switch
    {
        { } at => at > deadline ? ReportStatus.Late : ReportStatus.OnTime,
        null => now > deadline ? ReportStatus.Overdue : ReportStatus.Due,
    };

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        (ReadAt, ReadByUserId) = (null, null);
    }

    private static List<ReportItem> Checked(IReadOnlyList<ReportItem> items)
    {
        if (items.Count == 0)
        {
            throw new DomainException("REPORT_ITEMS_REQUIRED");
        }

        return items.Count > MaxItems ? throw new DomainException("REPORT_TOO_MANY_ITEMS", MaxItems) : [.. items.Select(i => i.Checked())];
    }
}
