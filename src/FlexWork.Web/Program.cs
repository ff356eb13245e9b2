using FlexWork.Web;
using FlexWork.Web.Api;
using FlexWork.Web.Components;
using FlexWork.Web.Components.Account;
using FlexWork.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(StartupSteps.WithoutFlags(args));
    builder.Configuration.AddInMemoryCollection(StartupSteps.FlagSettings(args));

    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration);
    builder.AddWeb();

    var app = builder.Build();

    await app.PrepareDatabaseAsync();
    if (app.Configuration.GetValue<bool>("NoServe"))
    {
        return 0;
    }

    // First, so that error responses are written in the caller's language too.
    app.UseRequestLocalization();

    if (app.Configuration.GetValue<bool>("ForwardedHeaders:Enabled"))
    {
        app.UseForwardedHeaders();
    }

    // Outside the exception handler, so that a user's mistake turned into a 400 is logged as the 400 it is.
    app.UseSerilogRequestLogging(options => RequestLogRedaction.Configure(options, app.Services.GetService<Serilog.ILogger>()));
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseHsts();
    }
    else
    {
        app.UseExceptionHandler();
    }

    app.UseSecurityHeaders();
    // Empty error responses: ProblemDetails for the API and the metrics scraper, the friendly page for people.
    static bool ForMachines(HttpContext context) => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(Observability.MetricsPath);
    app.UseWhen(ForMachines, api => api.UseStatusCodePages());
    app.UseWhen(context => !ForMachines(context), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
    app.UseRateLimiter();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();

    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    app.MapMetrics();
    app.MapOpenApi();
    app.MapApiReference();
    app.MapApi();
    app.MapStaticAssets();
    app.MapRazorComponents<App>()
        .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null); // our CSP says 'none'
    app.MapAccountEndpoints();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "FlexWork terminated unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so the web tests can host it with WebApplicationFactory.</summary>
public partial class Program;
