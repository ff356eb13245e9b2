using System.Globalization;
using FlexWork.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexWork.Infrastructure.Identity;

/// <summary>
/// Rotating refresh tokens. Every sign-in through the API starts a family: one row in Identity's
/// user-token table (provider <see cref="LoginProvider"/>, name = family id, value = generation
/// and expiry), named in the tokens' <see cref="FlexWorkClaimTypes.RefreshFamily"/> claim. A
/// refresh token is good once: using it moves the family to the next generation. Presenting an
/// older generation again means two parties hold the token (a stolen copy), so the whole family
/// is revoked and both must sign in anew; its access tokens stop with it.
/// </summary>
public sealed class RefreshTokenFamilies(FlexWorkDbContext db, TimeProvider timeProvider, ILogger<RefreshTokenFamilies> logger)
{
    public const string LoginProvider = "FlexWork:RefreshFamily";

    /// <summary>Starts a family for a new sign-in and returns its first claim value; drops the account's expired families.</summary>
    public async Task<string> StartAsync(string userId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var expired = (await Families(userId).Select(t => new { t.Name, t.Value }).ToListAsync(cancellationToken))
            .Where(t => FamilyState.Parse(t.Value).ExpiresUtc <= now)
            .Select(t => t.Name)
            .ToList();
        if (expired.Count > 0)
        {
            await Families(userId).Where(t => expired.Contains(t.Name)).ExecuteDeleteAsync(cancellationToken);
        }

        var family = Guid.NewGuid().ToString("N");
        db.UserTokens.Add(new() { UserId = userId, LoginProvider = LoginProvider, Name = family, Value = new FamilyState(1, now + lifetime).Format() });
        await db.SaveChangesAsync(cancellationToken);
        return ClaimValue(family, 1);
    }

    /// <summary>
    /// Moves the family named by <paramref name="claimValue"/> to its next generation and returns
    /// the new claim value; null when the token is not the family's current one, in which case the
    /// family is revoked (a reuse), or when the family has ended.
    /// </summary>
    public async Task<string?> RotateAsync(string userId, string? claimValue, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (ParseClaim(claimValue) is not var (family, generation))
        {
            return null;
        }

        var stored = await Family(userId, family).Select(t => t.Value).SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var state = FamilyState.Parse(stored);
        var next = new FamilyState(generation + 1, timeProvider.GetUtcNow() + lifetime).Format();
        // Compare-and-set on the stored value: of two refreshes with the same token, one wins.
        if (state.Generation == generation && state.ExpiresUtc > timeProvider.GetUtcNow()
            && await Family(userId, family).Where(t => t.Value == stored).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, next), cancellationToken) == 1)
        {
            return ClaimValue(family, generation + 1);
        }

        if (state.Generation != generation)
        {
            logger.LogWarning("A refresh token of account {UserId} was used again; its family is revoked", userId);
        }

        await Family(userId, family).ExecuteDeleteAsync(cancellationToken);
        return null;
    }

    /// <summary>Whether the family a token belongs to still stands (not revoked, not expired).</summary>
    public async Task<bool> IsActiveAsync(string userId, string? claimValue, CancellationToken cancellationToken = default) =>
        ParseClaim(claimValue) is var (family, _)
        && await Family(userId, family).Select(t => t.Value).SingleOrDefaultAsync(cancellationToken) is { } stored
        && FamilyState.Parse(stored).ExpiresUtc > timeProvider.GetUtcNow();

    /// <summary>The families of these accounts, to revoke when their sessions end.</summary>
    public static IQueryable<IdentityUserToken<string>> Of(FlexWorkDbContext db, IQueryable<ApplicationUser> accounts) =>
        db.UserTokens.Where(t => t.LoginProvider == LoginProvider && accounts.Any(u => u.Id == t.UserId));

    private IQueryable<IdentityUserToken<string>> Families(string userId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider);

    private IQueryable<IdentityUserToken<string>> Family(string userId, string family) =>
        Families(userId).Where(t => t.Name == family);

    private static string ClaimValue(string family, int generation) => $"{family}.{generation.ToString(CultureInfo.InvariantCulture)}";

    private static (string Family, int Generation)? ParseClaim(string? value) =>
        value?.Split('.') is [var family, var generation] && int.TryParse(generation, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (family, number)
            : null;

    private readonly record struct FamilyState(int Generation, DateTimeOffset ExpiresUtc)
    {
        public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Generation} {ExpiresUtc.ToUnixTimeSeconds()}");

        public static FamilyState Parse(string? value) =>
            value?.Split(' ') is [var generation, var expires]
            && int.TryParse(generation, CultureInfo.InvariantCulture, out var number)
            && long.TryParse(expires, CultureInfo.InvariantCulture, out var seconds)
                ? new(number, DateTimeOffset.FromUnixTimeSeconds(seconds))
                : new(0, DateTimeOffset.MinValue);
    }
}
