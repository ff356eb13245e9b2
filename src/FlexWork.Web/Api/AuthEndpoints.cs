using FlexWork.Infrastructure.Identity;
using FlexWork.Web.Localization;
using FlexWork.Web.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FlexWork.Web.Api;

/// <summary>E-mail and password; accounts with two-factor sign-in also send the authenticator code.</summary>
public sealed record TokenRequest(string Email, string Password, string? TwoFactorCode = null);

public sealed record RefreshRequest(string RefreshToken);

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();

        auth.MapPost("/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (
            TokenRequest request, SignInManager<ApplicationUser> signInManager, AccountSignInLimiter accountLimiter, IStringLocalizer<SharedResource> localizer) =>
        {
            if (!accountLimiter.TryAttempt(request.Email))
            {
                return TypedResults.Problem(localizer["Login.TooManyAttempts"], statusCode: StatusCodes.Status429TooManyRequests, title: localizer["Problem.TooManyRequests"]);
            }

            // The bearer handler writes {tokenType, accessToken, expiresIn, refreshToken} itself.
            signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signInManager.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.RequiresTwoFactor && !string.IsNullOrWhiteSpace(request.TwoFactorCode))
            {
                result = await signInManager.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
            }

            if (result.Succeeded)
            {
                return TypedResults.Empty;
            }

            var detail = result switch
            {
                { IsLockedOut: true } => localizer["Login.LockedOut"],
                { IsNotAllowed: true } => localizer["Login.NotAllowed"],
                { RequiresTwoFactor: true } => localizer["Login.TwoFactorRequired"],
                _ => localizer["Login.Invalid"],
            };
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: localizer["Problem.Unauthorized"]);
        })
        .WithSummary("Exchange e-mail and password (and the authenticator code when two-factor sign-in is on) for a bearer token")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult>> (
            RefreshRequest request,
            SignInManager<ApplicationUser> signInManager,
            IOptionsMonitor<BearerTokenOptions> bearerOptions,
            TimeProvider timeProvider,
            IStringLocalizer<SharedResource> localizer) =>
        {
            // A refresh token is only good while unexpired, while the security stamp is unchanged
            // (a new password ends every session) and while the account may sign in at all
            // (not locked out, not deactivated).
            var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || timeProvider.GetUtcNow() >= expires
                || await BearerSessions.CurrentUserAsync(signInManager, ticket.Principal) is not { } user)
            {
                return TypedResults.Problem(localizer["Login.RefreshInvalid"], statusCode: StatusCodes.Status401Unauthorized, title: localizer["Problem.Unauthorized"]);
            }

            return TypedResults.SignIn(await signInManager.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        })
        .WithSummary("Exchange a refresh token for a new bearer token")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
