using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlexWork.Tests.Shared;

namespace FlexWork.Web.Tests.Api;

/// <summary>
/// The API document is fit for generated clients: every operation has an id, a summary and the
/// security it asks for, and a standard linter (Redocly CLI, recommended rules) finds no error.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_and_its_security()
    {
        var document = JsonNode.Parse(await fixture.Factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct))!;
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Key is "get" or "post" or "put" or "delete" or "patch")
            .Select(o => (Route: $"{o.Key.ToUpperInvariant()} {path.Key}", Operation: o.Value!))).ToList();
        Assert.True(operations.Count > 60, $"only {operations.Count} operations");
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["operationId"]), $"{o.Route} has no operationId"));
        Assert.Equal(operations.Count, operations.Select(o => (string?)o.Operation["operationId"]).Distinct().Count());
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["summary"]), $"{o.Route} has no summary"));

        string? SchemeOf(string route) => operations.Single(o => o.Route == route).Operation["security"]!.AsArray() is [var first, ..] ? first!.AsObject().Single().Key : null;
        Assert.Equal("Bearer", SchemeOf("GET /api/v1/presence/today"));
        Assert.Equal("ClientCredentials", SchemeOf("POST /api/v1/integrations/presence"));
        Assert.Null(SchemeOf("POST /api/v1/auth/token"));
        Assert.Null(SchemeOf("POST /api/v1/integrations/token"));
        Assert.Equal("/api/v1/integrations/token", (string?)document["components"]!["securitySchemes"]!["ClientCredentials"]!["flows"]!["clientCredentials"]!["tokenUrl"]);
        Assert.All(document["tags"]!.AsArray(), tag => Assert.False(string.IsNullOrWhiteSpace((string?)tag!["description"]), $"tag {tag!["name"]} has no description"));
    }

    [Fact]
    public async Task A_standard_linter_finds_no_error()
    {
        var redocly = Environment.GetEnvironmentVariable("FLEXWORK_REDOCLY") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot.Path, "tests", "openapi", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"Redocly CLI not found at {redocly}: ./test.sh installs it (npm ci in tests/openapi)");
        var directory = Path.Combine(RepositoryRoot.Path, "TestResults", "openapi");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "v1.json");
        await File.WriteAllTextAsync(path, await fixture.Factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct), Ct);

        var start = new ProcessStartInfo(redocly, ["lint", path, "--format=json", "--config", Path.Combine(RepositoryRoot.Path, "tests", "openapi", "redocly.yaml")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var lint = Process.Start(start)!;
        var output = lint.StandardOutput.ReadToEndAsync(Ct);
        var errors = lint.StandardError.ReadToEndAsync(Ct);
        await lint.WaitForExitAsync(Ct);
        var json = await output;
        var report = JsonDocument.Parse(json[json.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        var problems = report.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() == "error")
            .Select(p => $"{p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}")
            .ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} lint errors:\n{string.Join("\n", problems.Take(40))}\n{await errors}");
    }
}
