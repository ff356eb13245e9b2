using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlexWork.Tests.Shared;

namespace FlexWork.Web.Tests.Api;

/// <summary>A bearer token dies with the account's sessions: it does not outlive a deactivation.</summary>
public sealed class BearerSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deactivating_an_employee_ends_their_bearer_and_refresh_tokens_at_once()
    {
        // No cache, so that "at once" is what the test sees; the default caches a check for 30 s.
        await using var factory = await FlexWorkAppFactory.CreateAsync("bearersession", new() { ["Bearer:SessionCheckSeconds"] = "0" });
        var employee = factory.CreateClient();
        var token = await (await employee.PostAsJsonAsync("/api/v1/auth/token", new { email = "pegawai@demo.go.id", password = ApiFixture.DemoPassword }, Ct))
            .Content.ReadFromJsonAsync<ApiFixture.TokenResponse>(Ct);
        employee.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var me = await employee.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);

        var admin = await ApiFixture.SignInAsync(factory.CreateClient(), "admin@demo.go.id");
        var id = me.GetProperty("employeeId").GetGuid();
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/employees/{id}", Ct)).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/employees/{id}/deactivate", new { version }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await employee.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me", Ct)).StatusCode); // the admin's own session is untouched
    }
}
