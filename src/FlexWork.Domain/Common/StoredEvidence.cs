namespace FlexWork.Domain.Common;

/// <summary>
/// An evidence file as it is kept, whatever it supports (a request, a work report): in the
/// database, so that every app instance serves it, with its size apart so caps are summed without
/// reading the content.
/// </summary>
public abstract class StoredEvidence : IAgencyOwned
{
    protected StoredEvidence(Guid agencyId, EvidenceFile file, DateTimeOffset uploadedAt, string? uploadedBy)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        FileName = file.FileName;
        ContentType = file.ContentType;
        Content = file.Content;
        SizeBytes = file.Content.Length;
        UploadedAt = uploadedAt;
        UploadedByUserId = uploadedBy;
    }

    protected StoredEvidence()
    {
        FileName = "";
        ContentType = "";
        Content = [];
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public int SizeBytes { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string? UploadedByUserId { get; private set; }
}
