using FlexWork.Domain.Common;

namespace FlexWork.Domain.Requests;

/// <summary>
/// An acting official (Pelaksana Harian / Pelaksana Tugas) who decides requests in the place of a
/// supervisor or unit head for a period, on the strength of a decree.
/// </summary>
public sealed class Delegation : IAgencyOwned
{
    public const int MaxReferenceLength = 200;

    private Delegation(Guid id, Guid agencyId, Guid principalEmployeeId, Guid delegateEmployeeId, DateOnly from, DateOnly until, string decreeReference)
    {
        Id = id;
        AgencyId = agencyId;
        PrincipalEmployeeId = principalEmployeeId;
        DelegateEmployeeId = delegateEmployeeId;
        From = from;
        Until = until;
        DecreeReference = decreeReference;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The official whose decisions are delegated.</summary>
    public Guid PrincipalEmployeeId { get; private set; }

    /// <summary>The acting official.</summary>
    public Guid DelegateEmployeeId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly Until { get; private set; }

    public string DecreeReference { get; private set; }

    public bool IsRevoked { get; private set; }

    public static Delegation Create(
        Guid agencyId, Guid principalEmployeeId, Guid delegateEmployeeId, DateOnly from, DateOnly until, string? decreeReference, DateOnly today)
    {
        if (principalEmployeeId == delegateEmployeeId)
        {
            throw new DomainException("DELEGATION_TO_SELF");
        }

        if (until < from || until < today)
        {
            throw new DomainException("DATE_RANGE_INVALID");
        }

        if (string.IsNullOrWhiteSpace(decreeReference))
        {
            throw new DomainException("DELEGATION_DECREE_REQUIRED");
        }

        decreeReference = decreeReference.Trim();
        if (decreeReference.Length > MaxReferenceLength)
        {
            throw new DomainException("DELEGATION_DECREE_TOO_LONG", MaxReferenceLength);
        }

        return new Delegation(Guid.CreateVersion7(), agencyId, principalEmployeeId, delegateEmployeeId, from, until, decreeReference);
    }

    public bool ActiveOn(DateOnly date) => !IsRevoked && date >= From && date <= Until;

    public void Revoke() => IsRevoked = true;
}
