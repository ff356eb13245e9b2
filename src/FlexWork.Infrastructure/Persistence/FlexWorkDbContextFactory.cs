using FlexWork.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Infrastructure.Persistence;

/// <summary>Hands the application a fresh, short-lived context per operation.</summary>
public sealed class FlexWorkDbContextFactory(IDbContextFactory<FlexWorkDbContext> inner) : IFlexWorkDbContextFactory
{
    public async Task<IFlexWorkDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);

    public async Task<T> InTransactionAsync<T>(Func<IFlexWorkDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var first = await inner.CreateDbContextAsync(cancellationToken);
        return await first.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                await using var db = await inner.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await work(db, ct);
                await transaction.CommitAsync(ct);
                return result;
            },
            cancellationToken);
    }
}
