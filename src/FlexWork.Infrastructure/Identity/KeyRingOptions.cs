namespace FlexWork.Infrastructure.Identity;

/// <summary>
/// The Data Protection key ring (it signs cookies, bearer tokens and invitation links) is stored
/// in PostgreSQL; a PKCS#12 certificate encrypts it there, so that a database backup alone cannot
/// forge a sign-in. Settings <c>DataProtection__CertificatePath</c> and <c>DataProtection__CertificatePassword</c>.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    public const string MissingCertificateMessage =
        "The Data Protection keys would be stored unencrypted in the database. Outside Development FlexWork starts only with " +
        "DataProtection__CertificatePath set to a PKCS#12 certificate (and DataProtection__CertificatePassword when it has one); " +
        "see docs/deployment.md.";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public bool IsEncrypted => !string.IsNullOrWhiteSpace(CertificatePath);
}
