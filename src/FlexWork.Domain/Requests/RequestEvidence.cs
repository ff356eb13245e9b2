using FlexWork.Domain.Common;

namespace FlexWork.Domain.Requests;

/// <summary>
/// Supporting evidence (bukti dukung) for a request: a PDF, JPEG or PNG of at most 5 MB, kept in
/// the database so that every app instance serves it. The type is read from the content, never
/// trusted from the name.
/// </summary>
public sealed class RequestEvidence : IAgencyOwned
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxFileNameLength = 200;

    private RequestEvidence(Guid id, Guid agencyId, Guid requestId, string fileName, string contentType, byte[] content, DateTimeOffset uploadedAt, string? uploadedBy)
    {
        Id = id;
        AgencyId = agencyId;
        RequestId = requestId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        SizeBytes = content.Length;
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

    public static RequestEvidence Create(WorkRequest request, string fileName, byte[] content, DateTimeOffset now, string? userId)
    {
        if (content.Length == 0)
        {
            throw new DomainException("EVIDENCE_EMPTY");
        }

        if (content.Length > MaxBytes)
        {
            throw new DomainException("EVIDENCE_TOO_LARGE", MaxBytes / (1024 * 1024));
        }

        var type = Sniff(content) ?? throw new DomainException("EVIDENCE_TYPE_INVALID");
        // The name only, whichever separator the sender's system uses, without control characters.
        var name = new string([.. fileName.Split('/', '\\')[^1].Where(c => !char.IsControl(c))]).Trim();
        if (name.Length == 0)
        {
            name = "bukti";
        }

        if (name.Length > MaxFileNameLength)
        {
            name = name[^MaxFileNameLength..];
        }

        request.AttachEvidence(now);
        return new RequestEvidence(Guid.CreateVersion7(), request.AgencyId, request.Id, name, type, content, now, userId);
    }

    /// <summary>The type by the file's first bytes: PDF, PNG or JPEG, or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf", // %PDF-
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => null,
    };
}
