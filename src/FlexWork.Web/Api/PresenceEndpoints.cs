using FlexWork.Application.Presence;

namespace FlexWork.Web.Api;

/// <summary>
/// Presensi under <c>/api/v1/presence</c>: the caller's day (check in, check out, corrections) and
/// the supervisor's team with the corrections to decide. Someone else's people and other agencies'
/// corrections answer 404; deciding one's own, or an account that is no employee, 403.
/// </summary>
internal static class PresenceEndpoints
{
    public static void MapPresenceEndpoints(this RouteGroupBuilder api)
    {
        var presence = api.MapGroup("/presence").WithTags("Presence")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        presence.MapGet("/today", (PresenceService service, CancellationToken ct) => service.TodayAsync(ct))
            .WithSummary("The caller's day in their time zone: mode and place from the schedule, whether the place is on the map, and the taps so far");
        presence.MapPost("/check-in", (PresenceInput body, PresenceService service, CancellationToken ct) => service.CheckInAsync(body, ct))
            .WithSummary("Check in; latitude, longitude and accuracyMeters (all or none) are the browser's position taken once with consent. A second check-in returns the first")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        presence.MapPost("/check-out", (PresenceInput body, PresenceService service, CancellationToken ct) => service.CheckOutAsync(body, ct))
            .WithSummary("Check out of today; refused before a check-in and after a check-out (ask for a correction instead)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);

        presence.MapGet("/hours", (DateOnly? week, PresenceLedgerService service, CancellationToken ct) => service.MineAsync(week, ct))
            .WithSummary("The caller's checked-in hours of a week (week= any day of it; default this week) against what it owes, and this year's absences without an accepted excuse, with the PP 94/2021 band and the policy clause");
        presence.MapGet("/corrections", (PresenceService service, CancellationToken ct) => service.MyCorrectionsAsync(ct))
            .WithSummary("The caller's latest correction requests, newest first");
        presence.MapPost("/corrections", async (CorrectionInput body, PresenceService service, CancellationToken ct) =>
                TypedResults.Created("/api/v1/presence/corrections", await service.RequestCorrectionAsync(body, ct)))
            .WithSummary("Ask the supervisor to set a day's check-in and check-out (local times, within the last month), with the reason")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        presence.MapGet("/team/today", (TeamPresenceService service, CancellationToken ct) => service.TodayAsync(ct))
            .WithSummary("The supervisor's people today, with their mode, taps and location flags, and the corrections waiting for a decision");
        presence.MapGet("/team/hours", (DateOnly? week, PresenceLedgerService service, CancellationToken ct) => service.TeamAsync(week, ct))
            .WithSummary("The same for each of the supervisor's people: short weeks, late starts and the year's absences, as information");
        presence.MapPost("/corrections/{id:guid}/approve", (Guid id, DecisionRequest body, TeamPresenceService service, CancellationToken ct) =>
                service.ApproveAsync(id, body.Comment, body.Version, ct))
            .WithSummary("Approve a correction of one's people: the day takes its times")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        presence.MapPost("/corrections/{id:guid}/reject", (Guid id, DecisionRequest body, TeamPresenceService service, CancellationToken ct) =>
                service.RejectAsync(id, body.Comment, body.Version, ct))
            .WithSummary("Refuse a correction, with the reason")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
