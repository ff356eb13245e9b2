using FlexWork.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Infrastructure.Identity;

/// <summary>
/// Identity asks this before every sign-in and token refresh: a deactivated employee, or anyone
/// of a deactivated agency, may not sign in (the answer is "not allowed", not "wrong password").
/// </summary>
public sealed class ActiveAccountConfirmation(FlexWorkDbContext db) : IUserConfirmation<ApplicationUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (user.AgencyId is not { } agencyId)
        {
            return true; // platform admins belong to no agency
        }

        // Nobody is signed in yet, so the tenant filter cannot apply: filter by hand.
        var agencyActive = await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive);
        var employeeInactive = await db.Employees.IgnoreQueryFilters().AnyAsync(e => e.AgencyId == agencyId && e.UserId == user.Id && !e.IsActive);
        return agencyActive && !employeeInactive;
    }
}
