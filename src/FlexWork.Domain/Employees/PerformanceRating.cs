namespace FlexWork.Domain.Employees;

/// <summary>The five-level Predikat Kinerja; a higher value is a better rating.</summary>
public enum PerformanceRating
{
    SangatKurang = 1,
    Kurang = 2,
    ButuhPerbaikan = 3,
    Baik = 4,
    SangatBaik = 5,
}

/// <summary>Why an employee may work flexibly although the usual rules say no.</summary>
public enum EligibilityOverrideKind
{
    /// <summary>Keadaan khusus (e.g. health or family circumstances).</summary>
    SpecialCircumstances,

    /// <summary>Duties that must be done outside the office; the policy may exempt these from the caps.</summary>
    DutyOutsideOffice,
}
