using System.Runtime.Versioning;
using Station.Simulator;
using Station.Testing;

namespace Station.Cli.Tests.Device;

/// <summary><c>station sdp --uart</c> against a simulated RT1064 boot ROM on a real pseudo-terminal.</summary>
[SupportedOSPlatform("linux")]
public sealed class SdpUartCliTests
{
    [Fact]
    public async Task ErrorStatus_FreshRom_HabSuccessAndHabOpen()
    {
        await using var board = PtyBoard.Rom();

        var result = await InProcessCli.RunAsync("sdp", "--uart", board.Path, "error-status");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Response word 1 = 4042322160 (0xf0f0f0f0)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("HAB mode = Open", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteFileThenJumpAddress_TheFlashloaderAnswersMBootOnTheSameLine()
    {
        await using var board = PtyBoard.Rom();
        var loader = SharedTestData.PathOf("spsdk/rt106x/ivt_flashloader.bin");

        var write = await InProcessCli.RunAsync("sdp", "-p", board.Path, "write-file", "0x20000000", loader);
        var jump = await InProcessCli.RunAsync("sdp", "-p", board.Path, "jump-address", "0x20000400");
        var version = await InProcessCli.RunAsync("mboot", "-p", board.Path, "get-property", "1");

        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Contains("Wrote 90529 bytes; HAB mode = Open", write.Stdout, StringComparison.Ordinal);
        Assert.True(jump.ExitCode == 0, jump.ToString());
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Contains("Current Version = K2.1.0", version.Stdout, StringComparison.Ordinal);
        Assert.Equal(BoardState.Flashloader, board.Board.State);
    }

    [Fact]
    public async Task JumpAddress_HabClosedUnsignedImage_Exit1WithTheRomsStatus()
    {
        await using var board = PtyBoard.Rom(new SimulatedBoardOptions { Hab = HabState.Closed });
        await InProcessCli.RunAsync("sdp", "-p", board.Path, "write-file", "0x20000000", SharedTestData.PathOf("spsdk/rt106x/ivt_flashloader.bin"));

        var jump = await InProcessCli.RunAsync("sdp", "-p", board.Path, "-j", "jump-address", "0x20000400");
        var status = await InProcessCli.RunAsync("sdp", "-p", board.Path, "error-status");

        Assert.Equal(1, jump.ExitCode);
        Assert.Contains("0x33333333", jump.Stdout, StringComparison.Ordinal);
        Assert.Contains("HAB closed", jump.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("(0x33333333)", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("HAB mode = Closed", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteFile_MissingFile_Exit2()
    {
        await using var board = PtyBoard.Rom();

        var result = await InProcessCli.RunAsync("sdp", "-p", board.Path, "write-file", "0x20000000", "/nonexistent/loader.bin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Stderr, StringComparison.Ordinal);
    }
}
