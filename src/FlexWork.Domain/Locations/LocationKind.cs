namespace FlexWork.Domain.Locations;

public enum LocationKind
{
    /// <summary>Another office of the agency (regional or vertical office, UPT): the OtherOffice mode.</summary>
    OtherOffice,

    /// <summary>Any other approved place (e.g. a co-working space): the OtherLocation mode.</summary>
    OtherLocation,
}
