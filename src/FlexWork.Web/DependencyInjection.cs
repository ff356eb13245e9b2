using FlexWork.Application.Policies;
using FlexWork.Web.Api;
using System.Text.Json.Serialization;
using FluentValidation;
using FlexWork.Web.Components.Account;
using FlexWork.Web.Localization;
using FlexWork.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using FlexWork.Infrastructure.Identity;
using FlexWork.Infrastructure.Persistence;
using MudBlazor;
using MudBlazor.Services;
using Serilog;
using Serilog.Formatting.Compact;

namespace Microsoft.Extensions.DependencyInjection;

public static class DependencyInjection
{
    /// <summary>
    /// The largest request body outside the routes that raise it for themselves (imports, evidence):
    /// a client cannot make the app read 30 MB (Kestrel's default) of JSON.
    /// </summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        services.AddSerilog((sp, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(sp).Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment())
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
        });

        services.AddObservability(builder.Configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        services.AddMudServices();
        services.AddTransient<MudLocalizer, FlexWorkMudLocalizer>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Indonesian unless the user switched: a browser's language does not decide, while
            // API clients may ask for English with Accept-Language.
            options.DefaultRequestCulture = new RequestCulture("id-ID");
            options.SupportedCultures = [.. LocalizerExtensions.SupportedCultures];
            options.SupportedUICultures = [.. LocalizerExtensions.SupportedCultures];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ];
        });

        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<FlexWork.Web.Components.Notifications.BellState>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, BearerSessions.Configure)
            .AddIdentityCookies();
        // Outside Development every cookie is Secure, whatever scheme the app itself sees behind a proxy.
        var cookieSecurity = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.PostConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = cookieSecurity);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "FlexWork.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder().AddFlexWorkPolicies();
        services.AddAntiforgery(options =>
        {
            options.SuppressXFrameOptionsHeader = true; // our DENY and CSP cover it
            options.Cookie.SecurePolicy = cookieSecurity;
        });
        services.AddScoped<IAuthorizationHandler, OrgRightsHandler>();
        services.AddLoginRateLimiting(builder.Configuration);

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
        {
            StrictJson.Apply(options.SerializerOptions);
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new HourMinuteConverter()); // "07:30", as in the policy
        });
        services.AddExceptionHandler<DatabaseOutage>(); // first: an outage is a 503 on every path
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(OpenApiDocumentation.Configure);

        if (!builder.Environment.IsDevelopment())
        {
            // Refuse to start (with a message naming the setting) rather than keep the key ring in clear.
            services.AddOptions<KeyRingOptions>().Validate(keyRing => keyRing.IsEncrypted, KeyRingOptions.MissingCertificateMessage).ValidateOnStart();
        }

        services.AddHealthChecks().AddDbContextCheck<FlexWorkDbContext>("database", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only from the load balancers' own networks (ForwardedHeaders:TrustedNetworks, e.g.
            // "10.0.0.0/8,192.168.1.10/32"; loopback when unset): anyone else could fake their address.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var trusted = builder.Configuration["ForwardedHeaders:TrustedNetworks"];
            if (!string.IsNullOrWhiteSpace(trusted))
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
                foreach (var network in trusted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
        return builder;
    }
}
