namespace FlexWork.Domain.Common;

/// <summary>
/// A supporting file (bukti dukung) as every kind of evidence takes it, for a request or a work
/// report: a PDF, JPEG or PNG of at most 5 MB, its type read from the content (never trusted from
/// the name), its name without folders or control characters.
/// </summary>
public sealed record EvidenceFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxMegabytes = MaxBytes / (1024 * 1024);
    public const int MaxFileNameLength = 200;

    private EvidenceFile(string fileName, string contentType, byte[] content) => (FileName, ContentType, Content) = (fileName, contentType, content);

    public string FileName { get; }

    public string ContentType { get; }

    public byte[] Content { get; }

    public static EvidenceFile Of(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new DomainException("EVIDENCE_EMPTY");
        }

        if (content.Length > MaxBytes)
        {
            throw new DomainException("EVIDENCE_TOO_LARGE", MaxMegabytes);
        }

        var type = Sniff(content) ?? throw new DomainException("EVIDENCE_TYPE_INVALID");
        // The name only, whichever separator the sender's system uses, without control characters.
        var name = new string([.. fileName.Split('/', '\\')[^1].Where(c => !char.IsControl(c))]).Trim();
        if (name.Length == 0)
        {
            name = "bukti";
        }

        return new EvidenceFile(name.Length > MaxFileNameLength ? name[^MaxFileNameLength..] : name, type, content);
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
