using FlexWork.Application.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexWork.Infrastructure.Jobs;

public sealed class PositionPurgeOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Deletes presence positions past their retention period every interval; with several app
/// instances one of them works at a time (a PostgreSQL advisory lock), the others skip the round.
/// </summary>
public sealed class PositionPurgeWorker(
    IServiceScopeFactory scopes, TimeProvider timeProvider, IOptions<PositionPurgeOptions> options, ILogger<PositionPurgeWorker> logger) : BackgroundService
{
    /// <summary>An arbitrary, fixed advisory-lock key for this job.</summary>
    public const long LockKey = 0x466C_6578_5075_72; // "FlexPur"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Position purge round failed; the next round tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>False when another instance holds the lock (nothing was done).</returns>
    public Task<bool> RunOnceAsync(CancellationToken cancellationToken) => SingleInstance.RunAsync(
        scopes, LockKey, (services, ct) => services.GetRequiredService<PositionPurge>().PurgeDueAsync(timeProvider.GetUtcNow(), ct), cancellationToken);
}
