using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FlexWork.Infrastructure.Jobs;

/// <summary>
/// Traces and metrics of the background jobs: a span per round, and per job how many rounds ran,
/// were skipped (another instance held the lock) or failed, and how long they took.
/// </summary>
public static class JobTelemetry
{
    /// <summary>The name of both the activity source and the meter, for the exporters to listen to.</summary>
    public const string Name = "FlexWork.Jobs";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Rounds = Meter.CreateCounter<long>("flexwork.job.rounds", description: "Rounds of a background job, by outcome");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("flexwork.job.duration", unit: "s", description: "How long a background job's round took");

    internal static void Record(string job, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        Rounds.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
    }
}
