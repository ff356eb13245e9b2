using FlexWork.Application.Common;
using FlexWork.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Notifications;

/// <summary>A bell entry; <see cref="RequestId"/> is set for a notification about a request, as before performance notifications came.</summary>
public sealed record NotificationItem(Guid Id, NotificationKind Kind, Guid SubjectId, string SubjectName, DateTimeOffset CreatedAt, bool IsRead)
{
    public Guid? RequestId => Kind.IsAboutRequest() ? SubjectId : null;
}

/// <summary>Sends notification e-mails when the installation has SMTP configured.</summary>
public interface INotificationMailer
{
    bool IsConfigured { get; }

    /// <returns>False when the mail could not be delivered (logged); the in-app notification stands.</returns>
    Task<bool> SendAsync(string email, string fullName, string subject, string text, CancellationToken cancellationToken = default);
}

/// <summary>The bell: an employee's notifications about requests and performance, newest first, and what is unread.</summary>
public sealed class NotificationService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<NotificationItem>> ListMineAsync(bool unreadOnly = false, int take = 20, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientEmployeeId == me && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.CreatedAt).Take(Math.Clamp(take, 1, 100))
            .Select(n => new NotificationItem(n.Id, n.Kind, n.SubjectId, n.SubjectName, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientEmployeeId == me && n.ReadAt == null, cancellationToken);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        await db.Notifications.Where(n => n.RecipientEmployeeId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
    }
}
