using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FlexWork.Tests.Shared;

/// <summary>
/// The real app, in-process, on its own migrated and demo-seeded PostgreSQL database.
/// With <see cref="WithKestrel"/> it also listens on a real port for a browser.
/// </summary>
public sealed class FlexWorkAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    private FlexWorkAppFactory(TestDatabase database, Dictionary<string, string?> settings, string environment)
    {
        _database = database;
        _settings = settings;
        _environment = environment;
    }

    public Uri? ServerAddress { get; private set; }

    public string ConnectionString => _database.ConnectionString;

    /// <param name="environment">Development (the default) serves MudBlazor's files from the build output; Production runs the pipeline as deployed.</param>
    public static async Task<FlexWorkAppFactory> CreateAsync(string purpose, Dictionary<string, string?>? settings = null, string environment = "Development")
    {
        var database = await TestDatabase.CreateAsync(purpose);
        return new FlexWorkAppFactory(database, settings ?? [], environment);
    }

    /// <summary>Serves on a free localhost port (for Playwright) and returns its address.</summary>
    public Uri WithKestrel()
    {
        var port = FreePort();
        UseKestrel(port);
        StartServer();
        ServerAddress = new Uri($"http://localhost:{port}/");
        return ServerAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:FlexWork", _database.ConnectionString);
        builder.UseSetting("ConnectionStrings:FlexWorkOwner", _database.OwnerConnectionString);
        builder.UseSetting("Database:Migrate", "true");
        builder.UseSetting("Database:SeedDemo", "true");
        if (_environment != "Development")
        {
            builder.UseSetting("DataProtection:CertificatePath", TestKeyRing.CertificatePath);
            builder.UseSetting("DataProtection:CertificatePassword", TestKeyRing.Password);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
