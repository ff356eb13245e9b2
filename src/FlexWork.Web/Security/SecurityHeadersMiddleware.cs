using System.Security.Cryptography;

namespace FlexWork.Web.Security;

/// <summary>Baseline browser hardening for every response.</summary>
internal static class SecurityHeadersMiddleware
{
    private const string NonceKey = "FlexWork.CspNonce";

    /// <summary>
    /// This response's script nonce: the one inline script, Blazor's import map, carries it
    /// (App.razor), so no other inline script runs.
    /// </summary>
    public static string CspNonce(this HttpContext context) => (string)context.Items[NonceKey]!;

    // Blazor Server needs inline styles (MudBlazor) and a WebSocket back to the same origin,
    // which 'self' covers in CSP Level 3 browsers.
    private static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML to escape
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/openapi"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
        }

        await next(context);
    });
}
