using System.Security.Cryptography;
using System.Text;
using FlexWork.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Integrations;

/// <summary>
/// The client-credentials check of an attendance machine, before anyone's agency is known: the
/// client id names the agency and the client (<c>{agency}.{client}</c>, so the lookup is by the
/// table's own key), the secret's hash must match in constant time, and the client must not be
/// revoked.
/// </summary>
public sealed class IntegrationClientSignIn(IFlexWorkDbContextFactory dbFactory)
{
    public static string ClientIdOf(Guid agencyId, Guid clientId) => $"{agencyId:N}.{clientId:N}";

    /// <returns>The agency and client, or null when the id, the secret or the client's state says no.</returns>
    public async Task<(Guid AgencyId, Guid ClientId)?> AuthenticateAsync(string? clientId, string? secret, CancellationToken cancellationToken = default)
    {
        if (clientId?.Split('.') is not [var agencyText, var clientText] || !Guid.TryParseExact(agencyText, "N", out var agencyId)
            || !Guid.TryParseExact(clientText, "N", out var id) || string.IsNullOrEmpty(secret) || secret.Length > 200)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var hash = await db.IntegrationClients.IgnoreQueryFilters()
            .Where(c => c.AgencyId == agencyId && c.Id == id && c.RevokedAt == null
                && db.Agencies.IgnoreQueryFilters().Any(a => a.Id == agencyId && a.IsActive))
            .Select(c => c.SecretHash).SingleOrDefaultAsync(cancellationToken);
        var given = Encoding.ASCII.GetBytes(IntegrationClientAdministration.HashOf(secret));
        return hash is not null && CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(hash)) ? (agencyId, id) : null;
    }

    /// <summary>Whether a token's client still stands (checked on every call, as accounts' sessions are).</summary>
    public async Task<bool> IsActiveAsync(Guid agencyId, Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.IntegrationClients.IgnoreQueryFilters().AnyAsync(
            c => c.AgencyId == agencyId && c.Id == clientId && c.RevokedAt == null && db.Agencies.IgnoreQueryFilters().Any(a => a.Id == agencyId && a.IsActive), cancellationToken);
    }
}
