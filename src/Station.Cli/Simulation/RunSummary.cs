using System.Text.Json.Nodes;
using Station.Core.Runs;

namespace Station.Cli.Simulation;

/// <summary>The summary <c>station run</c> prints (issue 4: units, outcomes, fuse counts, cycle and device-bound time, throughput, failures).</summary>
internal sealed record RunSummary(
    int Units,
    int Passed,
    int Failed,
    int Quarantined,
    int FuseWordsBurned,
    int FuseWordsBurnedTwice,
    double CycleSecondsMedian,
    double DeviceBoundSecondsMedian,
    double OverheadRatio,
    double ThroughputUnitsPerHour,
    double HandOverMillisecondsMedian,
    IReadOnlyList<RunResult> Failures)
{
    public static RunSummary From(IReadOnlyList<SimulatedUnit> units, TimeSpan wallClock)
    {
        var results = units.Select(u => u.Result).ToList();
        var ratios = units.Where(u => u.DeviceBound > TimeSpan.Zero).Select(u => u.Result.Duration / u.DeviceBound).ToList();
        return new RunSummary(
            units.Count,
            results.Count(r => r.Outcome == RunOutcome.Passed),
            results.Count(r => r.Outcome is RunOutcome.Failed or RunOutcome.Cancelled or RunOutcome.Interrupted),
            results.Count(r => r.Outcome == RunOutcome.Quarantined),
            units.Sum(u => u.FuseProgramCounts.Count(c => c.Value > 0)),
            units.Sum(u => u.FuseProgramCounts.Count(c => c.Value > 1)),
            Median(results.Select(r => r.Duration.TotalSeconds)),
            Median(units.Select(u => u.DeviceBound.TotalSeconds)),
            Median(ratios),
            wallClock > TimeSpan.Zero ? units.Count / wallClock.TotalHours : 0,
            Median(results.Where(r => r.HandOver is not null).Select(r => r.HandOver!.Value.TotalMilliseconds)),
            [.. results.Where(r => r.Outcome != RunOutcome.Passed)]);
    }

    public JsonObject ToJson() => new()
    {
        ["units"] = Units,
        ["passed"] = Passed,
        ["failed"] = Failed,
        ["quarantined"] = Quarantined,
        ["fuseWordsBurned"] = FuseWordsBurned,
        ["fuseWordsBurnedTwice"] = FuseWordsBurnedTwice,
        ["cycleSecondsMedian"] = Math.Round(CycleSecondsMedian, 4),
        ["deviceBoundSecondsMedian"] = Math.Round(DeviceBoundSecondsMedian, 4),
        ["overheadRatio"] = Math.Round(OverheadRatio, 4),
        ["throughputUnitsPerHour"] = Math.Round(ThroughputUnitsPerHour, 1),
        ["handOverMillisecondsMedian"] = Math.Round(HandOverMillisecondsMedian, 2),
        ["failures"] = new JsonArray([.. Failures.Select(f => (JsonNode)new JsonObject
        {
            ["unit"] = f.SerialNumber,
            ["chipUid"] = f.ChipUid,
            ["slot"] = f.Slot,
            ["outcome"] = f.Outcome.ToString(),
            ["class"] = f.Failure?.ToString(),
            ["step"] = f.FailedStep?.ToString(),
            ["deviceStatus"] = f.DeviceStatus,
            ["reason"] = f.Reason,
            ["action"] = f.OperatorAction,
        })]),
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
