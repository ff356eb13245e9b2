using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using FlexWork.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Security;

/// <summary>
/// Limits password attempts for one account, from whatever address: behind a load balancer, or
/// from a botnet, the per-address limit alone would let a password be guessed slowly from many
/// places. Unlike lockout it does not count successes apart, and it never locks the real person
/// out for long: the window is short and the answer says to wait.
/// </summary>
public sealed class AccountSignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AccountSignInLimiter(IConfiguration configuration)
    {
        var section = configuration.GetSection("LoginRateLimit");
        var permitLimit = section.GetValue("PerAccountPermitLimit", 20);
        var window = TimeSpan.FromSeconds(section.GetValue("PerAccountWindowSeconds", 900));
        _limiter = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(
            email, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 }));
    }

    /// <summary>False when this account had too many attempts lately: refuse without checking the password.</summary>
    public bool TryAttempt(string? email)
    {
        using var lease = _limiter.AttemptAcquire((email ?? "").Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Limits password attempts per client address on both doors: the login form and the token
/// endpoint. Lockout protects an account; this protects against spraying many accounts.
/// </summary>
internal static class LoginRateLimiting
{
    public static readonly string[] LoginPaths = ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/api/v1/auth/token"];

    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("LoginRateLimit");
        var permitLimit = section.GetValue("PermitLimit", 10);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60));

        services.AddSingleton<AccountSignInLimiter>();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => WriteRejectionAsync(context.HttpContext, window, cancellationToken);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLoginAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    /// <summary>A clear answer in the user's language: ProblemDetails for the API, a short page for the form.</summary>
    private static async ValueTask WriteRejectionAsync(HttpContext context, TimeSpan window, CancellationToken cancellationToken)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = localizer["Problem.TooManyRequests"] },
            });
            return;
        }

        var message = HtmlEncoder.Default.Encode(localizer["Login.TooManyAttempts"]);
        var back = HtmlEncoder.Default.Encode(localizer["Login.BackToLogin"]);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html><html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><title>FlexWork</title>
            <meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" href="/app.css"></head>
            <body><main class="account-main"><section class="auth-card"><h1>FlexWork</h1><p class="alert alert-danger" role="alert">{message}</p>
            <a href="/Account/Login">{back}</a></section></main></body></html>
            """,
            cancellationToken);
    }

    // Routing ignores case and a trailing slash, so the comparison must too.
    private static bool IsLoginAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        LoginPaths.Any(p => string.Equals(request.Path.Value?.TrimEnd('/'), p, StringComparison.OrdinalIgnoreCase));
}
