using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Station.Protocols.MBoot;

namespace Station.Benchmarks;

/// <summary>
/// <c>mboot-cpu</c>: host CPU time per MiB through <see cref="MBootClient.WriteMemoryAsync(uint, ReadOnlyMemory{byte}, MBootMemoryId, CancellationToken)"/>
/// with zero simulated device time. Each scenario opens one session, writes 1 MiB per command,
/// <c>--mib</c> commands per repetition, after <c>--warmup-seconds</c> of unmeasured writes (JIT,
/// tiering); the median of <c>--reps</c> repetitions is reported. CPU is the whole process's (all threads,
/// user + system, getrusage), so it counts whatever runs in the process besides the client: the
/// far end of the link (in-line sink, sink on a pair, or the simulator) and, for the pseudo-terminal,
/// the kernel's tty work done in our system calls.
/// </summary>
internal static class MBootCpuBenchmark
{
    private const int MiB = 1024 * 1024;

    public static IReadOnlyList<Scenario> Scenarios { get; } =
    [
        Client("hid-loopback", "HID", "client + framing, device in-line (sink answers inside the write call)", MBootRig.HidLoopbackAsync),
        Client("hid-sink", "HID", "client + in-memory report pair + sink device on the pair's far end", MBootRig.HidSinkPairAsync),
        Client("hid-sim", "HID", "client + in-memory report pair + simulated RT1064 (SimulatedUsbBus, Instant)", MBootRig.HidSimulatorAsync),
        Client("uart-loopback", "UART", "client + framing, device in-line (sink ACKs and answers inside the write call)", MBootRig.UartLoopbackAsync),
        Client("uart-sink", "UART", "client + in-memory byte pair + sink device on the pair's far end", MBootRig.UartSinkPairAsync),
        Client("uart-sim", "UART", "client + in-memory byte pair + simulated RT1064 (Instant)", MBootRig.UartSimulatorPairAsync),
        Client("uart-pty-sink", "UART", "client + real pseudo-terminal (kernel tty) + sink device on the master", MBootRig.UartSinkPtyAsync),
        Client("uart-pty-host", "UART", "host only: client + real pseudo-terminal; the sink on its own thread (blocking I/O on the master) is measured and subtracted", MBootRig.UartHostOnlyPtyAsync),
        new("uart-pty-floor", "UART", "the same bytes with blocking read/write on the pty (no client, precomputed frames); the sink thread subtracted: kernel tty + wake-ups only", FloorAsync),
        Client("uart-pty-sim", "UART", "client + real pseudo-terminal (kernel tty) + simulated RT1064 on the master", MBootRig.UartSimulatorPtyAsync),
    ];

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var selected = Scenarios.Where(s => options.Filter is null || s.Name.Contains(options.Filter, StringComparison.OrdinalIgnoreCase)).ToList();
        if (selected.Count == 0)
        {
            await Console.Error.WriteLineAsync($"No scenario matches '{options.Filter}'. Scenarios: {string.Join(", ", Scenarios.Select(s => s.Name))}.");
            return 2;
        }

        Console.WriteLine(Machine());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"write-memory of 1 MiB x {options.MebibytesPerRepetition} per repetition, {options.Warmup.TotalSeconds:0} s warm-up per scenario, then {options.Repetitions} measured repetitions; median (min-max)."));
        Console.WriteLine();
        Console.WriteLine("| scenario | framing | CPU ms/MiB | wall ms/MiB | alloc KiB/MiB | what runs in the process |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var scenario in selected)
        {
            var result = await scenario.MeasureAsync(options);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {scenario.Framing} | {result.CpuMedian:0.00} ({result.CpuMin:0.00}-{result.CpuMax:0.00}) | {result.WallMedian:0.00} | {(double.IsNaN(result.AllocatedKibMedian) ? "-" : result.AllocatedKibMedian.ToString("0.0", CultureInfo.InvariantCulture))} | {scenario.Description} |"));
        }

        return 0;
    }

    private static Scenario Client(string name, string framing, string description, Func<Task<MBootRig>> open) =>
        new(name, framing, description, options => MeasureClientAsync(open, options));

    private static async Task<Result> FloorAsync(BenchmarkOptions options)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Pseudo-terminals need Linux.");
        }

        var (cpu, wall) = await PtyFloor.MeasureAsync(options);
        return new Result(Median(cpu), cpu.Min(), cpu.Max(), Median(wall), double.NaN);
    }

    private static async Task<Result> MeasureClientAsync(Func<Task<MBootRig>> open, BenchmarkOptions options)
    {
        var data = new byte[MiB];
        new Random(42).NextBytes(data);
        await using var rig = await open();
        var cpu = new List<double>();
        var wall = new List<double>();
        var allocated = new List<double>();
        // Warm-up by time, not by count: tiered compilation promotes hot methods to optimised code
        // only after a quiet spell (~100 ms without new JIT work) and on a background thread; a
        // count-based warm-up of a fast scenario ends before that and measures tier-0 code.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < options.Warmup)
        {
            await rig.Client.WriteMemoryAsync(MBootRig.Address, data, MBootMemoryId.Internal, CancellationToken.None);
        }

        for (var repetition = 0; repetition < options.Repetitions; repetition++)
        {
            var cpuBefore = CpuClock.ProcessTime() - rig.DeviceCpu();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < options.MebibytesPerRepetition; i++)
            {
                await rig.Client.WriteMemoryAsync(MBootRig.Address, data, MBootMemoryId.Internal, CancellationToken.None);
            }

            clock.Stop();
            var cpuUsed = CpuClock.ProcessTime() - rig.DeviceCpu() - cpuBefore;
            var bytesAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            cpu.Add(cpuUsed.TotalMilliseconds / options.MebibytesPerRepetition);
            wall.Add(clock.Elapsed.TotalMilliseconds / options.MebibytesPerRepetition);
            allocated.Add(bytesAllocated / 1024.0 / options.MebibytesPerRepetition);
        }

        return new Result(Median(cpu), cpu.Min(), cpu.Max(), Median(wall), Median(allocated));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Machine()
    {
        var model = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            model = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? model;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{model}, {Environment.ProcessorCount} logical CPUs visible, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}, {(IsOptimized() ? "Release" : "NOT optimised (use -c Release)")}");
    }

    private static bool IsOptimized() =>
        typeof(MBootClient).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is not [DebuggableAttribute { IsJITOptimizerDisabled: true }];

    internal sealed record Scenario(string Name, string Framing, string Description, Func<BenchmarkOptions, Task<Result>> MeasureAsync);

    internal sealed record Result(double CpuMedian, double CpuMin, double CpuMax, double WallMedian, double AllocatedKibMedian);
}
