using Npgsql;

namespace FlexWork.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL database on the local test server (./test.sh starts it and sets
/// FLEXWORK_TEST_CONNECTION). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=flexwork;Password=flexwork";

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    private static string Server => Environment.GetEnvironmentVariable("FLEXWORK_TEST_CONNECTION") is { Length: > 0 } configured
        ? configured
        : DefaultServer;

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var name = $"fwtest_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}";
        await using (var admin = await OpenMaintenanceConnectionAsync())
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = name, IncludeErrorDetail = true };
        return new TestDatabase(name, builder.ConnectionString);
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
