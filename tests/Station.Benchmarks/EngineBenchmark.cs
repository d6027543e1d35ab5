using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Cli.Simulation;
using Station.Core.Recipes;
using Station.Core.Runs;
using Station.Simulator;

namespace Station.Benchmarks;

/// <summary>
/// Issue 4's figures on realistic simulator timing: a unit's cycle time over the device-bound time
/// the simulator's timing model predicts (target at most 1.03), 16 boards' aggregate throughput over
/// 16 times one board's (target at least 0.94), and the hand-over from the flashloader appearing to
/// its first answer (target under 50 ms). The line is the one `station run` uses: the real engine,
/// client and device monitor against simulated boards on a simulated hub, no recording.
/// </summary>
internal static class EngineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var single = Option(args, "--single", 8);
        var rounds = Option(args, "--rounds", 3);
        var recipe = RecipeLoader.Load(Path.Combine(RepositoryRoot(), "samples", "rt1064", "recipe.yaml"));
        var approval = new FuseBurnApproval("benchmark", "benchmark");

        // Warm-up: the JIT, the thread pool, the simulator.
        await RunLineAsync(recipe, approval, units: 4, slots: 4, SimulatorTiming.Instant);

        var (one, oneWall) = await RunLineAsync(recipe, approval, single, 1, SimulatorTiming.Realistic);
        var (sixteen, sixteenWall) = await RunLineAsync(recipe, approval, 16 * rounds, 16, SimulatorTiming.Realistic);

        var cycle = Median(one.Select(u => u.Result.Duration.TotalSeconds));
        var deviceBound = Median(one.Select(u => u.DeviceBound.TotalSeconds));
        var ratio = Median(one.Select(u => u.Result.Duration / u.DeviceBound));
        var handOver = Median(one.Concat(sixteen).Select(u => u.Result.HandOver!.Value.TotalMilliseconds));
        var handOverMax = new[] { one, sixteen }.SelectMany(u => u).Max(u => u.Result.HandOver!.Value.TotalMilliseconds);
        var singleThroughput = single / oneWall.TotalHours;
        var sixteenThroughput = sixteen.Count / sixteenWall.TotalHours;
        var sixteenRatio = Median(sixteen.Select(u => u.Result.Duration / u.DeviceBound));

        var text = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(text, $"realistic timing, recipe {recipe.Identity}, all units passed: {one.Concat(sixteen).All(u => u.Result.Outcome == RunOutcome.Passed)}"));
        Console.WriteLine(string.Create(text, $"| measure | value | target |"));
        Console.WriteLine(string.Create(text, $"|---|---:|---:|"));
        Console.WriteLine(string.Create(text, $"| 1 board: cycle / device-bound, median of {single} units | {ratio:0.000} ({cycle:0.000} s / {deviceBound:0.000} s) | <= 1.03 |"));
        Console.WriteLine(string.Create(text, $"| 16 boards: cycle / device-bound, median of {sixteen.Count} units | {sixteenRatio:0.000} | |"));
        Console.WriteLine(string.Create(text, $"| 16 boards: aggregate throughput / (16 x 1 board) | {sixteenThroughput / (16 * singleThroughput):0.000} ({sixteenThroughput:0} / {16 * singleThroughput:0} units/h) | >= 0.94 |"));
        Console.WriteLine(string.Create(text, $"| hand-over, flashloader appearing to its first answer: median (max) | {handOver:0.0} ms ({handOverMax:0.0} ms) | < 50 ms |"));
        return 0;
    }

    /// <summary>Runs <paramref name="units"/> boards on <paramref name="slots"/> slots of the simulated line `station run` uses (also for <c>nxp-style</c>).</summary>
    internal static async Task<(IReadOnlyList<SimulatedUnit> Units, TimeSpan Wall)> RunLineAsync(
        RecipePlan recipe, FuseBurnApproval approval, int units, int slots, SimulatorTiming timing)
    {
        var options = new SimulatedLineOptions(units, slots, timing, FaultPlan.None, approval);
        var started = TimeProvider.System.GetTimestamp();
        await using var line = new SimulatedLine(recipe, options, NoEvents.Instance, NullLoggerFactory.Instance);
        var results = await line.RunAsync(CancellationToken.None);
        return (results, TimeProvider.System.GetElapsedTime(started));
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Station.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from the repository.");
    }

    private sealed class NoEvents : IRunEvents
    {
        public static NoEvents Instance { get; } = new();

        public void Publish(RunEvent runEvent)
        {
        }

        public ValueTask PublishDurablyAsync(RunEvent runEvent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
