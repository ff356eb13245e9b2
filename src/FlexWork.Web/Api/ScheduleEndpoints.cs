using FlexWork.Application.Schedules.CalendarFeed;
using FlexWork.Application.Schedules.ViewSchedule;

namespace FlexWork.Web.Api;

public sealed record FeedResponse(string Url);

public sealed record FeedStatusResponse(bool Active);

internal static class ScheduleEndpoints
{
    /// <summary>Where people work, day by day: one's own, a team's, and the iCalendar feed's secret URL.</summary>
    public static void MapScheduleEndpoints(this RouteGroupBuilder api)
    {
        var schedule = api.MapGroup("/schedule").WithTags("Schedules");
        schedule.MapGet("/me", async (DateOnly? from, DateOnly? to, ScheduleService service, CancellationToken ct) =>
            {
                var (start, end) = await service.RangeAsync(from, to, ct);
                return await service.MineAsync(start, end, ct);
            })
            .WithSummary($"Where the caller works each day (office unless a pending or approved request says otherwise); at most {ScheduleService.MaxDays} days, default four weeks from this Monday")
            .ProducesValidationProblem();
        schedule.MapGet("/team", async (DateOnly? from, DateOnly? to, Guid? unit, ScheduleService service, CancellationToken ct) =>
            {
                var (start, end) = await service.RangeAsync(from, to, ct);
                return await service.TeamAsync(start, end, unit, ct);
            })
            .WithSummary("People × days for a supervisor (direct reports), a unit head (the unit and below) or an agency admin (anyone; unit= narrows), with presence per day against the unit's minimum")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        schedule.MapGet("/team/units", (ScheduleService service, CancellationToken ct) => service.TeamUnitsAsync(ct))
            .WithSummary("The units the caller can narrow the team schedule to, and the one the page opens with (the unit they head, or the one their reports sit in)");
        schedule.MapGet("/feed", async (CalendarFeedService feed, CancellationToken ct) => new FeedStatusResponse(await feed.HasFeedAsync(ct)))
            .WithSummary("Whether the caller has an iCalendar feed URL in use (the URL itself is shown only when it is made)");
        schedule.MapPost("/feed/renew", async (HttpContext context, CalendarFeedService feed, CancellationToken ct) =>
                new FeedResponse(FeedUrl(context.BaseUri(), await feed.RenewTokenAsync(ct))))
            .WithSummary("A new secret URL of the caller's iCalendar feed of approved days, shown this once (only its hash is kept); the old one stops working");
    }

    public static string FeedUrl(string baseUri, string token) => $"{baseUri}calendar/{token}.ics";
}
