using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlexWork.Web.Api;

public sealed record VersionBody(uint Version);

public sealed record TargetEdit(TargetContent? Content, uint Version);

public sealed record TargetChangeBody(TargetContent? Content, string? Reason, uint Version);

public sealed record FeedbackBody(string? Text);

public sealed record DialogBody(DateOnly HeldOn, string? Notes, string? AgreedActions);

public sealed record ReportBody(IReadOnlyList<ReportItem>? Items, uint? Version);

public sealed record SelfAssessmentBody(string? Text, uint? Version);

public sealed record RatingBody(
    Expectation? Results, Expectation? Behaviour, IReadOnlyList<ValueRating>? Values, string? Feedback, IReadOnlyList<TargetRealisation>? Realisations, uint? Version)
{
    public EvaluationRating ToRating() => new(
        Results ?? throw new DomainException("EVALUATION_RATING_REQUIRED"), Behaviour ?? throw new DomainException("EVALUATION_RATING_REQUIRED"),
        Values ?? [], Feedback, Realisations ?? []);
}

public sealed record ObjectionBody(string? Reason, uint Version);

public sealed record ObjectionDecisionBody(Expectation? Results, Expectation? Behaviour, string? Reason, uint Version);

/// <summary>
/// Performance management under <c>/api/v1/performance</c>: every action of Kinerja saya and
/// Kinerja tim. Someone else's people and other agencies' rows answer 404; acting on one's own
/// target, report or rating as the supervisor answers 403, as does an account that is no employee.
/// </summary>
internal static class PerformanceEndpoints
{
    public static void MapPerformanceEndpoints(this RouteGroupBuilder api)
    {
        var performance = api.MapGroup("/performance").WithTags("Performance")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        performance.MapGet("/periods", (PeriodAdministration service, CancellationToken ct) => service.ListAsync(ct))
            .WithSummary("The agency's performance periods, newest first");

        var targets = performance.MapGroup("").WithTags("Performance");
        targets.MapGet("/periods/{periodId:guid}/targets", (Guid periodId, TargetService service, CancellationToken ct) => service.MineAsync(periodId, ct))
            .WithSummary("The caller's targets (RHK) of a period, with what their reports add up to");
        targets.MapGet("/periods/{periodId:guid}/targets/supportable", (Guid periodId, TargetService service, CancellationToken ct) => service.SupportableAsync(periodId, ct))
            .WithSummary("The supervisor's agreed targets a target of the caller may support (intervensi)");
        targets.MapPost("/periods/{periodId:guid}/targets", async (Guid periodId, TargetContent content, TargetService service, CancellationToken ct) =>
                Created(await service.CreateAsync(periodId, content, ct)))
            .WithSummary("Draft a target; propose it with POST /performance/targets/{id}/propose")
            .Produces<TargetView>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        targets.MapPost("/periods/{periodId:guid}/targets/copy-previous", async (Guid periodId, TargetService service, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/performance/periods/{periodId}/targets", await service.CopyPreviousAsync(periodId, ct)))
            .WithSummary("Start the period with last period's targets as drafts (only while the period has none of the caller's)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        targets.MapPut("/targets/{id:guid}", (Guid id, TargetEdit body, TargetService service, CancellationToken ct) =>
                service.EditAsync(id, Content(body.Content), body.Version, ct))
            .WithSummary("Rewrite a target not agreed yet").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapDelete("/targets/{id:guid}", async (Guid id, uint version, TargetService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, version, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a draft or returned target (?version=)").ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapPost("/targets/{id:guid}/propose", (Guid id, VersionBody body, TargetService service, CancellationToken ct) => service.ProposeAsync(id, body.Version, ct))
            .WithSummary("Propose a target to the supervisor").ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapPost("/targets/{id:guid}/change", (Guid id, TargetChangeBody body, TargetService service, CancellationToken ct) =>
                service.ProposeChangeAsync(id, Content(body.Content), body.Reason, body.Version, ct))
            .WithSummary("Propose a change to an agreed target, with the reason; it stands as agreed until the supervisor agrees the change")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapPost("/targets/{id:guid}/agree", (Guid id, DecisionRequest body, TargetService service, CancellationToken ct) =>
                service.AgreeAsync(id, body.Comment, body.Version, ct))
            .WithSummary("The supervisor (or acting official) agrees a proposal or a change").ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapPost("/targets/{id:guid}/return", (Guid id, DecisionRequest body, TargetService service, CancellationToken ct) =>
                service.ReturnAsync(id, body.Comment, body.Version, ct))
            .WithSummary("The supervisor returns a proposal, or turns down a change, with a comment")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapPost("/targets/{id:guid}/feedback", async (Guid id, FeedbackBody body, FeedbackService service, CancellationToken ct) =>
                TypedResults.Created("/api/v1/performance/feedback", await service.OnTargetAsync(id, body.Text, ct)))
            .WithSummary("The supervisor comments on a target").Produces<FeedbackView>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        performance.MapGet("/reports", (WorkReportService service, CancellationToken ct) => service.MineAsync(ct))
            .WithSummary("The caller's report days: still to write (overdue first) and written");
        performance.MapGet("/reports/days/{date}", (DateOnly date, WorkReportService service, CancellationToken ct) => service.FormAsync(date, ct))
            .WithSummary("One day: its status and deadline, the plan of the approved request, the agreed targets, the report so far, or why it takes none");
        performance.MapPut("/reports/days/{date}", (DateOnly date, ReportBody body, WorkReportService service, CancellationToken ct) =>
                service.WriteAsync(date, body.Items ?? [], body.Version, ct))
            .WithSummary("Write the day's report, or correct it (with the version read)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        performance.MapGet("/reports/{id:guid}", (Guid id, WorkReportService service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithSummary("A report of the caller or of one of their people");
        performance.MapPost("/reports/{id:guid}/read", (Guid id, VersionBody body, WorkReportService service, CancellationToken ct) => service.MarkReadAsync(id, body.Version, ct))
            .WithSummary("The supervisor marks a report read").ProducesProblem(StatusCodes.Status409Conflict);
        performance.MapPost("/reports/{id:guid}/evidence", async (Guid id, uint? version, HttpContext context, WorkReportService service, CancellationToken ct) =>
            {
                var created = await service.AttachEvidenceAsync(id, version, EvidenceUpload.Accept(context), context.Request.Body, ct);
                return TypedResults.Created($"/api/v1/performance/reports/{id}/evidence/{created.Id}", created);
            })
            .AcceptsEvidence()
            .WithSummary($"Attach evidence to the caller's own report while its period is open: {EvidenceUpload.Summary}; ?version= the report's version you saw " +
                "(409 if it changed since). The policy caps the files per report and the megabytes per employee over requests and reports (422)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        performance.MapGet("/reports/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, WorkReportService service, CancellationToken ct) =>
            {
                var (name, type, content) = await service.GetEvidenceAsync(id, evidenceId, ct);
                return TypedResults.File(content, type, name);
            })
            .WithSummary("Download one evidence file of a report (its employee and their supervisor)").ProducesProblem(StatusCodes.Status404NotFound);
        performance.MapDelete("/reports/{id:guid}/evidence/{evidenceId:guid}", (Guid id, Guid evidenceId, uint? version, WorkReportService service, CancellationToken ct) =>
                service.RemoveEvidenceAsync(id, evidenceId, version, ct))
            .WithSummary("Remove an evidence file from the caller's own report while its period is open (?version= the report's version you saw)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        performance.MapPost("/reports/{id:guid}/feedback", async (Guid id, FeedbackBody body, FeedbackService service, CancellationToken ct) =>
                TypedResults.Created("/api/v1/performance/feedback", await service.OnReportAsync(id, body.Text, ct)))
            .WithSummary("The supervisor comments on a report").Produces<FeedbackView>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        performance.MapGet("/feedback", (Guid? employeeId, ICurrentUser me, FeedbackService service, CancellationToken ct) =>
                service.ForAsync(employeeId ?? me.RequireEmployee(), ct))
            .WithSummary("Feedback and dialog kinerja for the caller, or (?employeeId=) for one of their people");

        performance.MapGet("/periods/{periodId:guid}/evaluation", (Guid periodId, EvaluationService service, CancellationToken ct) => service.MineAsync(periodId, ct))
            .WithSummary("The caller's evaluation of a period (not begun: no id yet)");
        performance.MapPut("/periods/{periodId:guid}/evaluation/self-assessment", (Guid periodId, SelfAssessmentBody body, EvaluationService service, CancellationToken ct) =>
                service.SelfAssessAsync(periodId, body.Text, body.Version, ct))
            .WithSummary("The employee's own assessment, while the evaluation is open").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        performance.MapPost("/evaluations/{id:guid}/acknowledge", (Guid id, VersionBody body, EvaluationService service, CancellationToken ct) =>
                service.AcknowledgeAsync(id, body.Version, ct))
            .WithSummary("The employee acknowledges the predikat: it is final").ProducesProblem(StatusCodes.Status409Conflict);
        performance.MapPost("/evaluations/{id:guid}/objection", (Guid id, ObjectionBody body, EvaluationService service, CancellationToken ct) =>
                service.ObjectAsync(id, body.Reason, body.Version, ct))
            .WithSummary("The employee objects (keberatan) with a reason; the evaluator's superior decides")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        performance.MapGet("/objections", (EvaluationService service, CancellationToken ct) => service.ObjectionsAsync(ct))
            .WithSummary("Objections waiting for the caller's decision as the evaluator's superior");
        performance.MapPost("/objections/{id:guid}/decide", (Guid id, ObjectionDecisionBody body, EvaluationService service, CancellationToken ct) =>
                service.DecideObjectionAsync(id, body.Results, body.Behaviour, body.Reason, body.Version, ct))
            .WithSummary("Decide an objection with a reason: new ratings change the predikat, none keep it")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);

        var team = performance.MapGroup("/team").WithTags("Performance");
        team.MapGet("/targets/pending", (TargetService service, CancellationToken ct) => service.ToAgreeAsync(ct))
            .WithSummary("Targets and changes of the caller's people waiting for the caller");
        team.MapGet("/periods/{periodId:guid}/targets", (Guid periodId, TargetService service, CancellationToken ct) => service.TeamAsync(periodId, ct))
            .WithSummary("All targets of the caller's people in a period");
        team.MapGet("/reports", (WorkReportService service, CancellationToken ct) => service.TeamAsync(ct))
            .WithSummary("The caller's people's reports to look at: overdue first, then unread, then the rest");
        team.MapPost("/{employeeId:guid}/dialogs", async (Guid employeeId, DialogBody body, FeedbackService service, CancellationToken ct) =>
                TypedResults.Created("/api/v1/performance/feedback", await service.DialogAsync(employeeId, body.HeldOn, body.Notes, body.AgreedActions, ct)))
            .WithSummary("Record a dialog kinerja with one of the caller's people").Produces<FeedbackView>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        team.MapGet("/periods/{periodId:guid}/results", (Guid periodId, ResultsByModeService service, CancellationToken ct) => service.TeamAsync(periodId, ct))
            .WithSummary("Results by work mode for the caller's people: office days against flexible days (days, reports on time, late, missing, outputs), per person and for the team");
        performance.MapGet("/units/periods/{periodId:guid}/results", (Guid periodId, ResultsByModeService service, CancellationToken ct) => service.UnitsAsync(periodId, ct))
            .WithSummary("The same rolled up per unit, with the predikat distribution: for unit heads (their units and those below) and agency admins (every unit)");
        team.MapGet("/periods/{periodId:guid}/evaluations", (Guid periodId, EvaluationService service, CancellationToken ct) => service.TeamAsync(periodId, ct))
            .WithSummary("The evaluations of the caller's people for a period, one per person");
        team.MapGet("/periods/{periodId:guid}/evaluations/{employeeId:guid}", (Guid periodId, Guid employeeId, EvaluationService service, CancellationToken ct) =>
                service.DraftAsync(periodId, employeeId, ct))
            .WithSummary("What the evaluator works from: the evaluation, the targets with reported realisation, the reports' punctuality");
        team.MapPut("/periods/{periodId:guid}/evaluations/{employeeId:guid}", (Guid periodId, Guid employeeId, RatingBody body, EvaluationService service, CancellationToken ct) =>
                service.RateAsync(periodId, employeeId, body.ToRating(), body.Version, ct))
            .WithSummary("Rate results and behaviour (all seven BerAKHLAK values) with feedback, during the period's evaluation; the predikat follows")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Opening and moving periods: agency admins only.</summary>
    public static void MapAdminPerformanceEndpoints(this RouteGroupBuilder admin)
    {
        var periods = admin.MapGroup("/performance/periods").WithTags("Performance");
        periods.MapPost("", async (PeriodAdministration service, CancellationToken ct) =>
                TypedResults.Created("/api/v1/performance/periods", await service.OpenNextAsync(ct)))
            .WithSummary("Open the period after the latest (the first: the one today falls in), of the length the policy sets")
            .Produces<PeriodView>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        periods.MapPost("/{id:guid}/advance", (Guid id, VersionBody body, PeriodAdministration service, CancellationToken ct) => service.AdvanceAsync(id, body.Version, ct))
            .WithSummary("Move a period one state forward (planning → running → evaluation → closed); closing makes unanswered ratings final and waits for objections")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static TargetContent Content(TargetContent? content) => content ?? throw new DomainException("TARGET_RHK_REQUIRED");

    private static Created<TargetView> Created(TargetView target) => TypedResults.Created($"/api/v1/performance/targets/{target.Id}", target);
}
