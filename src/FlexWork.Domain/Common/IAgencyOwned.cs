namespace FlexWork.Domain.Common;

/// <summary>Marks rows that belong to one agency (tenant); the persistence layer filters on it.</summary>
public interface IAgencyOwned
{
    Guid AgencyId { get; }
}
