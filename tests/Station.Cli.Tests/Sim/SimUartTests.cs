using System.CommandLine;
using System.Runtime.Versioning;
using Station.Testing;

namespace Station.Cli.Tests.Sim;

/// <summary><c>station sim uart</c> run in-process: its first line is the pseudo-terminal, and the device commands reach the board there.</summary>
[SupportedOSPlatform("linux")]
public sealed class SimUartTests
{
    [Fact]
    public async Task SimUart_FirstLineIsThePty_MBootAnswersAndCancelStopsIt()
    {
        await using var sim = SimRun.Start("sim", "uart");
        var path = await sim.Output.FirstLineAsync();

        var version = await InProcessCli.RunAsync("mboot", "--uart", path, "get-property", "1");
        var exitCode = await sim.StopAsync();

        Assert.StartsWith("/dev/pts/", path, StringComparison.Ordinal);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Contains("Current Version = K2.1.0", version.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Contains("RT1064 flashloader (MBoot)", sim.Output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Stopped.\n", sim.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimUart_MBootRoundTrips256KiBErasesAndBurnsFuses()
    {
        using var cli = new ScratchFolder();
        var image = new byte[256 * 1024];
        new Random(11).NextBytes(image);
        var file = cli.Write("image.bin", image);
        await using var sim = SimRun.Start("sim", "uart");
        var p = await sim.Output.FirstLineAsync();

        string[][] steps =
        [
            ["mboot", "--uart", p, "fill-memory", "0x2000", "4", "0xC0000007"],
            ["mboot", "--uart", p, "configure-memory", "9", "0x2000"],
            ["mboot", "--uart", p, "flash-erase-region", "0x70000000", "0x40000", "9"],
            ["mboot", "--uart", p, "write-memory", "0x70000000", file, "9"],
            ["mboot", "--uart", p, "read-memory", "0x70000000", "262144", cli.PathOf("back.bin"), "9"],
            ["mboot", "--uart", p, "efuse-program-once", "0x21", "0x00000081"],
        ];
        foreach (var step in steps)
        {
            var result = await InProcessCli.RunAsync(step);
            Assert.True(result.ExitCode == 0, $"station {string.Join(' ', step)}\n{result}");
        }

        var fuse = await InProcessCli.RunAsync("mboot", "--uart", p, "efuse-read-once", "0x21");
        Assert.Equal(image, await File.ReadAllBytesAsync(cli.PathOf("back.bin"), TestTimeouts.Unexpected));
        Assert.Contains("Response word 2 = 129 (0x81)", fuse.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, await sim.StopAsync());
    }

    [Fact]
    public async Task SimUart_Rom_SdpTalksToTheChosenFamily()
    {
        await using var sim = SimRun.Start("sim", "uart", "--rom", "--family", "RT1060", "--timing", "fast");
        var path = await sim.Output.FirstLineAsync();

        var status = await InProcessCli.RunAsync("sdp", "--uart", path, "error-status");
        var loaded = await InProcessCli.RunAsync("sdp", "--uart", path, "write-file", "0x20000000", SharedTestData.PathOf("spsdk/rt106x/ivt_flashloader.bin"));
        var jumped = await InProcessCli.RunAsync("sdp", "--uart", path, "jump-address", "0x20000400");
        var mboot = await InProcessCli.RunAsync("mboot", "--uart", path, "get-property", "1");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("(0xf0f0f0f0)", status.Stdout, StringComparison.Ordinal);
        Assert.True(loaded.ExitCode == 0, loaded.ToString());
        Assert.True(jumped.ExitCode == 0, jumped.ToString());
        Assert.True(mboot.ExitCode == 0, mboot.ToString());
        Assert.Contains("RT1060 boot ROM (SDP)", sim.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await sim.StopAsync());
    }

    [Fact]
    public async Task SimUart_Faults_AreInjectedAndReported()
    {
        await using var sim = SimRun.Start("sim", "uart", "--faults", "erase20106@1");
        var path = await sim.Output.FirstLineAsync();
        await InProcessCli.RunAsync("mboot", "-p", path, "fill-memory", "0x2000", "4", "0xC0000007");
        await InProcessCli.RunAsync("mboot", "-p", path, "configure-memory", "9", "0x2000");

        var erase = await InProcessCli.RunAsync("mboot", "-p", path, "flash-erase-region", "0x70000000", "0x1000", "9");
        var retry = await InProcessCli.RunAsync("mboot", "-p", path, "flash-erase-region", "0x70000000", "0x1000", "9");

        Assert.Equal(1, erase.ExitCode);
        Assert.Contains("Response status = 20106 (0x4e8a) FlexSPINOR: Command Failure.", erase.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, retry.ExitCode);
        Assert.Equal(0, await sim.StopAsync());
        Assert.Contains("fault: erase20106 #1", sim.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimUart_Stop_PrintsDeviceTimeChargedAtTheBaudRate()
    {
        // Fast timing waits for nothing but still counts: at 10 baud every byte is charged 1 s.
        await using var sim = SimRun.Start("sim", "uart", "--baud", "10");
        var path = await sim.Output.FirstLineAsync();

        var version = await InProcessCli.RunAsync("mboot", "--uart", path, "get-property", "1");
        var exitCode = await sim.StopAsync();

        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal(0, exitCode);
        var line = sim.Output.ToString().Split('\n').Single(l => l.StartsWith("device-time ", StringComparison.Ordinal));
        var fields = line.Split(' ').Skip(1).Select(f => f.Split('=')).ToDictionary(f => f[0], f => double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));
        // Ping (2 bytes) and its response (10), the command and response frames: far more than 12 bytes.
        Assert.True(fields["uart"] >= 12, line);
        Assert.Equal(fields["total"], fields["uart"] + fields["usb"] + fields["erase"] + fields["program"] + fields["otp"] + fields["enumeration"], 5);
    }

    [Theory]
    [InlineData("--baud", "0", "--baud")]
    [InlineData("--faults", "erase20106=2", "--faults")]
    [InlineData("--family", "RT9999", "Unknown board family")]
    public async Task SimUart_BadOptions_Exit2(string option, string value, string message)
    {
        var result = await InProcessCli.RunAsync("sim", "uart", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary><c>station sim uart</c> running in-process until <see cref="StopAsync"/> (the test's Ctrl+C).</summary>
    private sealed class SimRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(TestTimeouts.Unexpected);
        private readonly StringWriter _error = new();
        private readonly Task<int> _run;

        private SimRun(string[] args)
        {
            var configuration = new InvocationConfiguration { Output = Output, Error = _error };
            _run = InProcessCli.Root().Parse(args).InvokeAsync(configuration, _stop.Token);
        }

        public WatchedWriter Output { get; } = new();

        public static SimRun Start(params string[] args) => new(args);

        public async Task<int> StopAsync()
        {
            await _stop.CancelAsync();
            return await _run.WaitAsync(TestTimeouts.Unexpected);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_run.IsCompleted)
            {
                await StopAsync();
            }

            _stop.Dispose();
            _error.Dispose();
            Output.Dispose();
        }
    }
}
