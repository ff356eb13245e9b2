using System.Security.Claims;
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

        auth.MapPost("/token", async Task<Results<SignInHttpResult, ProblemHttpResult>> (
            TokenRequest request,
            SignInManager<ApplicationUser> signInManager,
            RefreshTokenFamilies families,
            IOptionsMonitor<BearerTokenOptions> bearerOptions,
            AccountSignInLimiter accountLimiter,
            IStringLocalizer<SharedResource> localizer,
            CancellationToken cancellationToken) =>
        {
            if (!accountLimiter.TryAttempt(request.Email))
            {
                return TypedResults.Problem(localizer["Login.TooManyAttempts"], statusCode: StatusCodes.Status429TooManyRequests, title: localizer["Problem.TooManyRequests"]);
            }

            var (result, user) = await BearerSessions.CheckCredentialsAsync(signInManager, request);
            if (user is not null)
            {
                // The bearer handler writes {tokenType, accessToken, expiresIn, refreshToken} itself.
                var family = await families.StartAsync(user.Id, bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration, cancellationToken);
                return TypedResults.SignIn(await BearerSessions.PrincipalAsync(signInManager, user, family), authenticationScheme: IdentityConstants.BearerScheme);
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
            RefreshTokenFamilies families,
            IOptionsMonitor<BearerTokenOptions> bearerOptions,
            TimeProvider timeProvider,
            IStringLocalizer<SharedResource> localizer,
            CancellationToken cancellationToken) =>
        {
            // A refresh token is only good once, while unexpired, while the security stamp is
            // unchanged (a new password ends every session) and while the account may sign in at
            // all (not locked out, not deactivated). Using it yields a new pair of the same family.
            var options = bearerOptions.Get(IdentityConstants.BearerScheme);
            var ticket = options.RefreshTokenProtector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || timeProvider.GetUtcNow() >= expires
                || await BearerSessions.CurrentUserAsync(signInManager, ticket.Principal) is not { } user
                || await families.RotateAsync(user.Id, ticket.Principal.FindFirstValue(FlexWorkClaimTypes.RefreshFamily), options.RefreshTokenExpiration, cancellationToken) is not { } family)
            {
                return TypedResults.Problem(localizer["Login.RefreshInvalid"], statusCode: StatusCodes.Status401Unauthorized, title: localizer["Problem.Unauthorized"]);
            }

            return TypedResults.SignIn(await BearerSessions.PrincipalAsync(signInManager, user, family), authenticationScheme: IdentityConstants.BearerScheme);
        })
        .WithSummary("Exchange a refresh token for a new bearer token and refresh token; each refresh token works once, and using an old one again ends its whole family")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
