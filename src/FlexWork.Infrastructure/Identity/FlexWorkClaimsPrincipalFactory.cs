using System.Globalization;
using System.Security.Claims;
using FlexWork.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexWork.Infrastructure.Identity;

/// <summary>Puts the agency and employee ids into the cookie and the bearer token.</summary>
public sealed class FlexWorkClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    FlexWorkDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.AgencyId is not { } agencyId)
        {
            return identity;
        }

        identity.AddClaim(new Claim(FlexWorkClaimTypes.AgencyId, agencyId.ToString()));

        // The caller is not signed in yet, so the tenant filter cannot apply: filter by hand.
        var employeeId = await db.Employees.IgnoreQueryFilters()
            .Where(e => e.AgencyId == agencyId && e.UserId == user.Id)
            .Select(e => (Guid?)e.Id)
            .SingleOrDefaultAsync();
        if (employeeId is { } id)
        {
            identity.AddClaim(new Claim(FlexWorkClaimTypes.EmployeeId, id.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
