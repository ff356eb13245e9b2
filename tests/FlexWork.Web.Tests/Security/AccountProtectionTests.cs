using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlexWork.Infrastructure.Identity;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Web.Tests.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.Web.Tests.Security;

public class AccountProtectionTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var client = fixture.Factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "baru@demo.go.id", password = $"Salah#Sandi{i}xx" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "baru@demo.go.id", password = ApiFixture.DemoPassword }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("terkunci", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_employee_cannot_sign_in_or_refresh()
    {
        var client = fixture.Factory.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "admin@demo2.go.id", password = ApiFixture.DemoPassword }, Ct))
            .Content.ReadFromJsonAsync<ApiFixture.TokenResponse>(Ct);

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            await db.Employees.IgnoreQueryFilters().Where(e => e.Email == "admin@demo2.go.id")
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.IsActive, false), Ct);
        }

        var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "admin@demo2.go.id", password = ApiFixture.DemoPassword }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        var problem = await signIn.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Akun ini tidak aktif. Hubungi admin instansi Anda.", problem.GetProperty("detail").GetString());

        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token!.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_pbkdf2_at_210000_iterations_or_more()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.FindByEmailAsync("pegawai@demo.go.id");

        // Identity v3 format: 0x01 | PRF (uint32) | iteration count (uint32, big-endian) | salt length | salt | subkey
        var hash = Convert.FromBase64String(user!.PasswordHash!);
        Assert.Equal(0x01, hash[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)) >= 210_000);

        var fresh = Convert.FromBase64String(userManager.PasswordHasher.HashPassword(user, "Sandi#Baru20261"));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(fresh.AsSpan(5)) >= 210_000);
    }

    [Fact]
    public async Task Passwords_shorter_than_12_characters_are_refused()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.FindByEmailAsync("pegawai@demo2.go.id");

        var result = await userManager.ChangePasswordAsync(user!, ApiFixture.DemoPassword, "Pendek#123a");
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
        Assert.True(await userManager.CheckPasswordAsync(user!, ApiFixture.DemoPassword));
    }

    [Fact]
    public async Task Data_protection_keys_live_in_postgresql_for_every_instance()
    {
        // Issuing a token needs a key; it is stored in the shared database, not on local disk.
        await fixture.ClientForAsync("pegawai@demo.go.id");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        Assert.True(await db.DataProtectionKeys.AnyAsync(Ct));
    }
}
