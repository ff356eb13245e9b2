using FlexWork.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FlexWork.Web.Security;

/// <summary>Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state.</summary>
internal sealed class CurrentUserCircuitHandler(
    AuthenticationStateProvider authenticationStateProvider,
    CurrentUser currentUser,
    IHttpContextAccessor httpContextAccessor,
    ILogger<CurrentUserCircuitHandler> logger) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.Set(state.User, httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString());
    }

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;

    // An event handler must be async void; it must also never throw, or the process goes down.
    private async void OnAuthenticationChanged(Task<AuthenticationState> task)
    {
        try
        {
            currentUser.Set((await task).User, null);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not update the circuit's current user");
        }
    }
}
