using FlexWork.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Monitoring;

/// <summary>
/// The units a caller monitors (Pasal 35, tiered): a unit head the units they head and all below;
/// the agency admins and the agency's leadership (PPK, read-only) every unit. Everyone else is refused.
/// </summary>
public sealed record MonitoringScope(Guid AgencyId, IReadOnlyDictionary<Guid, string> Units, bool WholeAgency)
{
    public static async Task<MonitoringScope> OfAsync(IFlexWorkDbContext db, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.RequireAgency();
        var names = await db.OrganizationUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        if (currentUser.IsInRole(Roles.AgencyAdmin) || currentUser.IsInRole(Roles.AgencyLeadership))
        {
            return new MonitoringScope(agencyId, names, WholeAgency: true);
        }

        var overseen = (await db.UnitTreeAsync(cancellationToken)).OverseenBy(currentUser.RequireEmployee());
        return overseen.Count == 0
            ? throw new ForbiddenAccessException("MONITORING_NOT_ALLOWED")
            : new MonitoringScope(agencyId, names.Where(n => overseen.Contains(n.Key)).ToDictionary(), WholeAgency: false);
    }

    /// <summary>A unit of the scope; one outside it, or of another agency, is as if it did not exist.</summary>
    public Guid Require(Guid unitId) => Units.ContainsKey(unitId) ? unitId : throw new NotFoundException("OrganizationUnit", unitId);
}
