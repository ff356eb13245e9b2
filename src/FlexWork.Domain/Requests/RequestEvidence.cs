using FlexWork.Domain.Common;

namespace FlexWork.Domain.Requests;

/// <summary>Supporting evidence (bukti dukung) for a request, by the rules of <see cref="EvidenceFile"/>.</summary>
public sealed class RequestEvidence : StoredEvidence
{
    private RequestEvidence(WorkRequest request, EvidenceFile file, DateTimeOffset uploadedAt, string? uploadedBy)
        : base(request.AgencyId, file, uploadedAt, uploadedBy) => RequestId = request.Id;

    private RequestEvidence()
    {
    }

    public Guid RequestId { get; private set; }

    public static RequestEvidence Create(WorkRequest request, EvidenceFile file, DateTimeOffset now, string? userId)
    {
        request.AttachEvidence(now);
        return new RequestEvidence(request, file, now, userId);
    }
}
