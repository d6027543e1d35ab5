using Station.Protocols.Transport;
using Station.Simulator.Tests.Sdp;
using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.Faults;

/// <summary>Every fault kind, injected deterministically, as the host sees it.</summary>
public sealed class FaultInjectionTests
{
    private const uint Nor = 0x7000_0000;

    private static SimulatedBoardOptions Flashloader(string faults, TimeProvider? time = null) => new()
    {
        Name = "faulty",
        StartInFlashloader = true,
        Faults = FaultPlan.Parse(faults),
        TimeProvider = time ?? TimeProvider.System,
    };

    [Fact]
    public async Task EraseFailure_OnTheSecondErase_20106ThenARetrySucceeds()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader("erase20106@2"));
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);

        Assert.Equal(0u, await host.StatusOfAsync(0x02, Nor, 0x2000, 9));
        Assert.Equal(20106u, await host.StatusOfAsync(0x02, Nor, 0x2000, 9));
        Assert.Equal(0u, await host.StatusOfAsync(0x02, Nor, 0x2000, 9));

        var fault = Assert.Single(board.InjectedFaults);
        Assert.Equal((FaultKind.EraseFailure, 2), (fault.Kind, fault.Occurrence));
    }

    [Fact]
    public async Task ProgramFailure_OnAWrite_20106AndThePageReadsBackWrong()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader("program20106@1"));
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);
        await host.StatusOfAsync(0x02, Nor, 0x2000, 9);
        var image = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();

        Assert.Equal(20106u, await host.WriteMemoryAsync(Nor, image));

        Assert.NotEqual(image, board.ReadFlash(Nor, image.Length));
        Assert.Contains("fails program-verify", Assert.Single(board.InjectedFaults).Detail, StringComparison.Ordinal);
        Assert.Equal(0u, await host.StatusOfAsync(0x02, Nor, 0x2000, 9));
        Assert.Equal(0u, await host.WriteMemoryAsync(Nor, image));
        Assert.Equal(image, board.ReadFlash(Nor, image.Length));
    }

    [Fact]
    public async Task ShortResponse_OverUsb_ATwoByteReport3InPlaceOfTheResponse()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader("short@2"));
        await using var _ = rig;
        await host.CommandAsync(0x07, 1, 0);
        await host.ReplyAsync();

        await host.CommandAsync(0x07, 1, 0);

        Assert.Equal("03 00", Hex.Of(await host.ReceiveAsync()));
        Assert.Equal(0u, await host.StatusOfAsync(0x05, 0x2020_0000, 4, 0)); // the device carries on
    }

    [Fact]
    public async Task ShortResponse_OverUart_OnlyTheFrameStart()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Flashloader("short@1"));

        await rig.Host.SendAsync(Wire.CommandFrame(0x07, 1, 0));

        Assert.Equal("5A A1 5A A4", Hex.Of(await rig.Host.ReadExactAsync(4)));
    }

    [Fact]
    public async Task Stall_HostTimesOutThenTheLateResponseArrives()
    {
        var time = new FakeTimeProvider();
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader("stall@1,stallfor=10s", time));
        await using var _ = rig;
        var stalled = FaultSeen(board, FaultKind.Stall);

        await host.CommandAsync(0x07, 1, 0);
        var read = host.Transport.ReadReportAsync(new byte[1016], TimeSpan.FromSeconds(5), TestTimeouts.Unexpected).AsTask();
        await stalled;
        time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<DeviceTimeoutException>(() => read);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0x4B02_0100u, (await host.ReplyAsync()).Parameters[1]);
    }

    [Fact]
    public async Task Disconnect_MidWrite_HostSeesDisconnectAndTheFlashloaderComesBackConfigured()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader("disconnect@1"));
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);

        await Assert.ThrowsAsync<DeviceDisconnectedException>(async () =>
        {
            await host.CommandAsync(0x04, 0x2020_0000, 10 * 1012, 0);
            await host.ReplyAsync();
            for (var i = 0; i < 10; i++)
            {
                await host.DataAsync(new byte[1012]);
            }

            await host.ReceiveAsync();
        });

        Assert.Equal(0x0073, (await rig.NextAsync(HidDeviceChangeKind.Removed)).ProductId);
        var back = await rig.NextAsync(HidDeviceChangeKind.Arrived);
        Assert.Equal((0x0073, "1-1.1"), (back.ProductId, back.PortPath));
        await using var again = new RawHid(await rig.Bus.OpenAsync(back, TestTimeouts.Unexpected));
        await again.CommandAsync(0x07, 0x19, 9);
        Assert.Equal(0u, (await again.ReplyAsync()).Status);
    }

    [Fact]
    public async Task Disconnect_OverUart_TheLinkClosesAndServingEnds()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Flashloader("disconnect@1"));
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x04, 0x2020_0000, 512, 0)).Status);

        await Assert.ThrowsAsync<DeviceDisconnectedException>(async () =>
        {
            await rig.Host.SendAsync(Wire.Frame(0xA5, new byte[512]));
            await rig.Host.ReadExactAsync(2);
        });

        await rig.Serving.WaitAsync(TestTimeouts.Unexpected);
        Assert.Equal(BoardState.Off, rig.Board.State);
    }

    [Fact]
    public async Task Reset_OnACommand_NoAnswerAndTheBoardReturnsAsRom()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader("reset@2"));
        await using var _ = rig;
        await host.StatusOfAsync(0x05, 0x2020_0000, 4, 0);

        await host.CommandAsync(0x07, 1, 0);

        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => host.ReceiveAsync());
        await rig.NextAsync(HidDeviceChangeKind.Removed);
        Assert.Equal(0x0135, (await rig.NextAsync(HidDeviceChangeKind.Arrived)).ProductId);
        Assert.Equal(BoardState.Rom, board.State);
    }

    [Fact]
    public async Task RomShort_HabReportCutToTwoBytes()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, new SimulatedBoardOptions { Faults = FaultPlan.Parse("romshort@1") });
        await using var _ = rig;

        await host.SendAsync(Wire.Sdp(0x0505).Prepend((byte)1).ToArray());

        Assert.Equal("03 56", Hex.Of(await host.ReceiveAsync()));
        Assert.Equal("04 F0 F0 F0 F0", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
    }

    [Fact]
    public async Task RomStall_RomAnswersLate()
    {
        var time = new FakeTimeProvider();
        var options = new SimulatedBoardOptions { Faults = FaultPlan.Parse("romstall@1,stallfor=30s"), TimeProvider = time };
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, options);
        await using var _ = rig;
        var stalled = FaultSeen(board, FaultKind.RomStall);

        await host.SendAsync(Wire.Sdp(0x0505).Prepend((byte)1).ToArray());
        var read = host.Transport.ReadReportAsync(new byte[65], TimeSpan.FromSeconds(5), TestTimeouts.Unexpected).AsTask();
        await stalled;
        time.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => read);
        time.Advance(TimeSpan.FromSeconds(25));

        Assert.Equal("03 56 78 78 56", Hex.Of(await host.ReceiveAsync()));
    }

    [Fact]
    public async Task RomDisconnect_DuringWriteFile_RomComesBack()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, new SimulatedBoardOptions { Faults = FaultPlan.Parse("romdisconnect@1") });
        await using var _ = rig;

        await Assert.ThrowsAsync<DeviceDisconnectedException>(
            () => SdpLoad.WriteFileAsync(host, 0x2000_0000, SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin")));

        Assert.Equal(0x0135, (await rig.NextAsync(HidDeviceChangeKind.Removed)).ProductId);
        Assert.Equal(0x0135, (await rig.NextAsync(HidDeviceChangeKind.Arrived)).ProductId);
    }

    [Fact]
    public async Task JumpFailure_ValidImageRejectedOnceThenAccepted()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, new SimulatedBoardOptions { Faults = FaultPlan.Parse("jumpfail@1") });
        await using var _ = rig;
        await SdpLoad.WriteFileAsync(host, 0x2000_0000, SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin"));

        await host.SendAsync(Wire.Sdp(0x0B0B, 0x2000_0400).Prepend((byte)1).ToArray());
        await host.ReceiveAsync();
        Assert.Equal("04 33 33 33 33", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
        await host.SendAsync(Wire.Sdp(0x0B0B, 0x2000_0400).Prepend((byte)1).ToArray());
        await host.ReceiveAsync();

        await rig.NextAsync(HidDeviceChangeKind.Removed);
        Assert.Equal(0x0073, (await rig.NextAsync(HidDeviceChangeKind.Arrived)).ProductId);
    }

    [Fact]
    public async Task BootFailure_JumpAcceptedButTheRomComesBackInsteadOfTheFlashloader()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, new SimulatedBoardOptions { Faults = FaultPlan.Parse("bootfail@1") });
        await using var _ = rig;
        await SdpLoad.WriteFileAsync(host, 0x2000_0000, SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin"));

        await host.SendAsync(Wire.Sdp(0x0B0B, 0x2000_0400).Prepend((byte)1).ToArray());
        await host.ReceiveAsync();

        await rig.NextAsync(HidDeviceChangeKind.Removed);
        Assert.Equal(0x0135, (await rig.NextAsync(HidDeviceChangeKind.Arrived)).ProductId);
        Assert.All(board.ReadRam(0x2000_0400, 32), b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task MarginalBoard_VerifyFailsAtFrequency7AndPassesAt5()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader("marginal=6"));
        await using var _ = rig;

        await host.ConfigureAsync(0xC000_0007);
        Assert.Equal(20106u, await host.StatusOfAsync(0x02, Nor, 0x1000, 9));
        await host.ConfigureAsync(0xC000_0005);
        Assert.Equal(0u, await host.StatusOfAsync(0x02, Nor, 0x1000, 9));
    }

    [Fact]
    public async Task WriteProtectedNor_ProgramChangesNothingAnd20106()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader("protected"));
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);

        Assert.Equal(20106u, await host.WriteMemoryAsync(Nor, new byte[256]));

        Assert.All(board.ReadFlash(Nor, 256), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public async Task SeededProbabilities_SameSeedAndName_SameFaults()
    {
        var first = await EraseOutcomesAsync("erase20106=0.5,seed=7");
        var second = await EraseOutcomesAsync("erase20106=0.5,seed=7");
        var other = await EraseOutcomesAsync("erase20106=0.5,seed=8");

        Assert.Equal(first, second);
        Assert.Contains(20106u, first);
        Assert.Contains(0u, first);
        Assert.NotEqual(first, other);
    }

    private static async Task<uint[]> EraseOutcomesAsync(string faults)
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader(faults));
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);
        var outcomes = new uint[24];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = await host.StatusOfAsync(0x02, Nor, 0x1000, 9);
        }

        return outcomes;
    }

    /// <summary>Completes once the board reports the fault (raised after its stall timer is armed).</summary>
    private static Task FaultSeen(SimulatedBoard board, FaultKind kind)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        board.FaultInjected += (_, fault) =>
        {
            if (fault.Kind == kind)
            {
                seen.TrySetResult();
            }
        };
        return seen.Task.WaitAsync(TestTimeouts.Unexpected);
    }
}
