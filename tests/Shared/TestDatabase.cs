using Npgsql;

namespace FlexWork.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL database on the local test server (./test.sh starts it and sets
/// FLEXWORK_TEST_CONNECTION, the owner who creates and migrates it, and
/// FLEXWORK_TEST_APP_CONNECTION, the role the app connects as). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=flexwork;Password=flexwork";
    private const string DefaultAppRole = "Username=flexwork_app;Password=flexwork_app";

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(AppServer) { Database = name, IncludeErrorDetail = true }.ConnectionString;
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name, IncludeErrorDetail = true }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>As the app's role, which owns nothing: what the app under test connects with.</summary>
    public string ConnectionString { get; }

    /// <summary>As the database's owner: what the migrations run with.</summary>
    public string OwnerConnectionString { get; }

    private static string Server => Environment.GetEnvironmentVariable("FLEXWORK_TEST_CONNECTION") is { Length: > 0 } configured
        ? configured
        : DefaultServer;

    private static string AppServer
    {
        get
        {
            var role = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("FLEXWORK_TEST_APP_CONNECTION") is { Length: > 0 } configured ? configured : DefaultAppRole);
            return new NpgsqlConnectionStringBuilder(Server) { Username = role.Username, Password = role.Password }.ConnectionString;
        }
    }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var name = $"fwtest_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}";
        await using (var admin = await OpenMaintenanceConnectionAsync())
        {
            var appRole = new NpgsqlConnectionStringBuilder(AppServer).Username;
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = $1", admin) { Parameters = { new() { Value = appRole } } };
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                throw new InvalidOperationException(
                    $"The app's role {appRole} does not exist on the test server: ./test.sh creates it (scripts/postgres.sh), or set FLEXWORK_TEST_APP_CONNECTION.");
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(name);
    }

    public async ValueTask DisposeAsync()
    {
        // A background task of the app under test (key ring refresh, circuit revalidation) may
        // open a connection in the moment of the drop; try again briefly rather than fail a run.
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var admin = await OpenMaintenanceConnectionAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (NpgsqlException) when (attempt < 3)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceConnectionAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
