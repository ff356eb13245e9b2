using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Notifications;
using FlexWork.Application.Common;
using FlexWork.Infrastructure.Email;
using FlexWork.Infrastructure.Identity;
using FlexWork.Infrastructure.Jobs;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Infrastructure.Seeding;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static class DependencyInjection
{
    public const string ConnectionStringName = "FlexWork";

    /// <summary>The schema owner's connection, for the migrations (docs/deployment.md); without it they run as the app.</summary>
    public const string OwnerConnectionStringName = "FlexWorkOwner";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is missing: set ConnectionStrings__{ConnectionStringName}.");

        services.AddSingleton(new DatabaseConnections(
            connectionString, configuration.GetConnectionString(OwnerConnectionStringName) is { Length: > 0 } owner ? owner : connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<DomainEventsInterceptor>();
        services.AddSingleton<MailOutboxWakeInterceptor>();

        // Scoped factory: each context it creates sees the scope's current user (tenant filter,
        // audit). Blazor components and services still create one context per operation.
        services.AddDbContextFactory<FlexWorkDbContext>(
            // In this order: the events' handlers add their rows before the audit and the outbox look at the save.
            (sp, options) => options.UseFlexWorkDatabase(connectionString).AddInterceptors(
                sp.GetRequiredService<DomainEventsInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<MailOutboxWakeInterceptor>()),
            ServiceLifetime.Scoped);
        services.AddScoped<IFlexWorkDbContextFactory, FlexWorkDbContextFactory>();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true; // "confirmed" = active: ActiveAccountConfirmation
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Tokens.PasswordResetTokenProvider = IdentityService.InvitationTokenProvider;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FlexWorkDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<FlexWorkClaimsPrincipalFactory>()
            .AddUserConfirmation<ActiveAccountConfirmation>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(IdentityService.InvitationTokenProvider);

        // Deactivation and password changes reach open sessions within five minutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));

        // OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (the framework default is 100,000).
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        services.Configure<InvitationTokenProviderOptions>(configuration.GetSection("Invitations"));

        // Keys in PostgreSQL: cookies, tokens and invitation links work on every instance. In
        // production they are encrypted at rest with a certificate (docs/deployment.md).
        var keyRing = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        services.Configure<KeyRingOptions>(configuration.GetSection(KeyRingOptions.Section));
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("FlexWork")
            .PersistKeysToDbContext<FlexWorkDbContext>();
        if (keyRing.IsEncrypted)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(keyRing.CertificatePath!, keyRing.CertificatePassword));
        }

        services.AddScoped<RefreshTokenFamilies>();
        services.AddScoped<IdentityService>();
        services.AddScoped<IIdentityService>(sp => sp.GetRequiredService<IdentityService>());
        services.AddScoped<DemoSeeder>();
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.Configure<EscalationOptions>(configuration.GetSection("Escalation"));
        services.AddSingleton<EscalationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<EscalationWorker>());
        services.Configure<PositionPurgeOptions>(configuration.GetSection("PositionPurge"));
        services.AddSingleton<PositionPurgeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PositionPurgeWorker>());
        services.AddHostedService<MailOutboxWorker>();
        services.AddSingleton<SmtpInvitationMailer>();
        services.AddSingleton<IInvitationMailer>(sp => sp.GetRequiredService<SmtpInvitationMailer>());
        services.AddSingleton<INotificationMailer>(sp => sp.GetRequiredService<SmtpInvitationMailer>());
        return services;
    }
}
