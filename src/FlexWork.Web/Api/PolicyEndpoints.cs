using FlexWork.Application.Calendar.ManageCalendar;
using FlexWork.Application.Locations.ManageLocations;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Application.Policies.PreviewDraft;
using FlexWork.Domain.Policies;
using FlexWork.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Api;

/// <summary>A finding as the API reports it: the stable code and the message in the caller's language.</summary>
public sealed record FindingResponse(
    string Code, FindingSeverity Severity, DateOnly? Date, string Message, string Clause, string MessageKey, IReadOnlyList<string> Arguments)
{
    public static FindingResponse From(Finding f, IStringLocalizer localizer) =>
        new(f.Code, f.Severity, f.Date, localizer.Finding(f), f.Clause, f.MessageKey, f.Arguments);
}

public sealed record PolicyCheckResponse(int PolicyVersion, string? LegalReference, ApprovalRoute ApprovalRoute, bool Blocked, IReadOnlyList<FindingResponse> Findings);

public sealed record DraftRequest(PolicySettings Settings, uint Version);

/// <summary>Optional: settings to preview instead of the saved draft (the editor's unsaved form).</summary>
public sealed record PreviewRequest(PolicySettings? Settings);

internal static class PolicyEndpoints
{
    public static void MapPolicyEndpoints(this RouteGroupBuilder api)
    {
        var policy = api.MapGroup("/policy").WithTags("Policy");
        policy.MapGet("", (PolicyCheckService service, CancellationToken ct) => service.GetMyPolicyAsync(ct))
            .WithSummary("The policy version in force for the caller, with their unit's overrides applied (version 0: the regulation template)");
        policy.MapPost("/check", async (ProposedRequestInput input, PolicyCheckService service, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                TypedResults.Ok(ToResponse(await service.CheckAsync(input, ct), localizer)))
            .WithSummary("Judge a proposed request against the policy without saving anything")
            .WithDescription("A blocked request is still a 200: the findings say why. Malformed input is a 400 ProblemDetails.")
            .ProducesValidationProblem();
        api.MapGet("/locations", (LocationAdministration service, CancellationToken ct) => service.ListActiveAsync(ct))
            .WithTags("Policy").WithSummary("The agency's active approved locations, to choose from in a request");
    }

    public static void MapAdminPolicyEndpoints(this RouteGroupBuilder admin)
    {
        var policy = admin.MapGroup("/policy").WithTags("Admin: policy");
        policy.MapGet("/versions", (PolicyAdministration service, CancellationToken ct) => service.ListVersionsAsync(ct))
            .WithSummary("Published versions, newest first, with the one in force today marked");
        policy.MapGet("/versions/{number:int}", (int number, PolicyAdministration service, CancellationToken ct) => service.GetSettingsAsync(number, ct))
            .WithSummary("The settings of a published version (0: the draft)").ProducesProblem(StatusCodes.Status404NotFound);
        policy.MapGet("/diff", (int from, int to, PolicyAdministration service, CancellationToken ct) => service.DiffAsync(from, to, ct))
            .WithSummary("What changed between two versions (0: the draft), setting by setting").ProducesProblem(StatusCodes.Status404NotFound);
        policy.MapGet("/draft", (PolicyAdministration service, CancellationToken ct) => service.GetDraftAsync(ct))
            .WithSummary("The draft; version 0 when none is saved yet (it then shows the latest published version or the template)");
        policy.MapPut("/draft", (DraftRequest request, PolicyAdministration service, CancellationToken ct) =>
                service.SaveDraftAsync(request.Settings, request.Version, ct))
            .WithSummary("Save the draft (send the version you read; 409 if someone saved it since)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        policy.MapDelete("/draft", async (uint version, PolicyAdministration service, CancellationToken ct) =>
            {
                await service.DiscardDraftAsync(version, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Discard the draft").ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        policy.MapPost("/draft/preview", async (PreviewRequest? body, PolicyAdministration admin, PolicyPreviewService preview, CancellationToken ct) =>
                await preview.PreviewAsync(body?.Settings ?? (await admin.GetDraftAsync(ct)).Settings, ct))
            .WithSummary($"What the draft (or the settings sent) would change over the next {PolicyPreviewService.Weeks} weeks: pending and approved days it would refuse, per unit and rule, and each unit's presence per day against its minimum")
            .ProducesValidationProblem();
        policy.MapPost("/publish", (PublishInput input, PolicyAdministration service, CancellationToken ct) => service.PublishAsync(input, ct))
            .WithSummary("Publish the draft as the next version, effective from a date (not in the past) with its legal reference; send the draft's version (409 if someone saved it since)")
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);

        var locations = admin.MapGroup("/locations").WithTags("Admin: locations");
        locations.MapGet("", (LocationAdministration service, CancellationToken ct) => service.ListAsync(ct))
            .WithSummary("Approved locations, active and retired");
        locations.MapPost("", async (LocationInput input, LocationAdministration service, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/admin/locations", new CreatedResponse(await service.CreateAsync(input, ct))))
            .WithSummary("Add an approved location").Produces<CreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        locations.MapPut("/{id:guid}", async (Guid id, LocationInput input, LocationAdministration service, CancellationToken ct) =>
            {
                await service.UpdateAsync(id, input, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Change or retire (isActive=false) a location")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var calendar = admin.MapGroup("/calendar").WithTags("Admin: calendar");
        calendar.MapGet("", (int? year, CalendarAdministration service, TimeProvider time, CancellationToken ct) =>
                service.ListAsync(year ?? time.GetUtcNow().Year, ct))
            .WithSummary("Holidays, cuti bersama and mandatory office days of a year");
        calendar.MapPost("", async (CalendarInput input, CalendarAdministration service, CancellationToken ct) =>
                TypedResults.Created("/api/v1/admin/calendar", new CreatedResponse(await service.AddAsync(input, ct))))
            .WithSummary("Add a holiday or mandatory office day (unitId narrows it to a unit and the units under it)")
            .Produces<CreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        calendar.MapDelete("/{id:guid}", async (Guid id, CalendarAdministration service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a calendar entry").ProducesProblem(StatusCodes.Status404NotFound);
        calendar.MapGet("/ramadan", (CalendarAdministration service, CancellationToken ct) => service.RamadanAsync(ct))
            .WithSummary("The days of Ramadan, on which the policy's Ramadan hours apply; yearsWithout lists this year and the next while they have none");
        calendar.MapPost("/ramadan", async (RamadanInput input, CalendarAdministration service, CancellationToken ct) =>
                TypedResults.Created("/api/v1/admin/calendar/ramadan", new CreatedResponse(await service.AddRamadanAsync(input, ct))))
            .WithSummary("Add a Ramadan period: 1 Ramadan to the last day, 28 to 31 days, overlapping no other")
            .Produces<CreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        calendar.MapDelete("/ramadan/{id:guid}", async (Guid id, CalendarAdministration service, CancellationToken ct) =>
            {
                await service.DeleteRamadanAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a Ramadan period").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static PolicyCheckResponse ToResponse(PolicyCheckResult result, IStringLocalizer localizer) => new(
        result.PolicyNumber, result.LegalReference, result.Route, result.IsBlocked,
        [.. result.Findings.Select(f => FindingResponse.From(f, localizer))]);
}
