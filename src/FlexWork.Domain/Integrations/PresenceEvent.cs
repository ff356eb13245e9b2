using FlexWork.Domain.Common;

namespace FlexWork.Domain.Integrations;

public enum PresenceEventKind
{
    CheckIn,
    CheckOut,
}

public enum PresenceEventOutcome
{
    Recorded,

    /// <summary>The day already had this tap (a check-in on a day checked in): nothing changed, nothing wrong.</summary>
    Unchanged,

    Refused,
}

/// <summary>
/// One tap an attendance machine sent, kept by its event id so that a batch sent twice changes
/// nothing the second time: the same answer comes back.
/// </summary>
public sealed class PresenceEvent : IAgencyOwned
{
    public const int MaxEventIdLength = 100;

    private PresenceEvent(Guid agencyId, Guid clientId, string eventId)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        ClientId = clientId;
        EventId = eventId;
        Nip = "";
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid ClientId { get; private set; }

    /// <summary>The machine's own id of the tap, unique within the agency.</summary>
    public string EventId { get; private set; }

    public string Nip { get; private set; }

    public DateTimeOffset At { get; private set; }

    public PresenceEventKind Kind { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public PresenceEventOutcome Outcome { get; private set; }

    /// <summary>Why it was refused (an error code), when it was.</summary>
    public string? Code { get; private set; }

    public static PresenceEvent Record(
        Guid agencyId, Guid clientId, string eventId, string nip, DateTimeOffset at, PresenceEventKind kind, DateTimeOffset now, PresenceEventOutcome outcome, string? code) =>
        new(agencyId, clientId, eventId.Length is > 0 and <= MaxEventIdLength ? eventId : throw new DomainException("INTEGRATION_EVENT_ID_INVALID"))
        {
            Nip = nip.Length <= 18 ? nip : nip[..18],
            At = at.ToUniversalTime(),
            Kind = kind,
            ReceivedAt = now.ToUniversalTime(),
            Outcome = outcome,
            Code = code,
        };
}
