using FlexWork.Application.Requests.DelegateDecisions;

namespace FlexWork.Web.Api;

internal static class DelegationEndpoints
{
    /// <summary>Acting officials (Plh/Plt): appointments made and received.</summary>
    public static void MapDelegationEndpoints(this RouteGroupBuilder api)
    {
        var delegations = api.MapGroup("/delegations").WithTags("Approvals");
        delegations.MapGet("", (DelegationService service, CancellationToken ct) => service.ListMineAsync(ct))
            .WithSummary("Acting-official appointments the caller made or received");
        delegations.MapPost("", async (DelegationInput input, DelegationService service, CancellationToken ct) =>
                TypedResults.Created("/api/v1/delegations", await service.CreateAsync(input, ct)))
            .WithSummary("Appoint an acting official (Plh/Plt) for a period with the decree reference; only supervisors and unit heads. " +
                "When the delegate is one of the caller's own people, delegateOwnRequestsExcluded says that their own requests stay with the caller")
            .Produces<DelegationCreated>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        delegations.MapPost("/{id:guid}/revoke", async (Guid id, DelegationService service, CancellationToken ct) =>
            {
                await service.RevokeAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("End an appointment early").ProducesProblem(StatusCodes.Status404NotFound);
    }
}
