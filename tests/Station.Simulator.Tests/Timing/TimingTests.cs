using Station.Protocols.Transport;
using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.Timing;

/// <summary>The timing model: device-bound time totals, and waiting them out when scaled.</summary>
public sealed class TimingTests
{
    private const uint Nor = 0x7000_0000;

    [Fact]
    public async Task DeviceTime_CountsReportsErasesAndPagePrograms()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, new SimulatedBoardOptions { StartInFlashloader = true });
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);
        var before = board.DeviceTime;

        Assert.Equal(0u, await host.StatusOfAsync(0x02, Nor + 0x10, 0x2000, 9));    // 3 sectors once aligned
        Assert.Equal(0u, await host.WriteMemoryAsync(Nor, new byte[1024]));       // 4 pages, 1 + 2 + 1 reports
        var spent = board.DeviceTime - before;

        Assert.Equal(TimeSpan.FromMilliseconds(135), spent.FlashErase);
        Assert.Equal(TimeSpan.FromMilliseconds(1.6), spent.FlashProgram);
        // Erase: command + response; write: command, initial response, 2 data reports (1012 + 12), final.
        Assert.Equal(TimeSpan.FromMilliseconds(7 * 0.5), spent.UsbTransfer);
        Assert.Equal(spent.FlashErase + spent.FlashProgram + spent.UsbTransfer, spent.Total);
    }

    [Fact]
    public async Task DeviceTime_Uart_ByteTimeAtTheBaudRate()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, new SimulatedBoardOptions { Timing = SimulatorTiming.Instant with { UartBaudRate = 57600 } });

        await rig.Host.SendAsync(Hex.Bytes("5A A6"));
        await rig.Host.ReadExactAsync(10);

        Assert.Equal(TimeSpan.FromTicks(12 * 10 * TimeSpan.TicksPerSecond / 57600), rig.Board.DeviceTime.UartTransfer);
    }

    [Fact]
    public async Task RealisticTiming_EraseResponseWaitsForTheEraseTime_ScaledByTheFactor()
    {
        var time = new FakeTimeProvider();
        // Report times off, so the only waits are the boot gap and the erase.
        var timing = SimulatorTiming.Realistic with { ScaleFactor = 0.5, UsbReportInterval = TimeSpan.Zero };
        var board = new SimulatedBoard(BoardFamily.Rt1064, new SimulatedBoardOptions { StartInFlashloader = true, Timing = timing, TimeProvider = time });
        var waiting = System.Threading.Channels.Channel.CreateUnbounded<TimeSpan>();
        board.Pacer.Waiting += wait => waiting.Writer.TryWrite(wait);
        await using var rig = new UsbRig();
        await rig.PlugAsync("1-1.1", board);

        Assert.Equal(TimeSpan.FromMilliseconds(250), await waiting.Reader.ReadAsync(TestTimeouts.Unexpected)); // boot gap 500 ms × 0.5
        Assert.True(rig.IsQuiet);
        time.Advance(TimeSpan.FromMilliseconds(250));
        var device = await rig.NextAsync(HidDeviceChangeKind.Arrived);
        await using var host = new RawHid(await rig.Bus.OpenAsync(device, TestTimeouts.Unexpected));
        Assert.Equal(0u, await host.ConfigureAsync(0xC000_0007));
        await host.CommandAsync(0x02, Nor, 0x3000, 9);
        var reply = host.ReplyAsync();
        var wait = await waiting.Reader.ReadAsync(TestTimeouts.Unexpected);

        Assert.Equal(TimeSpan.FromMilliseconds(67.5), wait); // 3 sectors × 45 ms × 0.5
        Assert.False(reply.IsCompleted);
        time.Advance(wait);
        Assert.Equal(0u, (await reply).Status);
        Assert.Equal(TimeSpan.FromMilliseconds(135), board.DeviceTime.FlashErase);
    }
}
