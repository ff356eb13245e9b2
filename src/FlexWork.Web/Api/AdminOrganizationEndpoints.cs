using FlexWork.Application.Accounts.EndSessions;
using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Employees.ManageEmployees;
using FlexWork.Application.Organization.ManagePositions;
using FlexWork.Application.Organization.ManageUnits;
using FlexWork.Web.Components.Account.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlexWork.Web.Api;

public sealed record CreatedResponse(Guid Id);

public sealed record VersionRequest(uint Version);

/// <summary>The link, and whether it was also e-mailed (when SMTP is configured).</summary>
public sealed record InvitationResponse(string Link, bool Emailed);

/// <summary>The org chart for integrators: the same services, rules and audit as the admin screens.</summary>
internal static class AdminOrganizationEndpoints
{
    public static void MapAdminOrganizationEndpoints(this RouteGroupBuilder admin)
    {
        var units = admin.MapGroup("/units").WithTags("Admin: units");
        units.MapGet("", (UnitAdministration service, CancellationToken ct) => service.ListAsync(ct))
            .WithSummary("The agency's organisational units (a flat list; ParentId makes the tree)");
        units.MapPost("", async (UnitInput input, UnitAdministration service, CancellationToken ct) =>
                Created("units", await service.CreateAsync(input, ct)))
            .WithSummary("Create a unit").Produces<CreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        units.MapPut("/{id:guid}", async (Guid id, UnitInput input, UnitAdministration service, CancellationToken ct) =>
            {
                await service.UpdateAsync(id, input, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Rename, move, set head or time zone (send the version you read; 409 if someone changed it since)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var positions = admin.MapGroup("/positions").WithTags("Admin: positions");
        positions.MapGet("", (PositionAdministration service, CancellationToken ct) => service.ListAsync(ct))
            .WithSummary("Positions (jabatan) with their Pasal 23 duty criteria");
        positions.MapPost("", async (PositionInput input, PositionAdministration service, CancellationToken ct) =>
                Created("positions", await service.CreateAsync(input, ct)))
            .WithSummary("Create a position").Produces<CreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        positions.MapPut("/{id:guid}", async (Guid id, PositionInput input, PositionAdministration service, CancellationToken ct) =>
            {
                await service.UpdateAsync(id, input, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Change a position and its duty criteria")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var employees = admin.MapGroup("/employees").WithTags("Admin: employees");
        employees.MapGet("/{id:guid}", (Guid id, EmployeeAdministration service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithSummary("One employee with the eligibility facts").ProducesProblem(StatusCodes.Status404NotFound);
        employees.MapPost("", async (EmployeeInput input, EmployeeAdministration service, CancellationToken ct) =>
                Created("employees", await service.CreateAsync(input, ct)))
            .WithSummary("Create an employee").Produces<CreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        employees.MapPut("/{id:guid}", async (Guid id, EmployeeInput input, EmployeeAdministration service, CancellationToken ct) =>
            {
                await service.UpdateAsync(id, input, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Change an employee: details, unit, position, supervisor, disciplinary status, eligibility override")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        employees.MapPost("/{id:guid}/deactivate", async (Guid id, VersionRequest request, EmployeeAdministration service, CancellationToken ct) =>
            {
                await service.DeactivateAsync(id, request.Version, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Deactivate (never delete) an employee").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        employees.MapPost("/{id:guid}/reactivate", async (Guid id, VersionRequest request, EmployeeAdministration service, CancellationToken ct) =>
            {
                await service.ReactivateAsync(id, request.Version, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Reactivate an employee").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        employees.MapPost("/{id:guid}/sign-out-everywhere", async (Guid id, SessionService sessions, CancellationToken ct) =>
            {
                await sessions.EndForEmployeeAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("End every session of the employee's account (browsers, apps, API tokens); they must sign in anew")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        employees.MapGet("/leadership", (EmployeeAdministration service, CancellationToken ct) => service.LeadershipAsync(ct))
            .WithSummary("The employees holding the agency-leadership role (they monitor every unit, read-only)");
        employees.MapPut("/{id:guid}/leadership", async (Guid id, LeadershipRequest request, EmployeeAdministration service, CancellationToken ct) =>
            {
                await service.SetLeadershipAsync(id, request.Leads, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Grant ({leads: true}) or withdraw the agency-leadership role; the person's sessions end so that it holds at once")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        employees.MapPost("/{id:guid}/invitation", async (Guid id, HttpContext context, InvitationService invitations, CancellationToken ct) =>
            {
                var sent = await invitations.SendAsync([id], AcceptInvitation.LinksUnder(context.BaseUri()), cancellationToken: ct);
                return TypedResults.Ok(new InvitationResponse(sent[0].Link, sent[0].Emailed));
            })
            .WithSummary("Issue an invitation link with which the employee sets a first password (works once, expires)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static Created<CreatedResponse> Created(string collection, Guid id) =>
        TypedResults.Created($"/api/v1/admin/{collection}/{id}", new CreatedResponse(id));
}

public sealed record LeadershipRequest(bool Leads);
