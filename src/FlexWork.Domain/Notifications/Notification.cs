using FlexWork.Domain.Common;

namespace FlexWork.Domain.Notifications;

public enum NotificationKind
{
    /// <summary>A request waits for the recipient's decision.</summary>
    Submitted,
    Approved,
    Rejected,
    Returned,
    Revoked,
    Withdrawn,

    /// <summary>A request waited longer than the policy allows and now waits for the recipient.</summary>
    Escalated,

    /// <summary>A target, or a change to an agreed one, waits for the recipient's agreement.</summary>
    TargetProposed,
    TargetAgreed,
    TargetReturned,

    /// <summary>The supervisor commented on a report or a target, or recorded a dialog kinerja.</summary>
    FeedbackGiven,

    /// <summary>The recipient's period was rated: acknowledge or object.</summary>
    EvaluationRated,

    /// <summary>An objection waits for the recipient, the evaluator's superior.</summary>
    ObjectionFiled,
    ObjectionDecided,
    EvaluationAcknowledged,

    /// <summary>A rating nobody answered became final when the period closed.</summary>
    EvaluationFinal,
}

public static class NotificationKinds
{
    /// <summary>Whether the notification is about a work request (else about performance: a target, a report, an evaluation).</summary>
    public static bool IsAboutRequest(this NotificationKind kind) => kind <= NotificationKind.Escalated;
}

/// <summary>Where the notification's e-mail stands: it is an outbox, drained by a background job after the commit.</summary>
public enum NotificationMail
{
    /// <summary>No e-mail: the installation has no SMTP server.</summary>
    None,
    Pending,
    Sent,

    /// <summary>Given up after <see cref="Notification.MaxMailAttempts"/> tries; the bell still has it.</summary>
    Failed,
}

/// <summary>
/// A message in an employee's bell: what happened to which request, and whether it was read;
/// also the outbox entry of its e-mail, written in the same transaction as the change it announces.
/// </summary>
public sealed class Notification : IAgencyOwned
{
    public const int MaxMailAttempts = 6;

    private Notification(Guid id, Guid agencyId, Guid recipientEmployeeId, NotificationKind kind, Guid subjectId, string subjectName, DateTimeOffset createdAt)
    {
        Id = id;
        AgencyId = agencyId;
        RecipientEmployeeId = recipientEmployeeId;
        Kind = kind;
        SubjectId = subjectId;
        SubjectName = subjectName;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid RecipientEmployeeId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>What it is about: the request, or the target, report, feedback or evaluation (see <see cref="NotificationKinds.IsAboutRequest"/>).</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>The other person in the story: the employee who asked, or the official who decided.</summary>
    public string SubjectName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public NotificationMail Mail { get; private set; }

    public int MailAttempts { get; private set; }

    /// <summary>While pending after a failed attempt: when the next one is due (null: at once).</summary>
    public DateTimeOffset? MailDueAt { get; private set; }

    /// <param name="mail">Whether an e-mail should go out too (SMTP configured).</param>
    public static Notification Create(
        Guid agencyId, Guid recipientEmployeeId, NotificationKind kind, Guid subjectId, string subjectName, DateTimeOffset now, bool mail = false) =>
        new(Guid.CreateVersion7(), agencyId, recipientEmployeeId, kind, subjectId, Guard.Name(subjectName), now)
        {
            Mail = mail ? NotificationMail.Pending : NotificationMail.None,
        };

    public void MailSent()
    {
        Mail = NotificationMail.Sent;
        MailAttempts++;
        MailDueAt = null;
    }

    /// <summary>The mail server refused or was away: try again later (1, 4, 9, 16, 25 minutes on), then give up.</summary>
    public void MailFailed(DateTimeOffset now)
    {
        MailAttempts++;
        (Mail, MailDueAt) = MailAttempts >= MaxMailAttempts
            ? (NotificationMail.Failed, (DateTimeOffset?)null)
            : (NotificationMail.Pending, now.AddMinutes(MailAttempts * MailAttempts));
    }
}
