using System.Security.Cryptography;
using System.Text;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FlexWork.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Api;

public sealed record RequestResponse(
    Guid Id, RequestStatus Status, uint Version, Guid EmployeeId, string EmployeeName, IReadOnlyList<RequestDay> Days, string? Reason,
    IReadOnlyList<WorkPlanItem> WorkPlan, bool HasEvidence, int PolicyVersion, ApprovalRoute Route, int Level, DateOnly? CancelledFrom,
    IReadOnlyList<FindingResponse> Findings, IReadOnlyList<RequestTransition> History);

/// <summary>A change of a request: the proposed-request shape plus the version read; <c>submit</c> submits it too.</summary>
public sealed record RequestUpdate(
    IReadOnlyList<RequestDay>? Days, string? Reason, IReadOnlyList<WorkPlanItem>? WorkPlan, uint Version, bool Submit = false, WeeklyPattern? Pattern = null)
{
    public ProposedRequestInput ToInput() => new(Days ?? [], Reason, WorkPlan, Pattern: Pattern);
}

public sealed record DecisionRequest(string? Comment, uint Version);

internal static class RequestEndpoints
{
    public static void MapRequestEndpoints(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/requests").WithTags("Requests");
        requests.MapPost("", async (
                ProposedRequestInput input, bool? draft, HttpContext context, RequestService service, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(input, submit: draft != true, SubmissionId(context), ct);
                return TypedResults.Created($"/api/v1/requests/{created.Id}", ToResponse(created, localizer));
            })
            .WithSummary("Create and submit a request (?draft=true saves a draft); an Idempotency-Key header makes a retried submit return the first request")
            .WithDescription("A blocking finding answers 422 with errors keyed by rule code; nothing is stored.")
            .Produces<RequestResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        requests.MapGet("", async (RequestService service, CancellationToken ct) => await service.ListMineAsync(ct))
            .WithSummary("The caller's own requests, newest first (what others ask of the caller is in /approvals)");
        requests.MapGet("/{id:guid}", async (Guid id, RequestService service, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                ToResponse(await service.GetAsync(id, ct), localizer))
            .WithSummary("A request of the caller, or one they decide on").ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPut("/{id:guid}", async (Guid id, RequestUpdate update, RequestService service, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                ToResponse(await service.UpdateAsync(id, update.ToInput(), update.Version, update.Submit, ct), localizer))
            .WithSummary("Change a draft or a request returned for revision (submit=true submits it)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/evidence", async (Guid id, uint? version, HttpContext context, RequestService service, CancellationToken ct) =>
            {
                var created = await service.AttachEvidenceAsync(id, version, EvidenceUpload.Accept(context), context.Request.Body, ct);
                return TypedResults.Created($"/api/v1/requests/{id}/evidence/{created.Id}", created);
            })
            .AcceptsEvidence()
            .WithSummary($"Attach supporting evidence to a draft or returned request: {EvidenceUpload.Summary}; " +
                "?version= the request's version you saw (409 if it changed since). The policy caps the files per request and the megabytes per employee (422)");
        requests.MapGet("/{id:guid}/evidence", (Guid id, RequestService service, CancellationToken ct) => service.ListEvidenceAsync(id, ct))
            .WithSummary("The request's evidence files").ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, RequestService service, CancellationToken ct) =>
            {
                var (name, type, content) = await service.GetEvidenceAsync(id, evidenceId, ct);
                return TypedResults.File(content, type, name);
            })
            .WithSummary("Download one evidence file (the employee and the request's approvers)").ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("/{id:guid}/withdraw", async (Guid id, DecisionRequest body, RequestService service, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                ToResponse(await service.WithdrawAsync(id, body.Version, body.Comment, ct), localizer))
            .WithSummary("Withdraw a pending request, or an approved one from tomorrow on")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        foreach (var (path, decision) in new[] { ("approve", Decision.Approve), ("reject", Decision.Reject), ("return", Decision.Return) })
        {
            requests.MapPost($"/{{id:guid}}/{path}", async (Guid id, DecisionRequest body, ApprovalService service, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                    ToResponse(await service.DecideAsync(id, decision, body.Comment, body.Version, ct), localizer))
                .WithTags("Approvals")
                .WithSummary($"Decide a pending request: {path} (a comment is required to reject or return; 409 on a stale version)")
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        }

        requests.MapPost("/{id:guid}/revoke", async (Guid id, DecisionRequest body, ApprovalService service, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                ToResponse(await service.RevokeAsync(id, body.Comment, body.Version, ct), localizer))
            .WithTags("Approvals").WithSummary("Revoke an approval from tomorrow on, with a reason")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static RequestResponse ToResponse(RequestDetails r, IStringLocalizer localizer) => new(
        r.Id, r.Status, r.Version, r.EmployeeId, r.EmployeeName, r.Days, r.Reason, r.WorkPlan, r.HasEvidence, r.PolicyVersion, r.Route, r.Level,
        r.CancelledFrom, [.. r.Findings.Select(f => FindingResponse.From(f, localizer))], r.History);

    /// <summary>The Idempotency-Key header, as a stable id (any string up to 200 characters is accepted).</summary>
    private static Guid? SubmissionId(HttpContext context)
    {
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        if (key.Length > 200)
        {
            throw new BadHttpRequestException("Idempotency-Key is too long.");
        }

        return Guid.TryParse(key, out var id) ? id : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }
}
