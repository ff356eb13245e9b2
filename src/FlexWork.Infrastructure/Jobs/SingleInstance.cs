using FlexWork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.Infrastructure.Jobs;

/// <summary>
/// With several app instances, a background job's round runs on one of them at a time: a
/// PostgreSQL session advisory lock on the job's key decides; the others skip that round.
/// </summary>
internal static class SingleInstance
{
    /// <returns>False when another instance holds the lock (nothing was done).</returns>
    public static async Task<bool> RunAsync(
        IServiceScopeFactory scopes, long lockKey, Func<IServiceProvider, CancellationToken, Task> round, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({lockKey}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return false;
            }

            try
            {
                await round(scope.ServiceProvider, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({lockKey})", CancellationToken.None);
            }

            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
