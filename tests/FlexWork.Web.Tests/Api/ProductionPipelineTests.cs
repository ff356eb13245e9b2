using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlexWork.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.Web.Tests.Api;

/// <summary>
/// The app as deployed (Production): the error page must not swallow the API's answers, because
/// there the exception handler points the request at the page before the API's handler looks at it.
/// </summary>
public sealed class ProductionPipelineTests : IAsyncLifetime
{
    private FlexWorkAppFactory _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await FlexWorkAppFactory.CreateAsync("production", environment: "Production");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task User_mistakes_through_the_api_are_problem_details_not_the_error_page()
    {
        var client = _app.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "pegawai@demo.go.id", password = ApiFixture.DemoPassword }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());

        var monday = TestWeeks.Free(0);
        var threeHomeDays = JsonSerializer.Serialize(new
        {
            days = Enumerable.Range(0, 3).Select(i => new { date = monday.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mode = "Home" }),
            reason = "Menyusun laporan",
            workPlan = new[] { new { output = "Laporan" } },
        });
        var blocked = await client.PostAsync("/api/v1/requests", new StringContent(threeHomeDays, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        Assert.True((await blocked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("WEEKLY_REMOTE_CAP", out _));

        var unreadable = await client.PostAsync("/api/v1/requests", new StringContent("{", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("application/problem+json", unreadable.Content.Headers.ContentType?.MediaType);

        var missing = await client.GetAsync($"/api/v1/requests/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_with_an_unencrypted_key_ring()
    {
        var sink = new CollectingSink();
        await using var factory = await FlexWorkAppFactory.CreateAsync("nokeyring", new() { ["DataProtection:CertificatePath"] = "" }, environment: "Production");
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<Serilog.Core.ILogEventSink>(sink)));
        Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(sink.Rendered, line => line.Contains("DataProtection__CertificatePath", StringComparison.Ordinal)); // the log names the setting
    }
}
