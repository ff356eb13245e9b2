using System.Text.RegularExpressions;
using Serilog.AspNetCore;
using Serilog.Events;

namespace FlexWork.Web.Security;

/// <summary>Keeps secrets that travel in a URL path (the iCalendar feed's) out of the request log.</summary>
internal static partial class RequestLogRedaction
{
    public const string Redacted = "[secret]";

    /// <param name="logger">This app's logger, rather than the static one (several hosts in one process, as in the tests, each log their own requests).</param>
    public static void Configure(RequestLoggingOptions options, Serilog.ILogger? logger)
    {
        options.Logger = logger;
        options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(Redact(path))),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
        ];
    }

    public static string Redact(string path) => FeedSecret().Replace(path, $"/calendar/{Redacted}.ics");

    [GeneratedRegex(@"/calendar/[^/]+\.ics$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeedSecret();
}
