using System.Security.Claims;
using FlexWork.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace FlexWork.Web.Security;

/// <summary>
/// A bearer token is only as good as the account behind it: on every API call (and every refresh)
/// the token's security stamp must still be the account's, and the account must still be allowed
/// to sign in. Deactivating an employee, closing an agency or changing a password changes the
/// stamp, so their tokens stop working within <c>Bearer:SessionCheckSeconds</c> (a short cache,
/// 30 s by default, spares the database a read per call).
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
        var stamp = principal.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
        var key = $"bearer-session:{principal.FindFirstValue(ClaimTypes.NameIdentifier)}:{stamp}";
        var cache = services.GetRequiredService<IMemoryCache>();
        if (seconds > 0 && cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        var current = await CurrentUserAsync(services.GetRequiredService<SignInManager<ApplicationUser>>(), principal) is not null;
        if (seconds > 0)
        {
            cache.Set(key, current, TimeSpan.FromSeconds(seconds));
        }

        return current;
    }
}
