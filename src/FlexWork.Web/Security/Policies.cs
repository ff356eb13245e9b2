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

    /// <summary>Supervises someone or heads a unit: appoints acting officials.</summary>
    public const string Leader = nameof(Leader);

    /// <summary>Has requests to decide: a leader, or an acting official today.</summary>
    public const string Approver = nameof(Approver);

    /// <summary>Sees a team's schedule: a leader, or an agency admin (every unit).</summary>
    public const string TeamScheduleViewer = nameof(TeamScheduleViewer);

    /// <summary>Monitors units (Pasal 35): heads a unit, or is an agency admin or the agency's leadership.</summary>
    public const string Monitor = nameof(Monitor);

    /// <summary>Any signed-in person calling the API with a bearer token (not a machine: its token opens the integration routes only).</summary>
    public const string ApiUser = nameof(ApiUser);

    /// <summary>An attendance machine of one agency, with a client-credentials token: presence only.</summary>
    public const string IntegrationClient = nameof(IntegrationClient);

    /// <summary>An agency admin calling the API with a bearer token.</summary>
    public const string AgencyAdminApi = nameof(AgencyAdminApi);

    /// <summary>The installation's operator (the platform admin) with a bearer token, as a metrics scraper sends it.</summary>
    public const string Operator = nameof(Operator);

    public static AuthorizationBuilder AddFlexWorkPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(AgencyAdmin, p => p.RequireRole(Roles.AgencyAdmin).RequireClaim(FlexWorkClaimTypes.AgencyId))
        .AddPolicy(PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin))
        .AddPolicy(Employee, p => p.RequireClaim(FlexWorkClaimTypes.EmployeeId))
        .AddPolicy(Supervisor, p => p.AddRequirements(new OrgRightsRequirement(rights => rights.SupervisesAnyone)))
        .AddPolicy(Leader, p => p.AddRequirements(new OrgRightsRequirement(rights => rights.Leads)))
        .AddPolicy(Approver, p => p.AddRequirements(new OrgRightsRequirement(rights => rights.Decides)))
        .AddPolicy(TeamScheduleViewer, p => p.AddRequirements(new OrgRightsRequirement(rights => rights.Leads, Roles.AgencyAdmin)))
        .AddPolicy(Monitor, p => p.AddRequirements(new OrgRightsRequirement(rights => rights.HeadsUnit, Roles.AgencyAdmin, Roles.AgencyLeadership)))
        .AddPolicy(ApiUser, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser()
            .RequireAssertion(context => !context.User.IsInRole(Roles.IntegrationClient)))
        .AddPolicy(IntegrationClient, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
            .RequireRole(Roles.IntegrationClient).RequireClaim(FlexWorkClaimTypes.AgencyId))
        .AddPolicy(AgencyAdminApi, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
            .RequireRole(Roles.AgencyAdmin).RequireClaim(FlexWorkClaimTypes.AgencyId))
        .AddPolicy(Operator, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
            .RequireRole(Roles.PlatformAdmin));
}

/// <summary>A right the org chart gives (<see cref="OrgRights"/>), or that every holder of one of <paramref name="orRoles"/> has.</summary>
public sealed class OrgRightsRequirement(Func<OrgRights, bool> holds, params string[] orRoles) : IAuthorizationRequirement
{
    public Func<OrgRights, bool> Holds { get; } = holds;

    public IReadOnlyList<string> OrRoles { get; } = orRoles;
}

/// <summary>Reads supervisor, unit-head and acting-official rights from the org chart at the time of the check.</summary>
internal sealed class OrgRightsHandler(OrgRightsService orgRights) : AuthorizationHandler<OrgRightsRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrgRightsRequirement requirement)
    {
        if (requirement.OrRoles.Any(context.User.IsInRole) && context.User.HasClaim(c => c.Type == FlexWorkClaimTypes.AgencyId))
        {
            context.Succeed(requirement);
            return;
        }

        if (Guid.TryParse(context.User.FindFirst(FlexWorkClaimTypes.EmployeeId)?.Value, out var employeeId)
            && requirement.Holds(await orgRights.GetAsync(employeeId)))
        {
            context.Succeed(requirement);
        }
    }
}
