using FlexWork.Domain.Common;

namespace FlexWork.Domain.Policies;

public enum PolicyVersionStatus
{
    Draft,
    Published,
}

/// <summary>
/// One version of an agency's flexible-work policy. Admins edit the agency's single draft and
/// publish it with an effective date and a legal reference (the head of agency's decree); a
/// published version never changes, so a request judged against it can always be explained.
/// </summary>
public sealed class PolicyVersion : IAgencyOwned
{
    public const int MaxLegalReferenceLength = 200;

    private PolicyVersion(Guid id, Guid agencyId, PolicySettings settings, int? basedOnNumber, DateTimeOffset now)
    {
        Id = id;
        AgencyId = agencyId;
        Settings = settings;
        BasedOnNumber = basedOnNumber;
        Status = PolicyVersionStatus.Draft;
        UpdatedAt = now;
    }

    private PolicyVersion()
    {
        Settings = PolicySettings.Regulation;
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): a draft edited in two places cannot silently lose one edit.</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public PolicyVersionStatus Status { get; private set; }

    /// <summary>1, 2, 3… once published; 0 while a draft.</summary>
    public int Number { get; private set; }

    /// <summary>The published version the draft started from (null: the regulation template).</summary>
    public int? BasedOnNumber { get; private set; }

    public PolicySettings Settings { get; private set; }

    public DateOnly? EffectiveFrom { get; private set; }

    public string? LegalReference { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedByUserId { get; private set; }

    public static PolicyVersion CreateDraft(Guid agencyId, PolicySettings settings, int? basedOnNumber, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), agencyId, settings, basedOnNumber, now);

    public void Edit(PolicySettings settings, DateTimeOffset now)
    {
        EnsureDraft();
        Settings = settings;
        UpdatedAt = now;
    }

    /// <param name="number">The next number in the agency's history.</param>
    /// <param name="today">The agency's local date: a version cannot take effect in the past.</param>
    public void Publish(int number, DateOnly effectiveFrom, string? legalReference, DateOnly today, DateTimeOffset now, string? userId)
    {
        EnsureDraft();
        if (effectiveFrom < today)
        {
            throw new DomainException("POLICY_EFFECTIVE_PAST", effectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (string.IsNullOrWhiteSpace(legalReference))
        {
            throw new DomainException("POLICY_LEGAL_REFERENCE_REQUIRED");
        }

        if (legalReference.Trim().Length > MaxLegalReferenceLength)
        {
            throw new DomainException("POLICY_LEGAL_REFERENCE_TOO_LONG", MaxLegalReferenceLength);
        }

        Status = PolicyVersionStatus.Published;
        Number = number;
        EffectiveFrom = effectiveFrom;
        LegalReference = legalReference.Trim();
        PublishedAt = now;
        PublishedByUserId = userId;
        UpdatedAt = now;
    }

    private void EnsureDraft()
    {
        if (Status != PolicyVersionStatus.Draft)
        {
            throw new DomainException("POLICY_VERSION_PUBLISHED", Number);
        }
    }
}
