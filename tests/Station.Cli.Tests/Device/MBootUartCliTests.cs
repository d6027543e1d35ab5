using System.Runtime.Versioning;
using System.Text.Json;
using Station.Simulator;
using Station.Testing;

namespace Station.Cli.Tests.Device;

/// <summary>
/// <c>station mboot --uart</c> against a simulated RT1064 flashloader on a real pseudo-terminal:
/// each call is a fresh process-like invocation (open the port, ping, one command), as with blhost.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class MBootUartCliTests : IDisposable
{
    private readonly ScratchFolder _cli = new();

    [Fact]
    public async Task WriteMemoryReadMemory_256KiBThroughTheNor_RoundTrips()
    {
        await using var board = PtyBoard.Flashloader();
        var image = new byte[256 * 1024];
        new Random(3).NextBytes(image);
        var file = _cli.Write("image.bin", image);
        var p = board.Path;

        await Succeeds("mboot", "--uart", p, "fill-memory", "0x2000", "4", "0xC0000007");
        await Succeeds("mboot", "--uart", p, "configure-memory", "9", "0x2000");
        await Succeeds("mboot", "--uart", $"{p},115200", "flash-erase-region", "0x70000000", "0x40000", "9");
        var write = await Succeeds("mboot", "-p", p, "write-memory", "0x70000000", file, "9");
        var read = await Succeeds("mboot", "-p", p, "read-memory", "0x70000000", "262144", _cli.PathOf("back.bin"), "9");

        Assert.Contains("Wrote 262144 of 262144 bytes.", write.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Read 262144 of 262144 bytes into {_cli.PathOf("back.bin")}.", read.Stdout, StringComparison.Ordinal);
        Assert.Equal(image, await File.ReadAllBytesAsync(_cli.PathOf("back.bin"), TestTimeouts.Unexpected));
        Assert.Equal(image, board.Board.ReadFlash(0x7000_0000, image.Length));
    }

    [Fact]
    public async Task FlashEraseAll_ThenReadMemory_PrintsBlankHex()
    {
        await using var board = PtyBoard.Flashloader();
        var p = board.Path;
        await Succeeds("mboot", "-p", p, "fill-memory", "0x2000", "4", "0xC0000007");
        await Succeeds("mboot", "-p", p, "configure-memory", "9", "0x2000");
        await Succeeds("mboot", "-p", p, "flash-erase-region", "0x70000000", "0x1000", "9");
        await Succeeds("mboot", "-p", p, "write-memory", "0x70000000", "{{11 22 33 44}}", "9");

        await Succeeds("mboot", "-p", p, "flash-erase-all", "9");

        var read = await Succeeds("mboot", "-p", p, "read-memory", "0x70000000", "16");
        Assert.Contains("ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff", read.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EfuseProgramOnceAndReadOnce_BurnsBitsAndALockedWordFailsWithItsStatus()
    {
        await using var board = PtyBoard.Flashloader();
        var p = board.Path;

        await Succeeds("mboot", "-p", p, "efuse-program-once", "0x22", "0x0000F00F");
        var read = await Succeeds("mboot", "-p", p, "-j", "efuse-read-once", "0x22");
        await Succeeds("mboot", "-p", p, "efuse-program-once", "0x22", "0x00000100", "lock");
        var locked = await InProcessCli.RunAsync("mboot", "-p", p, "efuse-program-once", "0x22", "0x00000200");

        using (var json = JsonDocument.Parse(read.Stdout))
        {
            Assert.Equal([4u, 0xF00Fu], json.RootElement.GetProperty("response").EnumerateArray().Select(e => e.GetUInt32()));
        }

        Assert.Equal(0xF10Fu, board.Board.ReadFuse(0x22));
        Assert.True(board.Board.IsFuseLocked(0x22));
        Assert.Equal(1, locked.ExitCode);
        Assert.Contains("Response status = 20201 (0x4ee9) OCOTP: Program Failure.", locked.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProperty1_Json_ShapedLikeBlhost()
    {
        await using var board = PtyBoard.Flashloader();

        var result = await Succeeds("mboot", "--uart", board.Path, "-j", "get-property", "1");
        var text = await Succeeds("mboot", "--uart", board.Path, "get-property", "1");

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["command", "response", "status"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("get-property", root.GetProperty("command").GetString());
        Assert.Equal([1258422528u], root.GetProperty("response").EnumerateArray().Select(e => e.GetUInt32()));
        Assert.Equal("0 (0x0) Success.", root.GetProperty("status").GetProperty("description").GetString());
        Assert.Equal(0, root.GetProperty("status").GetProperty("value").GetInt32());
        Assert.Contains("Response status = 0 (0x0) Success.", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Response word 1 = 1258422528 (0x4b020100)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Current Version = K2.1.0", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceStatusError_Exit1WithTheStatusAndItsDescription()
    {
        await using var board = PtyBoard.Flashloader();

        var text = await InProcessCli.RunAsync("mboot", "-p", board.Path, "flash-erase-region", "0x70000000", "0x1000", "9");
        var json = await InProcessCli.RunAsync("mboot", "-p", board.Path, "-j", "write-memory", "0x70000000", "{{01 02}}");
        var unknown = await InProcessCli.RunAsync("mboot", "-p", board.Path, "get-property", "0x7f");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("Response status = 10205 (0x27dd) Memory Not Configured.", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(10205, document.RootElement.GetProperty("status").GetProperty("value").GetInt32());
        Assert.Equal("10205 (0x27dd) Memory Not Configured.", document.RootElement.GetProperty("status").GetProperty("description").GetString());
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("10300 (0x283c) Unknown Property.", unknown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSuchPort_Exit3WithAClearMessage()
    {
        var result = await InProcessCli.RunAsync("mboot", "--uart", "/dev/station-no-such-port", "get-property", "1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("/dev/station-no-such-port does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task DeviceStalls_Exit3WithTheTimeout()
    {
        // The board stalls on a clock that never moves; -t 200 bounds the host's wait.
        await using var board = PtyBoard.Flashloader(new SimulatedBoardOptions { Faults = FaultPlan.Parse("stall@1"), TimeProvider = new FakeTimeProvider() });

        var result = await InProcessCli.RunAsync("mboot", "-p", board.Path, "-t", "200", "get-property", "1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("timed out after 200 ms", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAFlashloader_PingTimesOut_Exit3()
    {
        await using var board = PtyBoard.Rom();

        var result = await InProcessCli.RunAsync("mboot", "-p", board.Path, "--timeout", "200", "get-property", "1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("timed out", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private static async Task<CliResult> Succeeds(params string[] args)
    {
        var result = await InProcessCli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"station {string.Join(' ', args)}\n{result}");
        return result;
    }
}
