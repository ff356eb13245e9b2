using FlexWork.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Infrastructure.Persistence;

/// <summary>Hands the application a fresh, short-lived context per operation.</summary>
public sealed class FlexWorkDbContextFactory(IDbContextFactory<FlexWorkDbContext> inner) : IFlexWorkDbContextFactory
{
    public async Task<IFlexWorkDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
