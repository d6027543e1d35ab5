using Station.Protocols.Transport;
using Station.Simulator.Tests.Sdp;
using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.Usb;

/// <summary>The simulated bus as an <see cref="IHidDeviceList"/>: ports, hot-plug, re-enumeration.</summary>
public sealed class SimulatedUsbBusTests
{
    [Fact]
    public void WithHub_NamesPorts1Dot1To1Dot16()
    {
        var bus = SimulatedUsbBus.WithHub();

        Assert.Equal(16, bus.AllowedPorts!.Count);
        Assert.Contains("1-1.1", bus.AllowedPorts);
        Assert.Contains("1-1.16", bus.AllowedPorts);
    }

    [Fact]
    public async Task Watch_StartedLate_FirstYieldsPresentDevicesThenNewOnes()
    {
        await using var rig = new UsbRig();
        await rig.PlugAsync("1-1.2", new SimulatedBoard(BoardFamily.Rt1064));
        await rig.NextAsync(HidDeviceChangeKind.Arrived);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestTimeouts.Unexpected);
        await using var late = rig.Bus.WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await late.MoveNextAsync());
        Assert.Equal(("1-1.2", HidDeviceChangeKind.Arrived), (late.Current.Device.PortPath, late.Current.Kind));
        await rig.PlugAsync("1-1.3", new SimulatedBoard(BoardFamily.Rt1020));
        Assert.True(await late.MoveNextAsync());
        Assert.Equal(("1-1.3", (ushort)0x0130), (late.Current.Device.PortPath, late.Current.Device.ProductId));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => late.MoveNextAsync().AsTask());
    }

    [Fact]
    public async Task Plug_UnknownPortOrOccupiedPortOrTwice_Refused()
    {
        await using var rig = new UsbRig();
        var board = new SimulatedBoard(BoardFamily.Rt1064);
        await rig.PlugAsync("1-1.1", board);

        await Assert.ThrowsAsync<ArgumentException>(() => rig.Bus.PlugAsync("2-3", new SimulatedBoard(BoardFamily.Rt1064), TestTimeouts.Unexpected).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Bus.PlugAsync("1-1.1", new SimulatedBoard(BoardFamily.Rt1064), TestTimeouts.Unexpected).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Bus.PlugAsync("1-1.2", board, TestTimeouts.Unexpected).AsTask());
    }

    [Fact]
    public async Task ServeSerial_BoardOnTheBus_Refused()
    {
        await using var rig = new UsbRig();
        var board = new SimulatedBoard(BoardFamily.Rt1064);
        await rig.PlugAsync("1-1.1", board);
        var (_, device) = InMemoryByteTransport.CreatePair("uart");

        await Assert.ThrowsAsync<InvalidOperationException>(() => board.ServeSerialAsync(device, TestTimeouts.Unexpected));
    }

    [Fact]
    public async Task Unplug_DeviceRemovedAndOpenHandleDisconnected_ReplugComesBackAsRom()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, new SimulatedBoardOptions { StartInFlashloader = true });
        await using var _ = rig;

        Assert.Same(board, await rig.Bus.UnplugAsync("1-1.1", TestTimeouts.Unexpected));

        Assert.Equal(0x0073, (await rig.NextAsync(HidDeviceChangeKind.Removed)).ProductId);
        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => host.ReceiveAsync());
        Assert.Empty(rig.Bus.GetDevices());
        Assert.Null(rig.Bus.BoardAt("1-1.1"));
        Assert.Equal(BoardState.Off, board.State);

        await rig.Bus.PlugAsync("1-1.9", board, TestTimeouts.Unexpected);
        var back = await rig.NextAsync(HidDeviceChangeKind.Arrived);
        Assert.Equal((0x1FC9, 0x0135, "1-1.9"), (back.VendorId, back.ProductId, back.PortPath));
        Assert.Null(board.Flashloader);
    }

    [Fact]
    public async Task ResetCommand_FlashloaderLeavesAndTheRomArrivesOnTheSamePort()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, new SimulatedBoardOptions { StartInFlashloader = true }, "1-1.5");
        await using var _ = rig;
        await host.WriteMemoryAsync(0x2020_0000, [1, 2, 3, 4]);

        Assert.Equal(0u, await host.StatusOfAsync(0x0B));

        Assert.Equal(("1-1.5", (ushort)0x0073), Identity(await rig.NextAsync(HidDeviceChangeKind.Removed)));
        Assert.Equal(("1-1.5", (ushort)0x0135), Identity(await rig.NextAsync(HidDeviceChangeKind.Arrived)));
        Assert.Equal(BoardState.Rom, board.State);
        Assert.Equal(new byte[4], board.ReadRam(0x2020_0000, 4));
    }

    [Fact]
    public async Task Open_Twice_TheFirstHandleIsCutOff()
    {
        var (rig, _, first) = await UsbRig.StartAsync(BoardFamily.Rt1064, new SimulatedBoardOptions { StartInFlashloader = true });
        await using var _ = rig;

        await using var second = new RawHid(await rig.Bus.OpenAsync(rig.Bus.GetDevices()[0], TestTimeouts.Unexpected));

        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => first.ReceiveAsync());
        Assert.Equal(0u, await second.StatusOfAsync(0x05, 0x2020_0000, 4, 0));
    }

    [Fact]
    public async Task SixteenBoards_LoadedInParallel_EachReenumeratesAsFlashloaderOnItsOwnPort()
    {
        await using var rig = new UsbRig();
        var image = SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin");
        var ports = SimulatedUsbBus.HubPorts();
        foreach (var port in ports)
        {
            await rig.PlugAsync(port, new SimulatedBoard(BoardFamily.Rt1060, new SimulatedBoardOptions { Name = port }));
        }

        var roms = new List<HidDeviceInfo>();
        for (var i = 0; i < ports.Count; i++)
        {
            roms.Add(await rig.NextAsync(HidDeviceChangeKind.Arrived));
        }

        await Task.WhenAll(roms.Select(rom => Task.Run(async () =>
        {
            await using var host = new RawHid(await rig.Bus.OpenAsync(rom, TestTimeouts.Unexpected));
            await SdpLoad.WriteFileAsync(host, 0x2000_0000, image);
            await host.SendAsync(Wire.Sdp(0x0B0B, 0x2000_0400).Prepend((byte)1).ToArray());
            await host.ReceiveAsync();
        })));

        var arrivals = new List<string>();
        while (arrivals.Count < ports.Count)
        {
            var change = await rig.NextChangeAsync();
            if (change.Kind == HidDeviceChangeKind.Arrived)
            {
                Assert.Equal(0x0073, change.Device.ProductId);
                arrivals.Add(change.Device.PortPath);
            }
            else
            {
                Assert.Equal(0x0135, change.Device.ProductId);
            }
        }

        Assert.Equal(ports.Order(), arrivals.Order());
        Assert.All(rig.Bus.GetDevices(), d => Assert.Equal(0x0073, d.ProductId));
        Assert.All(ports, p => Assert.Equal(BoardState.Flashloader, rig.Bus.BoardAt(p)!.State));
    }

    [Fact]
    public async Task InternalBoot_AfterProvisioningAndReset_BoardRunsTheApplicationAndStaysOffTheBus()
    {
        var options = new SimulatedBoardOptions { StartInFlashloader = true, BootSource = BootSource.InternalBoot };
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, options);
        await using var _ = rig;
        var image = SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nopadding.bin");
        Assert.Equal(0u, await host.ConfigureAsync(0xC000_0007));
        Assert.Equal(0u, await host.StatusOfAsync(0x02, 0x6000_0000, (uint)(0x1000 + image.Length), 9));
        Assert.Equal(0u, await host.ConfigureAsync(0xF000_000F));
        Assert.Equal(0u, await host.WriteMemoryAsync(0x6000_1000, image, 9));

        Assert.Equal(0u, await host.StatusOfAsync(0x0B));

        await rig.NextAsync(HidDeviceChangeKind.Removed);
        Assert.Equal(BoardState.Application, board.State);
        Assert.True(rig.IsQuiet);
        Assert.Empty(rig.Bus.GetDevices());
    }

    private static (string, ushort) Identity(HidDeviceInfo device) => (device.PortPath, device.ProductId);
}
