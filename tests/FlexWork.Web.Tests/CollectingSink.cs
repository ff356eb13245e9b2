using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace FlexWork.Web.Tests;

/// <summary>
/// Every log event the app writes, rendered with its properties and exception: registered as a
/// service, Serilog picks it up as one more sink (ReadFrom.Services).
/// </summary>
public sealed class CollectingSink : ILogEventSink
{
    private readonly ConcurrentQueue<string> _events = new();

    public IEnumerable<string> Rendered => _events;

    public void Emit(LogEvent logEvent) =>
        _events.Enqueue(logEvent.RenderMessage(CultureInfo.InvariantCulture) + " " +
            string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + logEvent.Exception);
}
