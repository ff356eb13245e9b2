using FlexWork.Infrastructure.Identity;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Infrastructure.Seeding;
using FlexWork.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests;

/// <summary>
/// The application and infrastructure services as the app wires them, on a fresh migrated
/// database with the demo seed: tests act through the same services the users go through.
/// </summary>
public sealed class DemoDatabaseFixture : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public ServiceProvider Services { get; private set; } = default!;

    /// <summary>As the database's owner, for what the app's role may not do (e.g. a test trigger).</summary>
    public string OwnerConnectionString => _database.OwnerConnectionString;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("it");
        Services = BuildServices(_database);

        await DatabaseMigrator.MigrateAsync(Services);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    /// <summary>The same services on the same database, with extra settings (e.g. an SMTP server); the caller disposes them.</summary>
    public ServiceProvider ServicesWith(Dictionary<string, string?> settings) => BuildServices(_database, settings);

    /// <summary>Application and infrastructure services as the app registers them, on this database.</summary>
    public static ServiceProvider BuildServices(TestDatabase database, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:FlexWork"] = database.ConnectionString,
                ["ConnectionStrings:FlexWorkOwner"] = database.OwnerConnectionString,
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>A DI scope whose current user is the given account, with the claims a sign-in would give.</summary>
    public async Task<AsyncServiceScope> ActAsAsync(string? email)
    {
        var scope = Services.CreateAsyncScope();
        if (email is not null)
        {
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await userManager.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo user {email}");
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal, "127.0.0.1");
        }

        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
