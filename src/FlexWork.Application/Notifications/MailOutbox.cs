using FlexWork.Application.Common;
using FlexWork.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexWork.Application.Notifications;

/// <summary>Wakes the outbox job as soon as a change with notifications is committed.</summary>
public sealed class MailOutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken by someone else in the same moment: one wake is enough.
            }
        }
    }

    /// <returns>True when woken, false when the time ran out.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}

/// <summary>
/// Sends the notification e-mails that are due, across agencies (a system job, past the tenant
/// filter on purpose). Each is marked sent, or tried again later, on its own.
/// </summary>
public sealed class MailOutbox(IFlexWorkDbContextFactory dbFactory, INotificationMailer mailer, TimeProvider timeProvider, ILogger<MailOutbox> logger)
{
    public const int BatchSize = 100;

    /// <returns>How many e-mails went out.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        if (!mailer.IsConfigured)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var due = await db.Notifications.IgnoreQueryFilters()
            .Where(n => n.Mail == NotificationMail.Pending && (n.MailDueAt == null || n.MailDueAt <= now))
            .OrderBy(n => n.MailDueAt).ThenBy(n => n.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
        var ids = due.Select(n => n.RecipientEmployeeId).Distinct().ToList();
        var people = await db.Employees.IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => (e.Email, e.FullName), cancellationToken);
        var sent = 0;
        foreach (var notification in due)
        {
            var (subject, text) = MailText.For(notification);
            if (people.TryGetValue(notification.RecipientEmployeeId, out var person)
                && await mailer.SendAsync(person.Email, person.FullName, subject, text, cancellationToken))
            {
                notification.MailSent();
                sent++;
            }
            else
            {
                notification.MailFailed(timeProvider.GetUtcNow());
                logger.LogWarning(
                    "Notification {NotificationId} could not be e-mailed (attempt {Attempt}, {State})", notification.Id, notification.MailAttempts, notification.Mail);
            }

            await db.SaveChangesAsync(cancellationToken); // one by one: a crash mid-batch resends at most one mail
        }

        return sent;
    }
}
