using System.Globalization;
using Station.Cli.Simulation;
using Station.Simulator;

namespace Station.Benchmarks.NxpStyle;

/// <summary>The nxp-style benchmark's tables (markdown, as docs/BENCHMARKS.md shows them).</summary>
internal static class NxpStyleReport
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static void Print(IReadOnlyList<NxpUnit> nxp, IReadOnlyList<SimulatedUnit> engine, NxpStyleScript script, IReadOnlyList<string> fixedCostVerbs, TimeSpan wait)
    {
        var nxpCycle = EngineBenchmark.Median(nxp.Select(u => u.Cycle.TotalSeconds));
        var nxpDevice = EngineBenchmark.Median(nxp.Select(u => u.DeviceBound));
        var engineCycle = EngineBenchmark.Median(engine.Select(u => u.Result.Duration.TotalSeconds));
        var engineDevice = EngineBenchmark.Median(engine.Select(u => u.DeviceBound.TotalSeconds));
        var handOver = EngineBenchmark.Median(engine.Select(u => u.Result.HandOver!.Value.TotalMilliseconds));
        var powerOn = SimulatorTiming.Realistic.Reenumeration.TotalSeconds;

        Console.WriteLine();
        Console.WriteLine(string.Create(Text, $"| flow | link to the board | cycle: median (min-max) | device-bound | cycle - device-bound | cycle / device-bound |"));
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(Text,
            $"| engine, one process (median of {engine.Count}) | simulated USB HID, in-process | {engineCycle:0.000} s ({engine.Min(u => u.Result.Duration.TotalSeconds):0.000}-{engine.Max(u => u.Result.Duration.TotalSeconds):0.000}) | {engineDevice:0.000} s | {engineCycle - engineDevice:0.000} s | {engineCycle / engineDevice:0.000} |"));
        Console.WriteLine(string.Create(Text,
            $"| NXP-style, {script.Commands} processes + {wait.TotalSeconds:0} s wait (median of {nxp.Count}) | UART on a pseudo-terminal, `station sim uart` | {nxpCycle:0.000} s ({nxp.Min(u => u.Cycle.TotalSeconds):0.000}-{nxp.Max(u => u.Cycle.TotalSeconds):0.000}) | {nxpDevice:0.000} s | {nxpCycle - nxpDevice:0.000} s | {nxpCycle / nxpDevice:0.000} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(Text, $"NXP-style cycle / engine cycle: {nxpCycle / engineCycle:0.00}; without the engine's power-on wait ({powerOn:0.0} s of device time the NXP-style board, already in its ROM, does not have): {nxpCycle / (engineCycle - powerOn):0.00}"));
        Console.WriteLine(string.Create(Text, $"Engine hand-over, flashloader appearing to its first answer: median {handOver:0.0} ms (the NXP-style flow waits {wait.TotalSeconds:0} s)."));

        var device = new[] { "uart", "usb", "erase", "program", "otp", "enumeration" }
            .ToDictionary(k => k, k => EngineBenchmark.Median(nxp.Select(u => u.Device[k])));
        var engineTransfer = engineDevice - device["erase"] - device["program"] - device["otp"] - 2 * powerOn;
        Console.WriteLine(string.Create(Text,
            $"NXP-style device time by category (median, final reset's re-enumeration included): uart {device["uart"]:0.000} s, erase {device["erase"]:0.000} s, program {device["program"]:0.000} s, otp {device["otp"]:0.000} s, enumeration {device["enumeration"]:0.000} s."));
        Console.WriteLine(string.Create(Text,
            $"Engine's USB transfer, by difference (device-bound - erase - program - OTP - power-on and jump enumerations): {engineTransfer:0.000} s; the NXP-style UART transfer: {device["uart"]:0.000} s."));

        var fixedCost = EngineBenchmark.Median(nxp.SelectMany(u => u.Walls)
            .Where(w => fixedCostVerbs.Any(v => w.Step.EndsWith(v, StringComparison.Ordinal))).Select(w => w.Wall.TotalSeconds));
        var commands = script.Commands;
        var inWait = powerOn; // the jump's re-enumeration runs during the fixed wait
        var deviceOutside = nxpDevice - inWait;
        var rest = nxpCycle - (commands * fixedCost) - wait.TotalSeconds - deviceOutside;
        Console.WriteLine();
        Console.WriteLine("Where an NXP-style unit's time goes (medians):");
        Console.WriteLine("| part | seconds | share of the cycle |");
        Console.WriteLine("|---|---:|---:|");
        Row($"{commands} processes x {fixedCost:0.000} s fixed cost per command (median wall of {string.Join(", ", fixedCostVerbs)}: start-up, open, ping, one round trip)", commands * fixedCost, nxpCycle);
        Row("fixed wait for the flashloader", wait.TotalSeconds, nxpCycle);
        Row($"device-bound time outside the wait (the jump's {inWait:0.0} s re-enumeration runs while jump-address ends and the wait begins)", deviceOutside, nxpCycle);
        Row("the rest: host work beyond the fixed cost in the data commands (transfer over the pty, files)", rest, nxpCycle);
        Row("cycle", nxpCycle, nxpCycle);
        var cpu = EngineBenchmark.Median(nxp.Select(u => u.CommandsCpu.TotalSeconds));
        Console.WriteLine(string.Create(Text,
            $"CPU of the {commands} command processes (getrusage RUSAGE_CHILDREN, user + system), median per unit: {cpu:0.000} s, {cpu / commands:0.000} s per process."));

        Console.WriteLine();
        Console.WriteLine("Each step's wall time, median over the units:");
        Console.WriteLine("| # | step | wall |");
        Console.WriteLine("|---:|---|---:|");
        for (var i = 0; i < script.Steps.Count; i++)
        {
            var index = i;
            var wall = EngineBenchmark.Median(nxp.Select(u => u.Walls[index].Wall.TotalSeconds));
            Console.WriteLine(string.Create(Text, $"| {i + 1} | {script.Steps[i].Name} {string.Join(' ', script.Steps[i].Verb.Skip(1).Select(Path.GetFileName))} | {wall:0.000} s |"));
        }
    }

    private static void Row(string part, double seconds, double cycle) =>
        Console.WriteLine(string.Create(Text, $"| {part} | {seconds:0.000} | {seconds / cycle:P0} |"));
}
