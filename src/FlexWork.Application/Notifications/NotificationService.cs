using FlexWork.Application.Common;
using FlexWork.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexWork.Application.Notifications;

public sealed record NotificationItem(Guid Id, NotificationKind Kind, Guid RequestId, string SubjectName, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>Sends notification e-mails when the installation has SMTP configured.</summary>
public interface INotificationMailer
{
    bool IsConfigured { get; }

    /// <returns>False when the mail could not be delivered (logged); the in-app notification stands.</returns>
    Task<bool> SendAsync(string email, string fullName, string subject, string text, CancellationToken cancellationToken = default);
}

/// <summary>The bell: an employee's notifications about requests, newest first, and what is unread.</summary>
public sealed class NotificationService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<NotificationItem>> ListMineAsync(bool unreadOnly = false, int take = 20, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientEmployeeId == me && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.CreatedAt).Take(Math.Clamp(take, 1, 100))
            .Select(n => new NotificationItem(n.Id, n.Kind, n.RequestId, n.SubjectName, n.CreatedAt, n.ReadAt != null))
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

/// <summary>
/// Writes notifications with the change they announce (same save, same transaction), then mails
/// them when SMTP is configured. A failed mail is logged; the bell still has the message.
/// </summary>
public sealed class Notifier(INotificationMailer mailer, ILogger<Notifier> logger)
{
    private readonly List<(Notification Notification, Guid Recipient)> _pending = [];

    public void Add(IFlexWorkDbContext db, Guid agencyId, Guid? recipientEmployeeId, NotificationKind kind, Guid requestId, string subjectName, DateTimeOffset now)
    {
        if (recipientEmployeeId is not { } recipient)
        {
            return;
        }

        var notification = Notification.Create(agencyId, recipient, kind, requestId, subjectName, now);
        db.Notifications.Add(notification);
        _pending.Add((notification, recipient));
    }

    /// <summary>After the save: the e-mails, in both languages (the recipient's choice is not stored).</summary>
    public async Task MailAsync(IFlexWorkDbContext db, CancellationToken cancellationToken)
    {
        // Only what this context saved: an earlier operation that failed left its notifications unsaved.
        var saved = _pending.Where(p => db.Entry(p.Notification).State == EntityState.Unchanged).ToList();
        _pending.Clear();
        if (!mailer.IsConfigured || saved.Count == 0)
        {
            return;
        }

        var ids = saved.Select(p => p.Recipient).Distinct().ToList();
        var people = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (e.Email, e.FullName), cancellationToken);
        foreach (var (notification, recipient) in saved)
        {
            if (!people.TryGetValue(recipient, out var person))
            {
                continue;
            }

            var (subject, text) = Texts(notification);
            if (!await mailer.SendAsync(person.Email, person.FullName, subject, text, cancellationToken))
            {
                logger.LogWarning("Notification {NotificationId} could not be e-mailed", notification.Id);
            }
        }
    }

    private static (string Subject, string Text) Texts(Notification n) => n.Kind switch
    {
        NotificationKind.Submitted => ($"Pengajuan menunggu keputusan / Request awaiting your decision: {n.SubjectName}",
            $"Pengajuan kerja fleksibel dari {n.SubjectName} menunggu keputusan Anda di FlexWork (Persetujuan).\n\nA flexible-work request from {n.SubjectName} awaits your decision in FlexWork (Approvals)."),
        NotificationKind.Escalated => ($"Pengajuan dieskalasi / Request escalated: {n.SubjectName}",
            $"Pengajuan dari {n.SubjectName} belum diputuskan dalam batas waktu dan kini menunggu keputusan Anda.\n\nThe request from {n.SubjectName} was not decided in time and now awaits your decision."),
        NotificationKind.Withdrawn => ($"Pengajuan ditarik / Request withdrawn: {n.SubjectName}",
            $"{n.SubjectName} menarik pengajuan kerja fleksibelnya.\n\n{n.SubjectName} withdrew their flexible-work request."),
        _ => Decision(n),
    };

    private static (string Subject, string Text) Decision(Notification n)
    {
        var (id, en) = n.Kind switch
        {
            NotificationKind.Approved => ("disetujui", "approved"),
            NotificationKind.Rejected => ("ditolak", "rejected"),
            NotificationKind.Returned => ("dikembalikan untuk perbaikan", "returned for revision"),
            _ => ("dicabut", "revoked"),
        };
        return ($"Pengajuan Anda {id} / Your request was {en}",
            $"Pengajuan kerja fleksibel Anda {id} oleh {n.SubjectName}. Lihat catatannya di FlexWork.\n\nYour flexible-work request was {en} by {n.SubjectName}. See the comment in FlexWork.");
    }
}
