using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace FlexWork.Web.Tests.Api;

/// <summary>The metrics scrape endpoint is the operator's alone, and request logs carry the trace they belong to.</summary>
public sealed class ObservabilityTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_operator_scrapes_the_metrics()
    {
        var anonymous = await fixture.Factory.CreateClient().GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        foreach (var email in new[] { "admin@demo.go.id", "pegawai@demo.go.id", "admin@demo2.go.id" })
        {
            var refused = await (await fixture.ClientForAsync(email)).GetAsync("/metrics", Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var operatorClient = await fixture.ClientForAsync("platform@flexwork.local");
        await operatorClient.GetAsync("/api/v1/me", Ct); // a request and its database commands to count
        var metrics = await operatorClient.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync(Ct);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("db_client_", text, StringComparison.Ordinal); // Npgsql's command metrics
    }

    [Fact]
    public async Task A_request_log_carries_the_trace_id_the_caller_sent()
    {
        var sink = new TraceSink();
        await using var app = fixture.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(sink)));
        var client = app.CreateClient();
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        await client.SendAsync(request, Ct);

        Assert.Contains(sink.Requests, r => r.Path == "/api/v1/me" && r.TraceId == traceId);
    }

    private sealed class TraceSink : ILogEventSink
    {
        public ConcurrentQueue<(string? Path, string? TraceId)> Requests { get; } = new();

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Properties.TryGetValue("RequestPath", out var path))
            {
                Requests.Enqueue(((path as ScalarValue)?.Value as string, logEvent.TraceId?.ToHexString()));
            }
        }
    }
}
