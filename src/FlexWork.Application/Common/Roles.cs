namespace FlexWork.Application.Common;

/// <summary>
/// Roles stored on the account. Supervisor and unit-head rights are not roles: they derive from
/// the org chart (see <see cref="Profiles.OrgRightsService"/>).
/// </summary>
public static class Roles
{
    public const string Employee = "Employee";
    public const string AgencyAdmin = "AgencyAdmin";
    public const string PlatformAdmin = "PlatformAdmin";

    /// <summary>The agency's leadership and the PPK: monitor every unit (Pasal 35), read-only.</summary>
    public const string AgencyLeadership = "AgencyLeadership";

    public static IReadOnlyList<string> All { get; } = [Employee, AgencyAdmin, PlatformAdmin, AgencyLeadership];

    /// <summary>Not an account's role: the one an attendance machine's token carries (presence only, one agency).</summary>
    public const string IntegrationClient = "IntegrationClient";
}
