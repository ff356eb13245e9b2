using FlexWork.Application.Requests.EscalateRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexWork.Infrastructure.Jobs;

public sealed class EscalationOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Runs the escalation every interval. With several app instances, a PostgreSQL advisory lock
/// lets exactly one of them work at a time; the others skip that round.
/// </summary>
public sealed class EscalationWorker(
    IServiceScopeFactory scopes, TimeProvider timeProvider, IOptions<EscalationOptions> options, ILogger<EscalationWorker> logger) : BackgroundService
{
    /// <summary>An arbitrary, fixed advisory-lock key for this job.</summary>
    public const long LockKey = 0x466C_6578_4573_63; // "FlexEsc"

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
                logger.LogError(ex, "Escalation round failed; the next round tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>False when another instance holds the lock (nothing was done).</returns>
    public Task<bool> RunOnceAsync(CancellationToken cancellationToken) => SingleInstance.RunAsync(
        scopes, LockKey, (services, ct) => services.GetRequiredService<EscalationService>().EscalateDueAsync(timeProvider.GetUtcNow(), ct), cancellationToken);
}
