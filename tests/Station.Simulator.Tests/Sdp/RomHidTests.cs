using System.Buffers.Binary;
using Station.Protocols.Transport;
using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.Sdp;

/// <summary>The ROM's serial downloader over USB HID, with the raw reports of PROTOCOLS 7.</summary>
public sealed class RomHidTests
{
    private static readonly SimulatedBoardOptions Rom = new() { Name = "rom-board" };

    private static byte[] Command(string hex)
    {
        var report = new byte[17];
        report[0] = 1;
        Hex.Bytes(hex).CopyTo(report, 1);
        return report;
    }

    [Fact]
    public async Task Plugged_RomDeviceHasTheFamilyIdentityAndSdpReportLengths()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Rom, "1-1.7");
        await using var _ = rig;

        var device = Assert.Single(rig.Bus.GetDevices());

        Assert.Equal((0x1FC9, 0x0135, "1-1.7", 65, 1025), (device.VendorId, device.ProductId, device.PortPath, device.MaxInputReportLength, device.MaxOutputReportLength));
        Assert.Equal((65, 1025), (host.Transport.MaxInputReportLength, host.Transport.MaxOutputReportLength));
    }

    [Fact]
    public async Task ErrorStatus_SpecCommand_HabOpenThenSuccess()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;

        await host.SendAsync(Command("05 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00"));

        Assert.Equal("03 56 78 78 56", Hex.Of(await host.ReceiveAsync()));
        var status = await host.ReceiveAsync();
        Assert.Equal(65, status.Length);
        Assert.Equal("04 F0 F0 F0 F0", Hex.Of(status.AsSpan(0, 5)));
    }

    [Fact]
    public async Task ErrorStatus_ClosedHab_ReportsHabClosed()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1050, Rom with { Hab = HabState.Closed });
        await using var _ = rig;

        await host.SendAsync(Command("05 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00"));

        Assert.Equal("03 12 34 34 12", Hex.Of(await host.ReceiveAsync()));
    }

    [Fact]
    public async Task ReadRegister_SpecCommandPaddedTo1025Bytes_HabThenOneStatusReportWithTheWord()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;
        var report = new byte[1025];
        report[0] = 1;
        Hex.Bytes("01 01 40 1F 40 00 20 00 00 00 04 00 00 00 00 00").CopyTo(report, 1);

        await host.SendAsync(report);

        Assert.Equal("03 56 78 78 56", Hex.Of(await host.ReceiveAsync()));
        var data = await host.ReceiveAsync();
        Assert.Equal(65, data.Length);
        Assert.Equal(4, data[0]);
    }

    [Fact]
    public async Task ReadRegister_OcotpShadowOfCfg0_IsTheUniqueIdLowWord()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;

        await host.SendAsync(Wire.Sdp(0x0101, 0x401F_4410, 0x20, 4).Prepend((byte)1).ToArray());

        await host.ReceiveAsync();
        var data = await host.ReceiveAsync();
        Assert.Equal((uint)board.UniqueId, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(1)));
    }

    [Fact]
    public async Task WriteRegisterThenReadRegister_Ram_RoundTripsIn64ByteReports()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;

        await host.SendAsync(Wire.Sdp(0x0202, 0x2020_0040, 0x20, 0, 0xCAFE_F00D).Prepend((byte)1).ToArray());
        Assert.Equal("03 56 78 78 56", Hex.Of(await host.ReceiveAsync()));
        Assert.Equal("04 12 8A 8A 12", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
        await host.SendAsync(Wire.Sdp(0x0101, 0x2020_0000, 0x20, 0x48).Prepend((byte)1).ToArray());

        await host.ReceiveAsync();
        var first = await host.ReceiveAsync();
        var second = await host.ReceiveAsync();
        Assert.Equal("0D F0 FE CA", Hex.Of(second.AsSpan(1, 4)));
        Assert.All(first[1..], b => Assert.Equal(0, b));
        Assert.All(second[9..], b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task WriteFile_SpecCommand0x800Bytes_TwoDataReportsThenHabAndFileComplete()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;
        var data = Enumerable.Range(0, 0x800).Select(i => (byte)(i * 3)).ToArray();

        await host.SendAsync(Command("04 04 20 00 00 00 00 00 00 08 00 00 00 00 00 00"));
        await host.SendAsync([2, .. data.AsSpan(0, 1024)]);
        await host.SendAsync([2, .. data.AsSpan(1024, 1024)]);

        Assert.Equal("03 56 78 78 56", Hex.Of(await host.ReceiveAsync()));
        Assert.Equal("04 88 88 88 88", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
        Assert.Equal(data, board.ReadRam(0x2000_0000, 0x800));
    }

    [Fact]
    public async Task WriteFile_CountNotAMultipleOf1024_TheWholeReportIsStored()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;
        var report = Enumerable.Repeat((byte)0xAB, 1025).ToArray();
        report[0] = 2;

        await host.SendAsync(Wire.Sdp(0x0404, 0x2020_0000, 0, 0x10).Prepend((byte)1).ToArray());
        await host.SendAsync(report);
        await host.ReceiveAsync();
        await host.ReceiveAsync();

        Assert.All(board.ReadRam(0x2020_0000, 1024), b => Assert.Equal(0xAB, b)); // rounded up (PROTOCOLS 7.1)
    }

    [Fact]
    public async Task JumpAddress_NoIvtThere_HabThenFailureStatusAndErrorStatusKeepsIt()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;

        await host.SendAsync(Command("0B 0B 20 00 04 00 00 00 00 00 00 00 00 00 00 00"));

        Assert.Equal("03 56 78 78 56", Hex.Of(await host.ReceiveAsync()));
        Assert.Equal("04 33 33 33 33", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
        await host.SendAsync(Command("05 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00"));
        await host.ReceiveAsync();
        Assert.Equal("04 33 33 33 33", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
        Assert.Equal(BoardState.Rom, board.State);
        Assert.True(rig.IsQuiet);
    }

    [Fact]
    public async Task WriteFileIvtFlashloaderThenJump_BoardReenumeratesAsTheFlashloaderOnTheSamePort()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom, "1-1.4");
        await using var _ = rig;
        var image = SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin");

        await SdpLoad.WriteFileAsync(host, 0x2000_0000, image);
        await host.SendAsync(Command("0B 0B 20 00 04 00 00 00 00 00 00 00 00 00 00 00"));
        Assert.Equal("03 56 78 78 56", Hex.Of(await host.ReceiveAsync()));

        var removed = await rig.NextAsync(HidDeviceChangeKind.Removed);
        var arrived = await rig.NextAsync(HidDeviceChangeKind.Arrived);
        Assert.Equal((0x1FC9, 0x0135, "1-1.4"), (removed.VendorId, removed.ProductId, removed.PortPath));
        Assert.Equal((0x15A2, 0x0073, "1-1.4", 1016, 1016), (arrived.VendorId, arrived.ProductId, arrived.PortPath, arrived.MaxInputReportLength, arrived.MaxOutputReportLength));
        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => host.ReceiveAsync());
        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => rig.Bus.OpenAsync(removed, TestTimeouts.Unexpected).AsTask());

        await using var flashloader = new RawHid(await rig.Bus.OpenAsync(arrived, TestTimeouts.Unexpected));
        await flashloader.CommandAsync(0x07, 0x0C, 0);
        Assert.Equal(new uint[] { 0, 0, 0, 0x2000_0000, 0x2000_0000 + (uint)image.Length - 1 }, (await flashloader.ReplyAsync()).Parameters);
        Assert.Equal(BoardState.Flashloader, board.State);
    }

    [Fact]
    public async Task WriteFileRt1020Flashloader_JumpToItsOcramIvt_Works()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1020, Rom);
        await using var _ = rig;
        var image = SharedTestData.Read("spsdk/rt102x/ivt_flashloader.bin");

        await SdpLoad.WriteFileAsync(host, 0x2020_8000, image);
        await host.SendAsync(Wire.Sdp(0x0B0B, 0x2020_8400).Prepend((byte)1).ToArray());
        await host.ReceiveAsync();

        Assert.Equal(0x0130, (await rig.NextAsync(HidDeviceChangeKind.Removed)).ProductId);
        Assert.Equal(0x0073, (await rig.NextAsync(HidDeviceChangeKind.Arrived)).ProductId);
        Assert.Equal(new LoadedImage(0x2020_8000, image.Length, 0x2020_8400), board.Flashloader);
    }

    [Fact]
    public async Task JumpAddress_ClosedHabAndImageWithoutCsf_Rejected()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom with { Hab = HabState.Closed });
        await using var _ = rig;

        await SdpLoad.WriteFileAsync(host, 0x2000_0000, SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin"), habMode: "12 34 34 12");
        await host.SendAsync(Wire.Sdp(0x0B0B, 0x2000_0400).Prepend((byte)1).ToArray());

        Assert.Equal("03 12 34 34 12", Hex.Of(await host.ReceiveAsync()));
        Assert.Equal("04 33 33 33 33", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
        Assert.Equal(BoardState.Rom, board.State);
    }

    [Fact]
    public async Task SkipDcdAndDcdWrite_AnswerTheirStatusWords()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;
        // DCD: header D2 00 14 41; write-data 4 bytes: CC 00 0C 04, addr 0x20200100, value 0x11223344.
        var dcd = Hex.Bytes("D2 00 14 41 CC 00 0C 04 20 20 01 00 11 22 33 44 C0 00 04 00");

        await host.SendAsync(Wire.Sdp(0x0A0A, 0x2020_0800, 0, (uint)dcd.Length).Prepend((byte)1).ToArray());
        await host.SendAsync([2, .. dcd]);
        await host.ReceiveAsync();
        Assert.Equal("04 12 8A 8A 12", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
        await host.SendAsync(Wire.Sdp(0x0C0C).Prepend((byte)1).ToArray());
        await host.ReceiveAsync();
        Assert.Equal("04 90 0D D0 09", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));

        Assert.Equal("44 33 22 11", Hex.Of(board.ReadRam(0x2020_0100, 4)));
    }

    [Fact]
    public async Task WriteCsf_StoresTheDataAndAnswersWriteComplete()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;

        await host.SendAsync(Wire.Sdp(0x0606, 0x2020_2000, 0, 4).Prepend((byte)1).ToArray());
        await host.SendAsync([2, 0xD4, 0x00, 0x50, 0x43]);

        Assert.Equal("03 56 78 78 56", Hex.Of(await host.ReceiveAsync()));
        Assert.Equal("04 12 8A 8A 12", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
        Assert.Equal("D4 00 50 43", Hex.Of(board.ReadRam(0x2020_2000, 4)));
    }

    [Fact]
    public async Task WriteFile_OutsideRam_DataTakenButFailureStatus()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Rom);
        await using var _ = rig;

        await host.SendAsync(Wire.Sdp(0x0404, 0x6000_0000, 0, 16).Prepend((byte)1).ToArray());
        await host.SendAsync(new byte[17].Select((b, i) => i == 0 ? (byte)2 : b).ToArray());

        await host.ReceiveAsync();
        Assert.Equal("04 33 33 33 33", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
    }
}
