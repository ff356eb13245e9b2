using FlexWork.Domain.Common;

namespace FlexWork.Domain.Performance;

/// <summary>
/// Evidence for a work report (a photo of the output, a scanned letter), by the same file rules
/// as a request's (<see cref="EvidenceFile"/>).
/// </summary>
public sealed class ReportEvidence : StoredEvidence
{
    private ReportEvidence(WorkReport report, EvidenceFile file, DateTimeOffset uploadedAt, string? uploadedBy)
        : base(report.AgencyId, file, uploadedAt, uploadedBy) => (ReportId, EmployeeId) = (report.Id, report.EmployeeId);

    private ReportEvidence()
    {
    }

    public Guid ReportId { get; private set; }

    /// <summary>The report's employee, whose storage the file counts against.</summary>
    public Guid EmployeeId { get; private set; }

    /// <summary>Attaches the file to the report while its period is open and the policy's cap (<paramref name="maxFiles"/>) allows.</summary>
    public static ReportEvidence Attach(WorkReport report, PerformancePeriod? period, int maxFiles, EvidenceFile file, DateTimeOffset now, string? userId)
    {
        report.AttachEvidence(period, maxFiles, now);
        return new ReportEvidence(report, file, now, userId);
    }
}
