using System.Diagnostics;
using Station.Core.Devices;
using Station.Core.Runs;

namespace Station.Core.Power;

/// <summary>
/// Power-cycles a slot by running the station's configured command (a relay board, a smart hub's
/// tool such as uhubctl): <c>{slot}</c> and <c>{port}</c> in the arguments become the slot's name
/// and port path. The command must exit 0 within <paramref name="timeout"/>.
/// </summary>
public sealed class CommandPowerCycler(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout) : IPowerCycler
{
    /// <inheritdoc />
    public bool CanPowerCycle(SlotDefinition slot) => true;

    /// <inheritdoc />
    public async Task PowerCycleAsync(SlotDefinition slot, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.Replace("{slot}", slot.Name, StringComparison.Ordinal).Replace("{port}", slot.PortPath, StringComparison.Ordinal));
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"The power-cycle command '{fileName}' did not start.");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var errors = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The power-cycle command for {slot.Name} did not finish within {timeout.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The power-cycle command for {slot.Name} exited with {process.ExitCode}: {(await errors).Trim()}");
        }
    }
}
