using System.Security.Claims;
using FlexWork.Application.Common;
using Microsoft.AspNetCore.Http;

namespace FlexWork.Infrastructure.Identity;

/// <summary>
/// The caller of this scope. In an HTTP request it reads the request's user when asked (so it
/// sees the bearer principal that authorization resolves); a Blazor circuit, which has no
/// request, sets the user from its authentication state; tests and jobs set it directly.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor? httpContextAccessor = null) : ICurrentUser
{
    private ClaimsPrincipal? _principal;
    private string? _ipAddress;

    public string? UserId => Authenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public Guid? AgencyId => GuidClaim(FlexWorkClaimTypes.AgencyId);

    public Guid? EmployeeId => GuidClaim(FlexWorkClaimTypes.EmployeeId);

    public IReadOnlyList<string> Roles =>
        Authenticated ? Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() : [];

    public string? IpAddress => _ipAddress ?? httpContextAccessor?.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private ClaimsPrincipal Principal =>
        _principal ?? httpContextAccessor?.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    private bool Authenticated => Principal.Identity?.IsAuthenticated == true;

    public void Set(ClaimsPrincipal principal, string? ipAddress)
    {
        _principal = principal;
        _ipAddress = ipAddress ?? _ipAddress;
    }

    public void ActAsSystemFor(Guid agencyId) =>
        Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(FlexWorkClaimTypes.AgencyId, agencyId.ToString())], authenticationType: "System")), null);

    private Guid? GuidClaim(string type) =>
        Authenticated && Guid.TryParse(Principal.FindFirstValue(type), out var id) ? id : null;
}
