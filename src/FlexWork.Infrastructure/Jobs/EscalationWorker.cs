using FlexWork.Application.Requests.EscalateRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexWork.Infrastructure.Jobs;

public sealed class EscalationOptions : PeriodicJobOptions;

/// <summary>Escalates requests left undecided past the policy's deadline, every interval (15 minutes by default).</summary>
public sealed class EscalationWorker(
    IServiceScopeFactory scopes, TimeProvider timeProvider, IOptions<EscalationOptions> options, ILogger<EscalationWorker> logger)
    : PeriodicJob(scopes, timeProvider, options.Value, logger, LockKey)
{
    public const long LockKey = 0x466C_6578_4573_63; // "FlexEsc"

    protected override Task RoundAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<EscalationService>().EscalateDueAsync(Clock.GetUtcNow(), cancellationToken);
}
