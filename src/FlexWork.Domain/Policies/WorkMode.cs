namespace FlexWork.Domain.Policies;

/// <summary>Where a working day is spent (fleksibel secara lokasi).</summary>
public enum WorkMode
{
    /// <summary>The employee's own office (kantor).</summary>
    Office,

    /// <summary>Another office of the same agency: regional or vertical office, UPT.</summary>
    OtherOffice,

    /// <summary>The registered domicile.</summary>
    Home,

    /// <summary>A location from the agency's approved list, or a one-off address when allowed.</summary>
    OtherLocation,
}

public static class WorkModes
{
    /// <summary>Every mode but the own office counts against the remote-work caps.</summary>
    public static bool IsRemote(this WorkMode mode) => mode != WorkMode.Office;
}
