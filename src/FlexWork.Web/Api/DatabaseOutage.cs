using System.Globalization;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace FlexWork.Web.Api;

/// <summary>
/// While the database is away (restarting, failing over), callers get 503 with Retry-After
/// instead of a 500: the API as ProblemDetails, people a short page. Nothing was changed.
/// </summary>
internal sealed class DatabaseOutage(IProblemDetailsService problemDetails, IStringLocalizer<SharedResource> localizer, ILogger<DatabaseOutage> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    /// <summary>A connection that could not be made or broke off, anywhere in the exception's chain.</summary>
    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Is(exception))
        {
            return false;
        }

        logger.LogWarning("The database is unreachable; answered 503 ({Message})", exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (new PathString(path).StartsWithSegments("/api"))
        {
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = localizer["Error.DatabaseAway"], Detail = localizer["Error.DatabaseAwayBody"] },
                Exception = exception,
            });
        }

        httpContext.Response.ContentType = "text/html; charset=utf-8";
        var title = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(localizer["Error.DatabaseAway"]);
        var body = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(localizer["Error.DatabaseAwayBody"]);
        await httpContext.Response.WriteAsync(
            $"""
            <!DOCTYPE html><html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><title>FlexWork</title>
            <meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" href="/app.css"></head>
            <body><main class="account-main"><section class="auth-card"><h1>{title}</h1><p>{body}</p></section></main></body></html>
            """,
            cancellationToken);
        return true;
    }
}
