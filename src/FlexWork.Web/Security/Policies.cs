using FlexWork.Application.Common;
using FlexWork.Application.Profiles;
using FlexWork.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace FlexWork.Web.Security;

/// <summary>Every named authorization policy of the app, registered in one place.</summary>
public static class Policies
{
    public const string AgencyAdmin = nameof(AgencyAdmin);
    public const string PlatformAdmin = nameof(PlatformAdmin);

    /// <summary>An account that is an employee of an agency: may ask for flexible work.</summary>
    public const string Employee = nameof(Employee);

    /// <summary>Has at least one direct report in the org chart (atasan langsung).</summary>
    public const string Supervisor = nameof(Supervisor);

    /// <summary>Heads at least one organisational unit (pimpinan unit).</summary>
    public const string UnitHead = nameof(UnitHead);

    /// <summary>Any signed-in API caller with a bearer token.</summary>
    public const string ApiUser = nameof(ApiUser);

    /// <summary>An agency admin calling the API with a bearer token.</summary>
    public const string AgencyAdminApi = nameof(AgencyAdminApi);

    public static AuthorizationBuilder AddFlexWorkPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(AgencyAdmin, p => p.RequireRole(Roles.AgencyAdmin).RequireClaim(FlexWorkClaimTypes.AgencyId))
        .AddPolicy(PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin))
        .AddPolicy(Employee, p => p.RequireClaim(FlexWorkClaimTypes.EmployeeId))
        .AddPolicy(Supervisor, p => p.AddRequirements(new OrgRightsRequirement(supervises: true)))
        .AddPolicy(UnitHead, p => p.AddRequirements(new OrgRightsRequirement(supervises: false)))
        .AddPolicy(ApiUser, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
        .AddPolicy(AgencyAdminApi, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
            .RequireRole(Roles.AgencyAdmin).RequireClaim(FlexWorkClaimTypes.AgencyId));
}

public sealed class OrgRightsRequirement(bool supervises) : IAuthorizationRequirement
{
    public bool Supervises { get; } = supervises;
}

/// <summary>Reads supervisor and unit-head rights from the org chart at the time of the check.</summary>
internal sealed class OrgRightsHandler(OrgRightsService orgRights) : AuthorizationHandler<OrgRightsRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrgRightsRequirement requirement)
    {
        if (!Guid.TryParse(context.User.FindFirst(FlexWorkClaimTypes.EmployeeId)?.Value, out var employeeId))
        {
            return;
        }

        var rights = await orgRights.GetAsync(employeeId);
        if (requirement.Supervises ? rights.SupervisesAnyone : rights.HeadsUnit)
        {
            context.Succeed(requirement);
        }
    }
}
