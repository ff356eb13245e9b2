using FlexWork.Application.Profiles.GetMyProfile;

namespace FlexWork.Web.Api;

internal static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (MyProfileService profiles, CancellationToken cancellationToken) => profiles.GetAsync(cancellationToken))
            .WithTags("Me")
            .WithSummary("Who am I: employee, agency, unit, supervisor, roles and org-chart rights");
    }
}
