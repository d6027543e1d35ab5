using System.Diagnostics;

namespace Station.Benchmarks.NxpStyle;

/// <summary>
/// The built <c>station</c> executable (artifacts/bin/Station.Cli/release/station, the apphost), run
/// once per command as NXP's Secure Provisioning Tool runs blhost and sdphost: a fresh process, its
/// wall time from start to exit.
/// </summary>
internal static class StationProcess
{
    /// <summary>A command must end well within this; a hung command fails the benchmark.</summary>
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(60);

    public static string ExecutablePath(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "artifacts", "bin", "Station.Cli", "release", OperatingSystem.IsWindows() ? "station.exe" : "station");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Build the release CLI first: dotnet build -c Release src/Station.Cli ({path} is missing).", path);
    }

    public static ProcessStartInfo StartInfo(string executable, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Runs one command to its end; throws with its output when it does not exit 0.</summary>
    public static async Task<TimeSpan> RunAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CommandLimit);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(StartInfo(executable, arguments))
            ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill();
            throw new TimeoutException($"station {string.Join(' ', arguments)} did not end within {CommandLimit.TotalSeconds} s.");
        }

        var wall = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"station {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}{await error}");
        }

        await Task.WhenAll(output, error);
        return wall;
    }
}
