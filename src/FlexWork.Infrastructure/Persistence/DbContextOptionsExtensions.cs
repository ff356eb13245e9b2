using Microsoft.EntityFrameworkCore;

namespace FlexWork.Infrastructure.Persistence;

public static class DbContextOptionsExtensions
{
    /// <summary>
    /// The one place the provider is configured: PostgreSQL, snake_case names. Collections load
    /// in split queries: a request's days and history in one join would multiply each other.
    /// </summary>
    public static DbContextOptionsBuilder UseFlexWorkDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql
                // A restart or failover costs a few seconds, not an error: statements (and whole
                // transactions, see InTransactionAsync) run again on a new connection.
                .EnableRetryOnFailure(maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)
                .MigrationsHistoryTable("__ef_migrations_history")
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();
}
