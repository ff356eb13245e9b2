namespace FlexWork.Infrastructure.Identity;

/// <summary>Claims added at sign-in so every request knows its tenant without a lookup.</summary>
public static class FlexWorkClaimTypes
{
    public const string AgencyId = "flexwork:agency_id";
    public const string EmployeeId = "flexwork:employee_id";

    /// <summary>On bearer tokens: the refresh-token family and generation they belong to (<see cref="RefreshTokenFamilies"/>).</summary>
    public const string RefreshFamily = "flexwork:refresh_family";
}
