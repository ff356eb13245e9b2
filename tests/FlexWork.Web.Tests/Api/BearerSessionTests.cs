using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FlexWork.Infrastructure.Identity;
using FlexWork.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.Web.Tests.Api;

/// <summary>The app with no cache on the session check, so that "at once" is what the tests see (the default caches a check for 30 s).</summary>
public sealed class SessionFixture : IAsyncLifetime
{
    public FlexWorkAppFactory Factory { get; private set; } = default!;

    public async ValueTask InitializeAsync() =>
        Factory = await FlexWorkAppFactory.CreateAsync("bearersession", new() { ["Bearer:SessionCheckSeconds"] = "0", ["LoginRateLimit:PermitLimit"] = "1000" });

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// A bearer token dies with the account's sessions: it does not outlive a deactivation or a
/// sign-out-everywhere, and a refresh token works once (a reused one ends its family). Each test
/// uses its own demo account, so they do not end each other's sessions.
/// </summary>
public sealed class BearerSessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FlexWorkAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task Deactivating_an_employee_ends_their_bearer_and_refresh_tokens_at_once()
    {
        var token = await TokenAsync("pegawai@demo.go.id");
        var employee = ClientWith(token);
        var id = (await employee.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct)).GetProperty("employeeId").GetGuid();

        var admin = await ApiFixture.SignInAsync(Factory.CreateClient(), "admin@demo.go.id");
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/employees/{id}", Ct)).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/employees/{id}/deactivate", new { version }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await employee.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(token.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me", Ct)).StatusCode); // the admin's own session is untouched
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_using_it_again_ends_its_whole_family()
    {
        var first = await TokenAsync("atasan@demo.go.id");
        var otherDevice = await TokenAsync("atasan@demo.go.id");

        var refreshed = await RefreshAsync(first.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.Content.ReadFromJsonAsync<ApiFixture.TokenResponse>(Ct))!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await ClientWith(second).GetAsync("/api/v1/me", Ct)).StatusCode);

        // The old token again: someone else holds a copy. Neither copy nor the new pair works now.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(first.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(second.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientWith(second).GetAsync("/api/v1/me", Ct)).StatusCode);

        // Another sign-in of the same account is another family, untouched.
        Assert.Equal(HttpStatusCode.OK, (await ClientWith(otherDevice).GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(otherDevice.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Two_refreshes_with_the_same_token_at_once_do_not_both_get_a_new_pair()
    {
        var token = await TokenAsync("kepala@demo.go.id");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefreshAsync(token.RefreshToken)));

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1, "at most one refresh may win");
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_token_of_the_account_and_is_audited()
    {
        var phone = await TokenAsync("pegawai@demo2.go.id");
        var laptop = await TokenAsync("pegawai@demo2.go.id");

        Assert.Equal(HttpStatusCode.NoContent, (await ClientWith(phone).PostAsync("/api/v1/me/sign-out-everywhere", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientWith(phone).GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientWith(laptop).GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(laptop.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientWith(await TokenAsync("pegawai@demo2.go.id")).GetAsync("/api/v1/me", Ct)).StatusCode);

        var admin = await ApiFixture.SignInAsync(Factory.CreateClient(), "admin@demo2.go.id");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?action=SessionsEnded&who=pegawai%40demo2.go.id", Ct);
        Assert.Equal(1, audit.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_admin_signs_an_employee_out_everywhere_only_in_their_own_agency()
    {
        var token = await TokenAsync("baru@demo.go.id");
        var employee = ClientWith(token);
        var id = (await employee.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct)).GetProperty("employeeId").GetGuid();
        var path = $"/api/v1/admin/employees/{id}/sign-out-everywhere";

        var otherAgency = await ApiFixture.SignInAsync(Factory.CreateClient(), "admin@demo2.go.id");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.PostAsync(path, null, Ct)).StatusCode);
        var supervisor = await ApiFixture.SignInAsync(Factory.CreateClient(), "atasan@demo.go.id");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync(path, null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/api/v1/me", Ct)).StatusCode);

        var admin = await ApiFixture.SignInAsync(Factory.CreateClient(), "admin@demo.go.id");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(path, null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await employee.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(token.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me", Ct)).StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?action=SessionsEnded&who=admin%40demo.go.id", Ct);
        Assert.Equal(1, audit.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task With_two_factor_sign_in_the_api_asks_for_the_authenticator_code_and_counts_wrong_ones()
    {
        const string Email = "admin@demo2.go.id";
        string key;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var withoutCode = await PostTokenAsync(new { email = Email, password = ApiFixture.DemoPassword });
        Assert.Equal("Akun ini memakai autentikasi dua faktor: kirim juga kode autentikator (twoFactorCode).", await DetailAsync(withoutCode));
        var wrongCode = await PostTokenAsync(new { email = Email, password = ApiFixture.DemoPassword, twoFactorCode = "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);

        var withCode = await PostTokenAsync(new { email = Email, password = ApiFixture.DemoPassword, twoFactorCode = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        var token = (await withCode.Content.ReadFromJsonAsync<ApiFixture.TokenResponse>(Ct))!;
        Assert.Equal(HttpStatusCode.OK, (await ClientWith(token).GetAsync("/api/v1/me", Ct)).StatusCode);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            Assert.Equal(0, await users.GetAccessFailedCountAsync(user)); // the good code reset the count the wrong one raised
            await users.SetTwoFactorEnabledAsync(user, false);
        }
    }

    private Task<HttpResponseMessage> PostTokenAsync(object body) => Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", body, Ct);

    private async Task<ApiFixture.TokenResponse> TokenAsync(string email)
    {
        var response = await PostTokenAsync(new { email, password = ApiFixture.DemoPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ApiFixture.TokenResponse>(Ct))!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken }, Ct);

    private HttpClient ClientWith(ApiFixture.TokenResponse token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString();
}
