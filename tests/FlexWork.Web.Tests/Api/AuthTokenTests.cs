using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlexWork.Web.Tests.Api;

public class AuthTokenTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Good_credentials_return_an_identity_bearer_token()
    {
        var client = fixture.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "pegawai@demo.go.id", password = ApiFixture.DemoPassword }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<ApiFixture.TokenResponse>(Ct);
        Assert.Equal("Bearer", token!.TokenType);
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
        Assert.True(token.ExpiresIn > 0);
    }

    [Fact]
    public async Task A_refresh_token_buys_a_new_access_token_and_garbage_does_not()
    {
        var client = fixture.Factory.CreateClient();
        var first = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "atasan@demo.go.id", password = ApiFixture.DemoPassword }, Ct))
            .Content.ReadFromJsonAsync<ApiFixture.TokenResponse>(Ct);

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first!.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await refreshed.Content.ReadFromJsonAsync<ApiFixture.TokenResponse>(Ct);

        client.DefaultRequestHeaders.Authorization = new("Bearer", second!.AccessToken);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.Equal("atasan@demo.go.id", me.GetProperty("email").GetString());

        var forged = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "forged" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Theory]
    [InlineData("pegawai@demo.go.id", "wrong-password-123")]
    [InlineData("nobody@demo.go.id", "Demo#FlexWork2025")]
    [InlineData("", "")]
    public async Task Bad_credentials_are_a_401_problem_in_indonesian(string email, string password)
    {
        var client = fixture.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Email atau kata sandi salah.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Problems_speak_english_when_the_api_client_asks_for_it()
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "x@demo.go.id", password = "nope-nope-nope" }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Incorrect e-mail or password.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_without_a_token_is_401_not_a_login_redirect()
    {
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/employees", Ct)).StatusCode);

        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var client = fixture.Factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/refresh", out _));
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));
        Assert.True(paths.TryGetProperty("/api/v1/employees", out _));
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        var client = fixture.Factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live", Ct));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready", Ct));
    }
}
