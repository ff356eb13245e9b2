using System.Security.Claims;
using FlexWork.Application.Common;

namespace FlexWork.Infrastructure.Identity;

/// <summary>
/// The caller of this scope. HTTP requests set it in middleware; Blazor circuits (a scope of
/// their own, without an HttpContext) set it from the authentication state.
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());

    public string? UserId => Authenticated ? _principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public Guid? AgencyId => GuidClaim(FlexWorkClaimTypes.AgencyId);

    public Guid? EmployeeId => GuidClaim(FlexWorkClaimTypes.EmployeeId);

    public IReadOnlyList<string> Roles =>
        Authenticated ? _principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() : [];

    public string? IpAddress { get; private set; }

    private bool Authenticated => _principal.Identity?.IsAuthenticated == true;

    public void Set(ClaimsPrincipal principal, string? ipAddress)
    {
        _principal = principal;
        IpAddress = ipAddress ?? IpAddress;
    }

    private Guid? GuidClaim(string type) =>
        Authenticated && Guid.TryParse(_principal.FindFirstValue(type), out var id) ? id : null;
}
