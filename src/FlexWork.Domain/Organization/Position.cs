using FlexWork.Domain.Common;

namespace FlexWork.Domain.Organization;

public enum PositionKind
{
    Struktural,
    Fungsional,
    Pelaksana,
}

/// <summary>A position (jabatan). Eligibility for flexible work is decided per position (Pasal 23).</summary>
public sealed class Position : IAgencyOwned
{
    private Position(Guid id, Guid agencyId, string name, PositionKind kind, bool isFlexibleWorkEligible)
    {
        Id = id;
        AgencyId = agencyId;
        Name = name;
        Kind = kind;
        IsFlexibleWorkEligible = isFlexibleWorkEligible;
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): edits carry it so a stale save is refused.</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Name { get; private set; }

    public PositionKind Kind { get; private set; }

    public bool IsFlexibleWorkEligible { get; private set; }

    public static Position Create(Guid agencyId, string name, PositionKind kind, bool isFlexibleWorkEligible) =>
        new(Guid.CreateVersion7(), agencyId, Guard.Name(name), kind, isFlexibleWorkEligible);

    public void Update(string name, PositionKind kind, bool isFlexibleWorkEligible)
    {
        Name = Guard.Name(name);
        Kind = kind;
        IsFlexibleWorkEligible = isFlexibleWorkEligible;
    }
}
