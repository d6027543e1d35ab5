using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Station.Benchmarks.NxpStyle;

/// <summary>
/// One <c>station sim uart --rom</c> process: a fresh simulated board in its boot ROM on a
/// pseudo-terminal. Stopped with SIGTERM (as Ctrl+C), it prints the timing model's device-bound
/// time, which <see cref="StopAsync"/> returns by category.
/// </summary>
internal sealed partial class SimulatorProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private readonly Process _process;

    private SimulatorProcess(Process process, string path)
    {
        _process = process;
        Path = path;
    }

    /// <summary>The pseudo-terminal's slave, what <c>--uart</c> names.</summary>
    public string Path { get; }

    public static async Task<SimulatorProcess> StartAsync(string executable, string timing, int baud, CancellationToken cancellationToken)
    {
        var process = Process.Start(StationProcess.StartInfo(executable, ["sim", "uart", "--rom", "--timing", timing, "--baud", baud.ToString(CultureInfo.InvariantCulture)]))
            ?? throw new InvalidOperationException($"Could not start {executable} sim uart.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        var path = await process.StandardOutput.ReadLineAsync(limit.Token);
        if (path is null || !path.StartsWith('/'))
        {
            process.Kill();
            throw new InvalidOperationException($"station sim uart did not print its pseudo-terminal: {path}{await process.StandardError.ReadToEndAsync(cancellationToken)}");
        }

        return new SimulatorProcess(process, path);
    }

    /// <summary>SIGTERM, then the device-time line the simulator prints as it stops (seconds by category).</summary>
    public async Task<IReadOnlyDictionary<string, double>> StopAsync(CancellationToken cancellationToken)
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        var rest = await _process.StandardOutput.ReadToEndAsync(limit.Token);
        await _process.WaitForExitAsync(limit.Token);
        var line = rest.Split('\n').SingleOrDefault(l => l.StartsWith("device-time ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"station sim uart printed no device-time line:\n{rest}");
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(field => field.Split('='))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
