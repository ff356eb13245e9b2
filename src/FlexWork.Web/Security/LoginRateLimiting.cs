using System.Threading.RateLimiting;

namespace FlexWork.Web.Security;

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

        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLoginAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static bool IsLoginAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        LoginPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
