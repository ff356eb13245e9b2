using FlexWork.Domain.Common;

namespace FlexWork.Domain.Organization;

public enum PositionKind
{
    Struktural,
    Fungsional,
    Pelaksana,
}

/// <summary>A position (jabatan). Eligibility for flexible work follows from its duties (Pasal 23).</summary>
public sealed class Position : IAgencyOwned
{
    private Position(Guid id, Guid agencyId, string name, PositionKind kind, DutyCriteria criteria)
    {
        Id = id;
        AgencyId = agencyId;
        Name = name;
        Kind = kind;
        Criteria = criteria;
        IsFlexibleWorkEligible = criteria.AreAllMet;
    }

    private Position()
    {
        Name = "";
        Criteria = DutyCriteria.AllMet;
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): edits carry it so a stale save is refused.</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Name { get; private set; }

    public PositionKind Kind { get; private set; }

    /// <summary>The Pasal 23 checklist the admin filled in.</summary>
    public DutyCriteria Criteria { get; private set; }

    /// <summary>All five criteria met; stored so that queries and the policy engine can read it.</summary>
    public bool IsFlexibleWorkEligible { get; private set; }

    public static Position Create(Guid agencyId, string name, PositionKind kind, DutyCriteria criteria) =>
        new(Guid.CreateVersion7(), agencyId, Guard.Name(name), kind, criteria);

    public void Update(string name, PositionKind kind, DutyCriteria criteria)
    {
        Name = Guard.Name(name);
        Kind = kind;
        Criteria = criteria;
        IsFlexibleWorkEligible = criteria.AreAllMet;
    }
}
