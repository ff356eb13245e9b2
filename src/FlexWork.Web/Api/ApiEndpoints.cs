using FlexWork.Web.Security;

namespace FlexWork.Web.Api;

internal static class ApiEndpoints
{
    /// <summary>Everything under <c>/api/v1</c> (bearer tokens only, ProblemDetails for errors), and the downloads the pages link to.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(Policies.ApiUser)
            .DisableAntiforgery()
            .AddEndpointFilterFactory(InputScreen.Factory)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapAuthEndpoints();
        api.MapMeEndpoints();
        api.MapEmployeeEndpoints();
        api.MapPolicyEndpoints();
        api.MapRequestEndpoints();
        api.MapApprovalEndpoints();
        api.MapDelegationEndpoints();
        api.MapScheduleEndpoints();
        api.MapNotificationEndpoints();
        api.MapPerformanceEndpoints();
        api.MapPresenceEndpoints();
        api.MapMonitoringEndpoints();

        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.AgencyAdminApi);
        admin.MapAdminImportEndpoints();
        admin.MapAdminOrganizationEndpoints();
        admin.MapAdminAuditEndpoints();
        admin.MapAdminPolicyEndpoints();
        admin.MapAdminPerformanceEndpoints();
        admin.MapAdminIntegrationEndpoints();
        endpoints.MapIntegrationEndpoints(); // outside the people's group: a machine's token opens these routes only
        return endpoints.MapDownloads();
    }

    /// <summary>The app's address as the caller reached it, ending in '/' (for links in answers).</summary>
    public static string BaseUri(this HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/";
}
