using FlexWork.Application.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexWork.Infrastructure.Jobs;

public sealed class PositionPurgeOptions : PeriodicJobOptions
{
    public override TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Deletes presence positions past their retention period, every interval (an hour by default).</summary>
public sealed class PositionPurgeWorker(
    IServiceScopeFactory scopes, TimeProvider timeProvider, IOptions<PositionPurgeOptions> options, ILogger<PositionPurgeWorker> logger)
    : PeriodicJob(scopes, timeProvider, options.Value, logger, LockKey)
{
    public const long LockKey = 0x466C_6578_5075_72; // "FlexPur"

    protected override Task RoundAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PositionPurge>().PurgeDueAsync(Clock.GetUtcNow(), cancellationToken);
}
