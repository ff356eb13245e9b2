using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlexWork.Infrastructure.Jobs;

/// <summary>When a periodic job runs: on or off, and how often (a section of the configuration per job).</summary>
public class PeriodicJobOptions
{
    public bool Enabled { get; set; } = true;

    public virtual TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// A background job that does one round every interval, starting at once. With several app
/// instances a PostgreSQL advisory lock on the job's key (an arbitrary, fixed number per job) lets
/// exactly one of them work at a time; the others skip that round. A failed round is logged and
/// the next one tries again.
/// </summary>
public abstract class PeriodicJob(IServiceScopeFactory scopes, TimeProvider timeProvider, PeriodicJobOptions options, ILogger logger, long lockKey) : BackgroundService
{
    protected TimeProvider Clock => timeProvider;

    protected abstract Task RoundAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <returns>False when another instance holds the lock (nothing was done).</returns>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var job = GetType().Name;
        using var activity = JobTelemetry.Source.StartActivity(job);
        var started = timeProvider.GetTimestamp();
        var outcome = "failed";
        try
        {
            var ran = await SingleInstance.RunAsync(scopes, lockKey, RoundAsync, cancellationToken);
            outcome = ran ? "done" : "skipped";
            return ran;
        }
        finally
        {
            activity?.SetTag("flexwork.job.outcome", outcome);
            JobTelemetry.Record(job, outcome, timeProvider.GetElapsedTime(started));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Job} round failed; the next round tries again", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
