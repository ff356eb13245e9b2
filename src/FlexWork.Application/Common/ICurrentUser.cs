namespace FlexWork.Application.Common;

/// <summary>The signed-in caller, for HTTP requests and Blazor circuits alike.</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    /// <summary>The caller's agency; null for anonymous callers and the platform admin.</summary>
    Guid? AgencyId { get; }

    /// <summary>The caller's employee record; null for accounts that are not employees.</summary>
    Guid? EmployeeId { get; }

    IReadOnlyList<string> Roles { get; }

    string? IpAddress { get; }

    /// <summary>
    /// For background jobs only: this scope works for one agency as the system (no user, no
    /// employee), so the tenant filter shows that agency's rows and nothing else.
    /// </summary>
    void ActAsSystemFor(Guid agencyId);
}

public static class CurrentUserExtensions
{
    public static bool IsInRole(this ICurrentUser user, string role) => user.Roles.Contains(role);

    /// <summary>The caller's agency, or <see cref="ForbiddenAccessException"/> when there is none.</summary>
    public static Guid RequireAgency(this ICurrentUser user) =>
        user.AgencyId ?? throw new ForbiddenAccessException();

    /// <summary>The caller's employee record in their agency; accounts that are not employees are refused.</summary>
    public static Guid RequireEmployee(this ICurrentUser user)
    {
        user.RequireAgency();
        return user.EmployeeId ?? throw new ForbiddenAccessException();
    }

    public static Guid RequireAgencyAdmin(this ICurrentUser user) =>
        user.IsInRole(Roles.AgencyAdmin) ? user.RequireAgency() : throw new ForbiddenAccessException();

    /// <summary>The integration client behind the call (its id is the token's subject), or <see cref="ForbiddenAccessException"/>.</summary>
    public static (Guid AgencyId, Guid ClientId) RequireIntegrationClient(this ICurrentUser user) =>
        user.IsInRole(Roles.IntegrationClient) && Guid.TryParse(user.UserId, out var client) ? (user.RequireAgency(), client) : throw new ForbiddenAccessException();

    public static void RequireRole(this ICurrentUser user, string role)
    {
        if (!user.IsInRole(role))
        {
            throw new ForbiddenAccessException();
        }
    }
}
