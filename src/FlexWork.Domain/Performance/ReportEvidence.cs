using FlexWork.Domain.Common;

namespace FlexWork.Domain.Performance;

/// <summary>
/// Evidence for a work report (a photo of the output, a scanned letter), by the same file rules
/// as a request's (<see cref="EvidenceFile"/>), kept in the database so that every app instance serves it.
/// </summary>
public sealed class ReportEvidence : IAgencyOwned
{
    private ReportEvidence(Guid id, WorkReport report, EvidenceFile file, DateTimeOffset uploadedAt, string? uploadedBy)
    {
        Id = id;
        AgencyId = report.AgencyId;
        ReportId = report.Id;
        EmployeeId = report.EmployeeId;
        FileName = file.FileName;
        ContentType = file.ContentType;
        Content = file.Content;
        SizeBytes = file.Content.Length;
        UploadedAt = uploadedAt;
        UploadedByUserId = uploadedBy;
    }

    private ReportEvidence()
    {
        FileName = "";
        ContentType = "";
        Content = [];
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>The report's employee, whose storage the file counts against.</summary>
    public Guid EmployeeId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public int SizeBytes { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string? UploadedByUserId { get; private set; }

    /// <summary>Attaches the file to the report while its period is open and the policy's cap (<paramref name="maxFiles"/>) allows.</summary>
    public static ReportEvidence Attach(WorkReport report, PerformancePeriod? period, int maxFiles, EvidenceFile file, DateTimeOffset now, string? userId)
    {
        report.AttachEvidence(period, maxFiles, now);
        return new ReportEvidence(Guid.CreateVersion7(), report, file, now, userId);
    }
}
