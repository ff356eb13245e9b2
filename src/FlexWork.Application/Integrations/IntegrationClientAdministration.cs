using System.Security.Cryptography;
using System.Text;
using FlexWork.Application.Common;
using FlexWork.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Integrations;

public sealed record IntegrationClientView(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, bool IsActive, DateTimeOffset? LastEventAt);

/// <summary>A new client and its secret: the only time the secret is shown.</summary>
public sealed record NewIntegrationClient(IntegrationClientView Client, string ClientId, string ClientSecret);

/// <summary>
/// The agency admin's attendance-machine clients: made with a secret shown once (only its hash is
/// kept), listed with their last tap, revoked at once. Creating and revoking are audited (the hash
/// as "changed", never its value).
/// </summary>
public sealed class IntegrationClientAdministration(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<IntegrationClientView>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.IntegrationClients.AsNoTracking().OrderByDescending(c => c.RevokedAt == null).ThenBy(c => c.Name)
            .Select(c => new IntegrationClientView(
                c.Id, c.Name, c.CreatedAt, c.RevokedAt, c.RevokedAt == null,
                db.PresenceEvents.Where(e => e.ClientId == c.Id).Max(e => (DateTimeOffset?)e.ReceivedAt)))
            .ToListAsync(cancellationToken);
    }

    public async Task<NewIntegrationClient> CreateAsync(string? name, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        var secret = "fws_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var client = IntegrationClient.Create(agencyId, name, HashOf(secret), timeProvider.GetUtcNow(), currentUser.UserId);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        db.IntegrationClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new NewIntegrationClient(new(client.Id, client.Name, client.CreatedAt, null, true, null), IntegrationClientSignIn.ClientIdOf(agencyId, client.Id), secret);
    }

    public async Task RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var client = await db.IntegrationClients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("IntegrationClient", id);
        client.Revoke(timeProvider.GetUtcNow(), currentUser.UserId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The SHA-256 (lower-case hex) a secret is kept and compared as.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
