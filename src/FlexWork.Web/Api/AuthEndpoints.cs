using FlexWork.Infrastructure.Identity;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Api;

public sealed record TokenRequest(string Email, string Password);

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");

        auth.MapPost("/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (
            TokenRequest request, SignInManager<ApplicationUser> signInManager, IStringLocalizer<SharedResource> localizer) =>
        {
            // The bearer handler writes {tokenType, accessToken, expiresIn, refreshToken} itself.
            signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signInManager.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return TypedResults.Empty;
            }

            var detail = result.IsLockedOut ? localizer["Login.LockedOut"] : localizer["Login.Invalid"];
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: localizer["Problem.Unauthorized"]);
        })
        .AllowAnonymous()
        .WithSummary("Exchange e-mail and password for a bearer token")
        .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
