using FlexWork.Application.Notifications;

namespace FlexWork.Web.Api;

internal static class NotificationEndpoints
{
    /// <summary>The bell: the caller's notifications.</summary>
    public static void MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("", (bool? unread, NotificationService service, CancellationToken ct) => service.ListMineAsync(unread == true, 50, ct))
            .WithSummary("The caller's notifications, newest first: submitted, approved, rejected, returned, revoked, withdrawn, escalated");
        notifications.MapPost("/read-all", async (NotificationService service, CancellationToken ct) =>
            {
                await service.MarkAllReadAsync(ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Mark every notification read");
    }
}
