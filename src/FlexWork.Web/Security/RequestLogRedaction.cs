using System.Text.RegularExpressions;
using Serilog.AspNetCore;
using Serilog.Events;

namespace FlexWork.Web.Security;

/// <summary>Keeps secrets that travel in a URL path (the iCalendar feed's) out of the request log.</summary>
internal static partial class RequestLogRedaction
{
    public const string Redacted = "[secret]";

    public static void Configure(RequestLoggingOptions options) =>
        options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(Redact(path))),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
        ];

    public static string Redact(string path) => FeedSecret().Replace(path, $"/calendar/{Redacted}.ics");

    [GeneratedRegex(@"/calendar/[^/]+\.ics$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeedSecret();
}
