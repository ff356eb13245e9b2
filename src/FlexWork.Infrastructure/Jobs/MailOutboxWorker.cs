using FlexWork.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlexWork.Infrastructure.Jobs;

/// <summary>
/// Drains the notification e-mail outbox: at once when a change with notifications is committed
/// (<see cref="MailOutboxSignal"/>), and every minute for retries. One instance at a time.
/// </summary>
public sealed class MailOutboxWorker(IServiceScopeFactory scopes, MailOutboxSignal signal, ILogger<MailOutboxWorker> logger) : BackgroundService
{
    public const long LockKey = 0x466C_6578_4D61_696C; // "FlexMail"

    private static readonly TimeSpan RetryRound = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await signal.WaitAsync(RetryRound, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away: the outbox keeps everything, the next round tries again.
                logger.LogError(ex, "Mail outbox round failed; the next round tries again");
                await Task.Delay(RetryRound, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public Task<bool> RunOnceAsync(CancellationToken cancellationToken) => SingleInstance.RunAsync(
        scopes, LockKey, (services, ct) => services.GetRequiredService<MailOutbox>().SendDueAsync(ct), cancellationToken);
}
