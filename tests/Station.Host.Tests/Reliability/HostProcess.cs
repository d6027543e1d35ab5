using System.Diagnostics;
using System.Threading.Channels;
using Station.Testing;

namespace Station.Host.Tests.Reliability;

/// <summary>
/// The real station service as a child process: this build's Station.Host.dll (copied next to the
/// tests) run by <c>dotnet exec</c>, configured by <c>--Section:Key=value</c> arguments and
/// listening on a free port (<c>--urls http://127.0.0.1:0</c>). Its console lines are drained as
/// they come (a full pipe would stall the host's logging) and handed out through
/// <see cref="Lines"/>; the newest are kept for failure messages. <see cref="KillAsync"/> is SIGKILL.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Now listening on: ";
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Queue<string> _recent = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _draining;

    private HostProcess(Process process)
    {
        _process = process;
        _draining = Task.WhenAll(DrainAsync(process.StandardOutput), DrainAsync(process.StandardError));
    }

    /// <summary>Every console line of the host (both streams), in the order read.</summary>
    public ChannelReader<string> Lines => _lines.Reader;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The newest console lines, for a failure message.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_recent)
            {
                return string.Join('\n', _recent);
            }
        }
    }

    /// <summary>Starts the host in <paramref name="workingDirectory"/> with <paramref name="settings"/>.</summary>
    public static HostProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Station.Host.dll");
        Assert.True(File.Exists(hostDll), $"{hostDll} is not built");
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet",
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var argument in new[] { "exec", hostDll, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("The host did not start."));
    }

    /// <summary>Completes with the host's address once Kestrel listens (after the station has started).</summary>
    public Task<Uri> ListeningAsync(CancellationToken cancellationToken) => _listening.Task.WaitAsync(cancellationToken);

    /// <summary>SIGKILL: no shutdown, no finally blocks, no flush in the host. Returns once it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(TestTimeouts.Unexpected);
        await _draining.WaitAsync(TestTimeouts.Unexpected);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_recent)
            {
                _recent.Enqueue(line);
                if (_recent.Count > KeptLines)
                {
                    _recent.Dequeue();
                }
            }

            var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
            if (at >= 0)
            {
                _listening.TrySetResult(new Uri(line[(at + ListeningPrefix.Length)..].Trim()));
            }

            _lines.Writer.TryWrite(line);
        }

        _listening.TrySetException(new InvalidOperationException($"The host exited before listening:\n{RecentOutput}"));
    }
}
