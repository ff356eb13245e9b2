using FlexWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Common;

/// <summary>An evidence file as lists show it (a request's or a work report's), without its content.</summary>
public sealed record EvidenceItem(Guid Id, string FileName, string ContentType, int SizeBytes, DateTimeOffset UploadedAt)
{
    public static EvidenceItem Of(StoredEvidence e) => new(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.UploadedAt);
}

/// <summary>What every evidence upload goes through, for a request or a work report.</summary>
public static class EvidenceUploads
{
    /// <summary>
    /// Reads the upload whole and checks it by <see cref="EvidenceFile"/>'s rules: one byte over
    /// 5 MB is refused as it arrives, before anything is stored.
    /// </summary>
    public static async Task<EvidenceFile> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > EvidenceFile.MaxBytes)
            {
                throw new DomainException("EVIDENCE_TOO_LARGE", EvidenceFile.MaxMegabytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return EvidenceFile.Of(fileName, buffer.ToArray());
    }

    /// <summary>
    /// The policy's cap on what one employee stores, over their requests and their work reports.
    /// The caller holds the employee's advisory lock, so two uploads at once cannot both pass it.
    /// </summary>
    public static async Task EnsureRoomAsync(IFlexWorkDbContext db, Guid employeeId, long bytes, int megabytes, CancellationToken cancellationToken)
    {
        var onRequests = await db.RequestEvidence
            .Where(e => db.WorkRequests.Any(r => r.Id == e.RequestId && r.EmployeeId == employeeId))
            .SumAsync(e => (long)e.SizeBytes, cancellationToken);
        var onReports = await db.ReportEvidence.Where(e => e.EmployeeId == employeeId).SumAsync(e => (long)e.SizeBytes, cancellationToken);
        if (onRequests + onReports + bytes > megabytes * 1024L * 1024)
        {
            throw new DomainException("EVIDENCE_STORAGE_FULL", megabytes);
        }
    }
}
