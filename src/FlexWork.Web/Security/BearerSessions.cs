using System.Security.Claims;
using FlexWork.Application.Common;
using FlexWork.Application.Integrations;
using FlexWork.Infrastructure.Identity;
using FlexWork.Web.Api;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace FlexWork.Web.Security;

/// <summary>
/// A bearer token is only as good as the account behind it: on every API call (and every refresh)
/// the token's security stamp must still be the account's, the account must still be allowed to
/// sign in, and the token's refresh family (<see cref="RefreshTokenFamilies"/>) must stand.
/// Deactivating an employee, closing an agency, changing a password or signing out everywhere
/// changes the stamp, so their tokens stop working within <c>Bearer:SessionCheckSeconds</c> (a
/// short cache, 30 s by default, spares the database two reads per call).
/// </summary>
internal static class BearerSessions
{
    public static void Configure(BearerTokenOptions options) =>
        options.Events.OnMessageReceived = async context =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
            if (ticket is null)
            {
                return; // not a token of ours: the handler refuses it as usual
            }

            var services = context.HttpContext.RequestServices;
            if (!await IsCurrentAsync(services, ticket.Principal))
            {
                context.Fail("The account's sessions have ended.");
            }
        };

    /// <summary>
    /// The account behind an API sign-in, or why there is none. Identity's sign-in manager would
    /// write the token itself; checking here lets the token carry its refresh family.
    /// </summary>
    public static async Task<(SignInResult Result, ApplicationUser? User)> CheckCredentialsAsync(SignInManager<ApplicationUser> signInManager, TokenRequest request)
    {
        var users = signInManager.UserManager;
        if (string.IsNullOrWhiteSpace(request.Email) || request.Password is null || await users.FindByNameAsync(request.Email.Trim()) is not { } user)
        {
            return (SignInResult.Failed, null);
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!result.Succeeded || !await users.GetTwoFactorEnabledAsync(user))
        {
            return (result, result.Succeeded ? user : null);
        }

        if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
        {
            return (SignInResult.TwoFactorRequired, null);
        }

        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, request.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal)))
        {
            await users.ResetAccessFailedCountAsync(user);
            return (SignInResult.Success, user);
        }

        await users.AccessFailedAsync(user); // a wrong code counts towards the lockout like a wrong password
        return (await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed, null);
    }

    /// <summary>What a new bearer token pair carries: the account's claims and its refresh family.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(SignInManager<ApplicationUser> signInManager, ApplicationUser user, string refreshFamily)
    {
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(FlexWorkClaimTypes.RefreshFamily, refreshFamily));
        return principal;
    }

    /// <summary>The account, when the principal's session still stands; null when it has ended.</summary>
    public static async Task<ApplicationUser?> CurrentUserAsync(SignInManager<ApplicationUser> signInManager, ClaimsPrincipal principal) =>
        await signInManager.ValidateSecurityStampAsync(principal) is { } user
        && await signInManager.CanSignInAsync(user)
        && !await signInManager.UserManager.IsLockedOutAsync(user)
            ? user
            : null;

    private static async Task<bool> IsCurrentAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        var seconds = services.GetRequiredService<IConfiguration>().GetValue("Bearer:SessionCheckSeconds", 30);
        if (principal.IsInRole(Roles.IntegrationClient))
        {
            return await IsActiveClientAsync(services, principal, seconds);
        }

        var stamp = principal.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
        var family = principal.FindFirstValue(FlexWorkClaimTypes.RefreshFamily);
        var key = $"bearer-session:{principal.FindFirstValue(ClaimTypes.NameIdentifier)}:{stamp}:{family}";
        var cache = services.GetRequiredService<IMemoryCache>();
        if (seconds > 0 && cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        var current = await CurrentUserAsync(services.GetRequiredService<SignInManager<ApplicationUser>>(), principal) is { } user
            && await services.GetRequiredService<RefreshTokenFamilies>().IsActiveAsync(user.Id, family);
        if (seconds > 0)
        {
            cache.Set(key, current, TimeSpan.FromSeconds(seconds));
        }

        return current;
    }

    /// <summary>A machine's token is good while its client is not revoked (and its agency open): checked like an account's session.</summary>
    private static async Task<bool> IsActiveClientAsync(IServiceProvider services, ClaimsPrincipal principal, int seconds)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var clientId) || !Guid.TryParse(principal.FindFirstValue(FlexWorkClaimTypes.AgencyId), out var agencyId))
        {
            return false;
        }

        var key = $"integration-client:{agencyId}:{clientId}";
        var cache = services.GetRequiredService<IMemoryCache>();
        if (seconds > 0 && cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        var active = await services.GetRequiredService<IntegrationClientSignIn>().IsActiveAsync(agencyId, clientId);
        if (seconds > 0)
        {
            cache.Set(key, active, TimeSpan.FromSeconds(seconds));
        }

        return active;
    }

    /// <summary>What a machine's token carries: its client id as the subject, its agency, and the one role that opens the integration routes.</summary>
    public static ClaimsPrincipal ClientPrincipal(Guid agencyId, Guid clientId) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, clientId.ToString()),
            new Claim(FlexWorkClaimTypes.AgencyId, agencyId.ToString()),
            new Claim(ClaimTypes.Role, Roles.IntegrationClient),
            new Claim("scope", Domain.Integrations.IntegrationClient.PresenceScope),
        ],
        IdentityConstants.BearerScheme));
}
