namespace FlexWork.Web.Security;

/// <summary>Baseline browser hardening for every response.</summary>
internal static class SecurityHeadersMiddleware
{
    // Blazor Server needs inline styles (MudBlazor) and a WebSocket back to the same origin,
    // which 'self' covers in CSP Level 3 browsers.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/openapi"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        await next(context);
    });
}
