using Microsoft.AspNetCore.Identity;

namespace FlexWork.Infrastructure.Identity;

/// <summary>A login account. Employees link to it 1:1 through <c>Employee.UserId</c>.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The agency the account belongs to; null only for platform admins.</summary>
    public Guid? AgencyId { get; set; }
}
