using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FlexWork.Tests.Shared;

/// <summary>
/// A self-signed certificate for the Data Protection key ring, which the app requires outside
/// Development: made once per test run in the temp directory.
/// </summary>
public static class TestKeyRing
{
    public const string Password = "test-keyring";

    private static readonly Lazy<string> Certificate = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=FlexWork test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"flexwork-test-keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    });

    public static string CertificatePath => Certificate.Value;
}
