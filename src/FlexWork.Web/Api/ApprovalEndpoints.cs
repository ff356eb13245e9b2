using FlexWork.Application.Requests;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Api;

public sealed record InboxItemResponse(
    RequestSummary Request, int Level, IReadOnlyList<FindingResponse> Findings, IReadOnlyList<DayCoverage> Coverage, IReadOnlyList<PlannedOutput> Plan, bool CanBulkApprove);

public sealed record BulkApprovalRequest(IReadOnlyList<DecisionTarget>? Items, string? Comment);

public sealed record BulkApprovalOutcomeResponse(Guid Id, bool Approved, string? ErrorCode, string? Message);

internal static class ApprovalEndpoints
{
    /// <summary>What waits for the caller's decision, bulk approval, and what they may revoke.</summary>
    public static void MapApprovalEndpoints(this RouteGroupBuilder api)
    {
        var approvals = api.MapGroup("/approvals").WithTags("Approvals");
        approvals.MapGet("", async (ApprovalService service, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                (await service.InboxAsync(ct)).Select(i => new InboxItemResponse(
                    i.Request, i.Level, [.. i.Findings.Select(f => FindingResponse.From(f, localizer))], i.Coverage, i.Plan, i.CanBulkApprove)))
            .WithSummary("Requests waiting for the caller's decision, with findings and the unit's on-site numbers per day");
        approvals.MapPost("/approve", async (BulkApprovalRequest body, ApprovalService service, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                (await service.ApproveCleanAsync(body.Items ?? [], body.Comment, ct)).Select(o => new BulkApprovalOutcomeResponse(
                    o.Id, o.Approved, o.Refusal?.Code, o.Refusal is { } refusal ? localizer.Domain(refusal) : null)))
            .WithSummary($"Approve several clean requests at once ({{items:[{{id, version}}], comment}}, at most {ApprovalService.MaxBatch}): each is decided on its own; one with a blocking finding, a day under the unit minimum or a stale version is left alone and reported")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        approvals.MapGet("/revocable", (ApprovalService service, CancellationToken ct) => service.RevocableAsync(ct))
            .WithSummary("Approved requests with days still ahead that the caller may revoke (POST /requests/{id}/revoke)");
    }
}
