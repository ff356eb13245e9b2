using System.Text;
using FlexWork.Web.Security;
using Scalar.AspNetCore;

namespace FlexWork.Web.Api;

/// <summary>
/// The API reference for integrators at <c>/scalar/v1</c> (ADR-011): anonymous, the document only,
/// every asset from this app. Its page starts Scalar with one inline script; rather than loosen
/// the content security policy, the page's scripts get this response's nonce.
/// </summary>
internal static class ApiReference
{
    private const string Path = "/scalar";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path) && !System.IO.Path.HasExtension(context.Request.Path.Value), page => page.Use(async (context, next) =>
        {
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var html = Encoding.UTF8.GetString(buffer.ToArray()).Replace("<script", $"<script nonce=\"{context.CspNonce()}\"", StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetBytes(html);
            context.Response.ContentLength = bytes.Length;
            await original.WriteAsync(bytes, context.RequestAborted);
        }));
        app.MapScalarApiReference(Path, options => options
            .WithTitle("FlexWork API")
            .DisableTelemetry()
            .DisableAgent()
            .HideDeveloperTools()
            .DisableDefaultFonts()
            .AddPreferredSecuritySchemes(OpenApiDocumentation.BearerScheme)
            .AddClientCredentialsFlow(OpenApiDocumentation.ClientCredentialsScheme, flow => flow.WithTokenUrl("/api/v1/integrations/token")));
        return app;
    }
}
