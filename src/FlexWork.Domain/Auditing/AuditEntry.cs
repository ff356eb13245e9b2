namespace FlexWork.Domain.Auditing;

/// <summary>One row of the append-only audit log: who did what to which entity, when and from where.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    /// <summary>The agency the change belongs to; null for installation-wide rows.</summary>
    public Guid? AgencyId { get; private set; }

    /// <summary>The account that acted; null for the system (seed, background jobs).</summary>
    public string? UserId { get; private set; }

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>Created, Updated, Deleted, or a named business event such as InvitationIssued.</summary>
    public string Action { get; private set; } = "";

    /// <summary>JSON object: property → {before, after}. Secrets are masked.</summary>
    public string Changes { get; private set; } = "{}";

    public DateTimeOffset OccurredAt { get; private set; }

    public string? IpAddress { get; private set; }

    public static AuditEntry Record(
        Guid? agencyId, string? userId, string entityType, string entityId, string action,
        string changes, DateTimeOffset occurredAt, string? ipAddress) => new()
        {
            AgencyId = agencyId,
            UserId = userId,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Changes = changes,
            OccurredAt = occurredAt,
            IpAddress = ipAddress,
        };
}
