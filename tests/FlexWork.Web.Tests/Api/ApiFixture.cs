using System.Net.Http.Headers;
using System.Net.Http.Json;
using FlexWork.Tests.Shared;

namespace FlexWork.Web.Tests.Api;

/// <summary>The app in-process on its own demo database, with a bearer-token helper.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string DemoPassword = "Demo#FlexWork2025";

    public FlexWorkAppFactory Factory { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        // Many sign-ins from one test client: lift the per-client login limit here; the limit
        // itself is tested on its own app instance.
        Factory = await FlexWorkAppFactory.CreateAsync("api", new() { ["LoginRateLimit:PermitLimit"] = "1000" });
        _ = Factory.Server;
    }

    public Task<HttpClient> ClientForAsync(string email) => SignInAsync(Factory.CreateClient(), email);

    /// <summary>Signs the client in as a demo user with a bearer token.</summary>
    public static async Task<HttpClient> SignInAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
