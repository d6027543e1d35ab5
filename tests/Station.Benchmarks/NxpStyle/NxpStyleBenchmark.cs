using System.Globalization;
using System.Security.Cryptography;
using Station.Core.Recipes;
using Station.Core.Runs;
using Station.Simulator;

namespace Station.Benchmarks.NxpStyle;

/// <summary>
/// Issue 8: the sample recipe's unit run as NXP's Secure Provisioning Tool runs it (a fresh
/// sdphost/blhost process per command, a fixed 3 s wait after the jump for the flashloader), with
/// `station sdp`/`station mboot` processes against a `station sim uart` board on realistic timing;
/// beside it the engine doing the same unit on the simulated line of the `engine` benchmark.
/// </summary>
internal static class NxpStyleBenchmark
{
    /// <summary>
    /// The UART bit rate the simulated board charges in the NXP-style flow. At this rate the unit's
    /// UART transfer time equals what the engine's unit spends on USB HID reports (500 µs per
    /// report), so both flows do the same device-bound work (the benchmark prints both).
    /// </summary>
    private const int MatchedBaud = 18_000_000;

    private static readonly string[] FixedCostVerbs = ["error-status", "get-property", "efuse-read-once", "fill-memory"];

    public static async Task<int> RunAsync(string[] args)
    {
        var units = EngineBenchmark.Option(args, "--units", 3);
        var baud = EngineBenchmark.Option(args, "--baud", MatchedBaud);
        var waitSeconds = EngineBenchmark.Option(args, "--wait-seconds", 3);
        var root = EngineBenchmark.RepositoryRoot();
        var executable = StationProcess.ExecutablePath(root);
        var recipe = RecipeLoader.Load(Path.Combine(root, "samples", "rt1064", "recipe.yaml"));
        var work = Directory.CreateTempSubdirectory("station-nxp-style-");
        try
        {
            var script = NxpStyleScript.For(recipe, work.FullName, TimeSpan.FromSeconds(waitSeconds));
            var text = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(text, $"recipe {recipe.Identity}; {script.Commands} station processes per unit, fixed wait {waitSeconds} s; sim uart realistic timing at {baud} baud; load average {LoadAverage()}"));

            // Warm-up: the file cache for the executable and its assemblies (each process JITs afresh anyway).
            await RunUnitAsync(executable, script, "fast", baud, recipe, CancellationToken.None);
            var nxp = new List<NxpUnit>();
            for (var i = 0; i < units; i++)
            {
                nxp.Add(await RunUnitAsync(executable, script, "realistic", baud, recipe, CancellationToken.None));
                Console.WriteLine(string.Create(text, $"  nxp-style unit {i + 1}: cycle {nxp[^1].Cycle.TotalSeconds:0.000} s, device-bound {nxp[^1].DeviceBound:0.000} s"));
            }

            var approval = new FuseBurnApproval("benchmark", "benchmark");
            await EngineBenchmark.RunLineAsync(recipe, approval, units: 4, slots: 4, SimulatorTiming.Instant);
            var (engine, _) = await EngineBenchmark.RunLineAsync(recipe, approval, units, 1, SimulatorTiming.Realistic);
            if (engine.Any(u => u.Result.Outcome != RunOutcome.Passed))
            {
                throw new InvalidOperationException("An engine unit did not pass.");
            }

            NxpStyleReport.Print(nxp, engine, script, FixedCostVerbs, TimeSpan.FromSeconds(waitSeconds));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<NxpUnit> RunUnitAsync(
        string executable, NxpStyleScript script, string timing, int baud, RecipePlan recipe, CancellationToken cancellationToken)
    {
        File.Delete(script.ReadBackPath);
        await using var sim = await SimulatorProcess.StartAsync(executable, timing, baud, cancellationToken);
        var walls = new List<(string Step, TimeSpan Wall)>();
        var started = TimeProvider.System.GetTimestamp();
        var childCpu = CpuClock.ChildrenTime();
        foreach (var step in script.Steps)
        {
            if (step.Wait is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
                walls.Add((step.Name, wait));
                continue;
            }

            walls.Add((step.Name, await StationProcess.RunAsync(executable, step.Arguments(sim.Path), cancellationToken)));
        }

        var cycle = TimeProvider.System.GetElapsedTime(started);

        // The command processes have been waited for (reaped); the simulator has not yet.
        var commandsCpu = CpuClock.ChildrenTime() - childCpu;

        // The reset's re-enumeration is charged as its session ends; let it land before stopping.
        await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        var device = await sim.StopAsync(cancellationToken);
        var readBack = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(script.ReadBackPath, cancellationToken)));
        if (readBack != recipe.Image.Sha256)
        {
            throw new InvalidOperationException($"The read-back image's SHA-256 {readBack} is not the recipe's {recipe.Image.Sha256}.");
        }

        // As the engine benchmark counts it: the re-enumeration after the final reset is left out.
        var reenumeration = SimulatorTiming.Realistic.Reenumeration.TotalSeconds;
        return new NxpUnit(cycle, device["total"] - reenumeration, device, walls, commandsCpu);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
