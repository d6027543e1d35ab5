using System.Diagnostics;

namespace Station.Benchmarks.Database;

/// <summary>
/// Durations of the recording calls made on a run's path, in Stopwatch ticks: the plain
/// <c>Publish</c> calls (must be microseconds) and the two durable ones (wait for the journal's fsync).
/// One instance per publishing task (no locks on the measured path); merge afterwards.
/// </summary>
internal sealed class CallTimes
{
    private readonly List<long> _publish = [];
    private readonly List<long> _durable = [];

    public void AddPublish(long ticks) => _publish.Add(ticks);

    public void AddDurable(long ticks) => _durable.Add(ticks);

    public static CallTimes Merge(IEnumerable<CallTimes> parts)
    {
        var merged = new CallTimes();
        foreach (var part in parts)
        {
            merged._publish.AddRange(part._publish);
            merged._durable.AddRange(part._durable);
        }

        return merged;
    }

    public Distribution Publish => Distribution.Of(_publish);

    public Distribution Durable => Distribution.Of(_durable);

    /// <summary>Percentiles of a set of durations.</summary>
    internal sealed record Distribution(int Count, TimeSpan Median, TimeSpan P99, TimeSpan P999, TimeSpan Max)
    {
        public static Distribution Of(List<long> ticks)
        {
            if (ticks.Count == 0)
            {
                return new Distribution(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
            }

            var sorted = ticks.Order().ToArray();
            return new Distribution(sorted.Length, At(sorted, 0.5), At(sorted, 0.99), At(sorted, 0.999), Time(sorted[^1]));
        }

        private static TimeSpan At(long[] sorted, double quantile) =>
            Time(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)]);

        private static TimeSpan Time(long ticks) => Stopwatch.GetElapsedTime(0, ticks);
    }
}
