namespace FlexWork.Domain.Organization;

/// <summary>
/// The five duty criteria of PermenPANRB 4/2025 Pasal 23. A position is eligible for flexible
/// work only when its duties meet all five.
/// </summary>
public sealed record DutyCriteria(
    bool WorkableOutsideOffice,
    bool NoSpecialWorkspaceOrEquipment,
    bool DoableWithIct,
    bool LittleFaceToFaceContact,
    bool NoContinuousSupervision)
{
    public static DutyCriteria AllMet { get; } = new(true, true, true, true, true);

    public bool AreAllMet =>
        WorkableOutsideOffice && NoSpecialWorkspaceOrEquipment && DoableWithIct && LittleFaceToFaceContact && NoContinuousSupervision;
}
