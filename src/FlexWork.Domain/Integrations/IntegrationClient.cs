using FlexWork.Domain.Common;

namespace FlexWork.Domain.Integrations;

/// <summary>
/// A machine of the agency allowed to write presence (a fingerprint or face reader's server): it
/// signs in with its client id and a secret shown once to the admin who made it; only the
/// secret's SHA-256 is kept. One agency, presence only, until an admin revokes it.
/// </summary>
public sealed class IntegrationClient : IAgencyOwned
{
    public const int MaxNameLength = 200;

    /// <summary>The one scope there is: writing check-ins.</summary>
    public const string PresenceScope = "presence:write";

    private IntegrationClient(Guid agencyId, string name, string secretHash, DateTimeOffset now, string? createdByUserId)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        Name = name;
        SecretHash = secretHash;
        CreatedAt = now;
        CreatedByUserId = createdByUserId;
    }

    private IntegrationClient()
    {
        Name = "";
        SecretHash = "";
    }

    public Guid Id { get; private set; }

    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>What the machine is, for the admin ("Mesin sidik jari lobi Gedung A").</summary>
    public string Name { get; private set; }

    /// <summary>SHA-256 (hex) of the secret; the secret itself is never stored.</summary>
    public string SecretHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedByUserId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedByUserId { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static IntegrationClient Create(Guid agencyId, string? name, string secretHash, DateTimeOffset now, string? createdByUserId) =>
        new(agencyId, Guard.RequiredText(name, MaxNameLength, "NAME_REQUIRED"), CheckedHash(secretHash), now.ToUniversalTime(), createdByUserId);

    /// <summary>Stops the client: no new token, and its tokens are refused from the next session check on (30 s by default).</summary>
    public void Revoke(DateTimeOffset now, string? userId)
    {
        if (RevokedAt is null)
        {
            (RevokedAt, RevokedByUserId) = (now.ToUniversalTime(), userId);
        }
    }

    private static string CheckedHash(string hash) =>
        hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) ? hash : throw new DomainException("INTEGRATION_SECRET_WEAK");
}
