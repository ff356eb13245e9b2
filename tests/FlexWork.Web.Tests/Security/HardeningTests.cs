using System.Net;
using System.Net.Http.Json;
using FlexWork.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.Web.Tests.Security;

public class HardeningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_login_burst_from_one_client_is_answered_with_429()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("ratelimit", new() { ["LoginRateLimit:PermitLimit"] = "5" });
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"spray{i}@demo.go.id", password = "Coba#Coba12345" }, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), statuses.Take(5));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(5));

        // Case and a trailing slash reach the same endpoint, so they share the limit.
        var variant = await client.PostAsJsonAsync("/API/v1/auth/token/", new { email = "x@demo.go.id", password = "Coba#Coba12345" }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, variant.StatusCode);

        // The login form shares the budget: the same client is refused there too.
        var form = await client.PostAsync("/Account/Login", new FormUrlEncodedContent([new("Input.Email", "a@b.c")]), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.True(form.Headers.RetryAfter is not null);

        // Pages other than the login doors are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("register");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Account/Register", Ct)).StatusCode);
        foreach (var path in new[] { "/register", "/api/v1/auth/register", "/Account/Register" })
        {
            var response = await client.PostAsJsonAsync(path, new { email = "x@y.z", password = "Abcdef#123456" }, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{path}: {response.StatusCode}");
        }

        var login = await client.GetStringAsync("/Account/Login", Ct);
        Assert.DoesNotContain("Register", login, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_render_in_indonesian_by_default()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("headers");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var response = await client.GetAsync("/Account/Login", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"id\"", html, StringComparison.Ordinal);
        Assert.Contains("Masuk ke FlexWork", html, StringComparison.Ordinal);

        var english = await client.GetStringAsync("/Account/Login?culture=en-US", Ct);
        Assert.Contains("Sign in to FlexWork", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_map_is_the_only_inline_script_and_carries_this_responses_nonce()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("csp");
        var client = factory.CreateClient();

        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await client.GetAsync("/Account/Login", Ct);
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            var nonce = System.Text.RegularExpressions.Regex.Match(policy, "script-src 'self' 'nonce-([0-9a-f]+)'").Groups[1].Value;
            Assert.NotEmpty(nonce);
            var html = await response.Content.ReadAsStringAsync(Ct);
            var inline = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>").Select(m => m.Value).ToList();
            Assert.Equal([$"<script type=\"importmap\" nonce=\"{nonce}\">"], inline);
            nonces.Add(nonce);
        }

        Assert.NotEqual(nonces[0], nonces[1]); // a fresh nonce per response
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Language_switch_never_redirects_off_site(string redirectUri)
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("redirect");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture?culture=en-US&redirectUri={Uri.EscapeDataString(redirectUri)}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_require_sign_in()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("pages");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var path in new[] { "/", "/admin/employees", "/team", "/platform/agencies", "/Account/Manage" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{path}: {response.StatusCode}");
            Assert.Contains("Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_account_whatever_the_address()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("accountlimit", new()
        {
            ["LoginRateLimit:PermitLimit"] = "1000",
            ["LoginRateLimit:PerAccountPermitLimit"] = "3",
        });
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "atasan@demo.go.id", password = $"Tebakan#{i}xxxxxx" }, Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "pegawai@demo.go.id", password = FlexWork.Web.Tests.Api.ApiFixture.DemoPassword }, Ct)).StatusCode);
    }

    [Theory]
    [InlineData(null, true)] // forwarded headers from an unlisted peer are ignored: a faked address shares the peer's budget
    [InlineData("203.0.113.0/24", false)] // from the load balancer's network they name the client
    public async Task Forwarded_addresses_count_only_from_trusted_proxy_networks(string? trustedNetworks, bool limited)
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("forwarded", new()
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:TrustedNetworks"] = trustedNetworks,
            ["LoginRateLimit:PermitLimit"] = "3",
        });
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, PeerAddress>()));
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var attempt = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { email = $"x{i}@demo.go.id", password = "Coba#Coba12345" }) };
            attempt.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            statuses.Add((await client.SendAsync(attempt, Ct)).StatusCode);
        }

        Assert.Equal(limited, statuses.Contains(HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Outside_development_cookies_are_secure()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("securecookies", environment: "Production");
        _ = factory.Server;
        var cookies = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>();
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, cookies.Get(scheme).Cookie.SecurePolicy);
        }

        var antiforgery = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>();
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, antiforgery.Value.Cookie.SecurePolicy);
    }

    /// <summary>TestServer has no peer address: the requests come from the load balancer's address.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.9");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
