using FlexWork.Domain.Common;

namespace FlexWork.Domain.Requests;

/// <summary>
/// Supporting evidence (bukti dukung) for a request, by the rules of <see cref="EvidenceFile"/>,
/// kept in the database so that every app instance serves it.
/// </summary>
public sealed class RequestEvidence : IAgencyOwned
{
    private RequestEvidence(Guid id, Guid agencyId, Guid requestId, EvidenceFile file, DateTimeOffset uploadedAt, string? uploadedBy)
    {
        Id = id;
        AgencyId = agencyId;
        RequestId = requestId;
        FileName = file.FileName;
        ContentType = file.ContentType;
        Content = file.Content;
        SizeBytes = file.Content.Length;
        UploadedAt = uploadedAt;
        UploadedByUserId = uploadedBy;
    }

    private RequestEvidence()
    {
        FileName = "";
        ContentType = "";
        Content = [];
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid RequestId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public int SizeBytes { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string? UploadedByUserId { get; private set; }

    public static RequestEvidence Create(WorkRequest request, EvidenceFile file, DateTimeOffset now, string? userId)
    {
        request.AttachEvidence(now);
        return new RequestEvidence(Guid.CreateVersion7(), request.AgencyId, request.Id, file, now, userId);
    }
}
