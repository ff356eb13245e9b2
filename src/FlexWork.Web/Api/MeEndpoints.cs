using FlexWork.Application.Accounts.EndSessions;
using FlexWork.Application.Profiles.GetMyProfile;

namespace FlexWork.Web.Api;

internal static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (MyProfileService profiles, CancellationToken cancellationToken) => profiles.GetAsync(cancellationToken))
            .WithTags("Me")
            .WithSummary("Who am I: employee, agency, unit, supervisor, roles and org-chart rights");
        api.MapPost("/me/sign-out-everywhere", async (SessionService sessions, CancellationToken cancellationToken) =>
            {
                await sessions.EndMineAsync(cancellationToken);
                return TypedResults.NoContent();
            })
            .WithTags("Me")
            .WithSummary("End every session of my account, this token included: browsers, apps and API tokens must sign in anew");
    }
}
