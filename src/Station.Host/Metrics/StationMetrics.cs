using System.Globalization;
using System.Text;
using Station.Core.Runs;

namespace Station.Host.Metrics;

/// <summary>
/// The station's Prometheus metrics (/metrics), counted from the run events and written by hand in
/// the text exposition format 0.0.4: units by outcome, step durations (a histogram per step),
/// retries by slot and the device status that caused them, plus gauges the caller adds.
/// </summary>
internal sealed class StationMetrics : IRunEvents
{
    /// <summary>Step duration buckets (seconds): USB transfers take milliseconds, erases seconds.</summary>
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Histogram> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Slot, string Status), long> _retries = [];
    private readonly Dictionary<Guid, RunTrack> _runs = [];

    /// <inheritdoc />
    public void Publish(RunEvent runEvent)
    {
        lock (_lock)
        {
            switch (runEvent)
            {
                case RunStarted started:
                    _runs[started.RunId] = new RunTrack(started.Slot);
                    break;
                case StepEnded ended when _runs.TryGetValue(ended.RunId, out var run):
                    var step = ended.Step.ToString();
                    if (!_steps.TryGetValue(step, out var histogram))
                    {
                        _steps[step] = histogram = new Histogram(Buckets.Length);
                    }

                    histogram.Observe(ended.Duration.TotalSeconds, Buckets);
                    if (!ended.Succeeded)
                    {
                        run.LastFailureStatus[ended.Step] = ended.DeviceStatus;
                    }

                    break;
                case StepStarted started when started.Attempt > 1 && _runs.TryGetValue(started.RunId, out var run):
                    var status = run.LastFailureStatus.TryGetValue(started.Step, out var code) && code is { } value
                        ? value.ToString(CultureInfo.InvariantCulture)
                        : "none";
                    _retries[(run.Slot, status)] = _retries.GetValueOrDefault((run.Slot, status)) + 1;
                    break;
                case RunEnded ended:
                    var outcome = ended.Outcome.ToString().ToLowerInvariant();
                    _units[outcome] = _units.GetValueOrDefault(outcome) + 1;
                    _runs.Remove(ended.RunId);
                    break;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask PublishDurablyAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        Publish(runEvent);
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes every metric, then <paramref name="gauges"/> (name, help, labelled values).</summary>
    public string Write(IEnumerable<Gauge> gauges)
    {
        var text = new StringBuilder();
        lock (_lock)
        {
            text.Append("# HELP station_units_total Runs ended, by outcome.\n# TYPE station_units_total counter\n");
            foreach (var outcome in Enum.GetNames<RunOutcome>().Select(o => o.ToLowerInvariant()))
            {
                Line(text, "station_units_total", [("outcome", outcome)], _units.GetValueOrDefault(outcome));
            }

            text.Append("# HELP station_step_duration_seconds Duration of step attempts.\n# TYPE station_step_duration_seconds histogram\n");
            foreach (var (step, histogram) in _steps.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                long cumulative = 0;
                for (var i = 0; i < Buckets.Length; i++)
                {
                    cumulative += histogram.Counts[i];
                    Line(text, "station_step_duration_seconds_bucket", [("step", step), ("le", Number(Buckets[i]))], cumulative);
                }

                Line(text, "station_step_duration_seconds_bucket", [("step", step), ("le", "+Inf")], histogram.Count);
                Line(text, "station_step_duration_seconds_sum", [("step", step)], histogram.Sum);
                Line(text, "station_step_duration_seconds_count", [("step", step)], histogram.Count);
            }

            text.Append("# HELP station_retries_total Step attempts repeated, by slot and the device status of the failure before (none: a USB failure).\n");
            text.Append("# TYPE station_retries_total counter\n");
            foreach (var ((slot, status), count) in _retries.OrderBy(r => r.Key.Slot, StringComparer.Ordinal).ThenBy(r => r.Key.Status, StringComparer.Ordinal))
            {
                Line(text, "station_retries_total", [("slot", slot), ("device_status", status)], count);
            }
        }

        foreach (var gauge in gauges)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {gauge.Name} {gauge.Help}\n# TYPE {gauge.Name} gauge\n");
            foreach (var (labels, value) in gauge.Values)
            {
                Line(text, gauge.Name, labels, value);
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, IReadOnlyList<(string Name, string Value)> labels, double value)
    {
        text.Append(name);
        if (labels.Count > 0)
        {
            text.Append('{');
            text.AppendJoin(',', labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\""));
            text.Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    // Exposition format: label values escape backslash, double quote and line feed.
    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Histogram(int buckets)
    {
        public long[] Counts { get; } = new long[buckets];

        public long Count { get; private set; }

        public double Sum { get; private set; }

        public void Observe(double value, double[] bounds)
        {
            Count++;
            Sum += value;
            var i = Array.FindIndex(bounds, b => value <= b);
            if (i >= 0)
            {
                Counts[i]++;
            }
        }
    }

    private sealed class RunTrack(string slot)
    {
        public string Slot { get; } = slot;

        public Dictionary<RunStep, uint?> LastFailureStatus { get; } = [];
    }
}
