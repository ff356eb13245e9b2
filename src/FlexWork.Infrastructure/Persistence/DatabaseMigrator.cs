using FlexWork.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FlexWork.Infrastructure.Persistence;

/// <summary>
/// The app's connection and the schema owner's. The app connects as a role that owns nothing, so
/// it cannot drop the triggers that keep the audit log append-only; the owner runs the migrations.
/// </summary>
public sealed record DatabaseConnections(string App, string Owner)
{
    /// <summary>The app's role when it is not the owner (then it needs grants), else null.</summary>
    public string? SeparateAppRole =>
        new NpgsqlConnectionStringBuilder(App).Username is { Length: > 0 } app && app != new NpgsqlConnectionStringBuilder(Owner).Username ? app : null;
}

/// <summary>
/// Applies pending migrations as the schema owner, then grants the app's role what it needs and
/// no more: data in every table, the audit log only read and appended to, the migrations history
/// only read. An explicit deployment step (<c>--migrate</c>), never EnsureCreated.
/// </summary>
public static class DatabaseMigrator
{
    private const string AppRoleGrants = """
        GRANT USAGE ON SCHEMA public TO {role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role};
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON __ef_migrations_history FROM {role};
        """;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var connections = scope.ServiceProvider.GetRequiredService<DatabaseConnections>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<FlexWorkDbContext>>();
        var options = new DbContextOptionsBuilder<FlexWorkDbContext>();
        options.UseFlexWorkDatabase(connections.Owner);
        await using var db = new FlexWorkDbContext(options.Options, scope.ServiceProvider.GetRequiredService<ICurrentUser>());

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} pending migration(s)", pending.Count);
        await db.Database.MigrateAsync(cancellationToken);

        if (connections.SeparateAppRole is { } role)
        {
            logger.LogInformation("Granting the app's role {Role} its privileges", role);
            await db.Database.ExecuteSqlRawAsync(AppRoleGrants.Replace("{role}", QuotedIdentifier(role), StringComparison.Ordinal), cancellationToken);
        }
    }

    private static string QuotedIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
