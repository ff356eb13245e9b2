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
}

/// <summary>A message in an employee's bell: what happened to which request, and whether it was read.</summary>
public sealed class Notification : IAgencyOwned
{
    private Notification(Guid id, Guid agencyId, Guid recipientEmployeeId, NotificationKind kind, Guid requestId, string subjectName, DateTimeOffset createdAt)
    {
        Id = id;
        AgencyId = agencyId;
        RecipientEmployeeId = recipientEmployeeId;
        Kind = kind;
        RequestId = requestId;
        SubjectName = subjectName;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid RecipientEmployeeId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public Guid RequestId { get; private set; }

    /// <summary>The other person in the story: the employee who asked, or the official who decided.</summary>
    public string SubjectName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid agencyId, Guid recipientEmployeeId, NotificationKind kind, Guid requestId, string subjectName, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), agencyId, recipientEmployeeId, kind, requestId, Guard.Name(subjectName), now);

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
