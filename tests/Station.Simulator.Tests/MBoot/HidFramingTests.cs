using Station.Protocols.Transport;
using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.MBoot;

/// <summary>The flashloader over USB HID, driven with raw reports (PROTOCOLS 1).</summary>
public sealed class HidFramingTests
{
    private static readonly SimulatedBoardOptions Flashloader = new() { Name = "hid-board", StartInFlashloader = true };

    [Fact]
    public async Task GetPropertyCurrentVersion_ReplyIsAFullSizeReport3WithK210()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;

        await host.SendAsync(Hex.Bytes("01 00 0C 00 07 00 00 02 01 00 00 00 00 00 00 00"));
        var report = await host.ReceiveAsync();

        Assert.Equal(1016, report.Length);
        Assert.Equal("03 00 0C 00 A7 00 00 02 00 00 00 00 00 01 02 4B", Hex.Of(report.AsSpan(0, 16)));
        Assert.All(report[16..], b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task GetProperty_PaddedFullLengthCommandReport_IsAccepted()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;
        var report = new byte[1016];
        Hex.Bytes("01 00 0C 00 07 00 00 02 0B 00 00 00 00 00 00 00").CopyTo(report, 0);

        await host.SendAsync(report);

        Assert.Equal(new uint[] { 0u, 1012u }, (await host.ReplyAsync()).Parameters);
    }

    [Theory]
    [InlineData(0x30u)]
    [InlineData(0x03u)]
    public async Task GetProperty_UnknownTag_10300WithNoValues(uint tag)
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;

        await host.CommandAsync(0x07, tag, 0);

        Assert.Equal(Hex.Of(Wire.Packet(0xA7, 0, 10300)), Hex.Of(await host.PayloadAsync(3)));
    }

    [Theory]
    [InlineData(0x08)] // receive-sb-file: not modelled by the simulator
    [InlineData(0x10)] // flash-read-resource: not in the RT10xx flashloader
    [InlineData(0x06)]
    [InlineData(0x14)]
    [InlineData(0x42)]
    public async Task UnknownOrUnsupportedCommand_Answers10000WithItsTag(byte tag)
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;

        Assert.Equal(10000u, await host.StatusOfAsync(tag, 0, 0));
    }

    [Fact]
    public async Task DataReportsWhileIdle_AreDiscarded()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;

        await host.DataAsync(new byte[1012]);
        await host.DataAsync(new byte[100]);
        await host.SendAsync(Hex.Bytes("01 00 00 00"));

        Assert.Equal(0u, await host.StatusOfAsync(0x05, 0x2000, 4, 0xC000_0007));
    }

    [Fact]
    public async Task WriteMemory_DeviceAbort_ZeroLengthReport3ThenGenericWithErrorThenLeftoverDataDiscarded()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;

        await host.CommandAsync(0x04, 0x7000_1000, 3000, 9);
        Assert.Equal(Hex.Of(Wire.Packet(0xA0, 0, 0, 0x04)), Hex.Of(await host.PayloadAsync(3)));
        for (var i = 0; i < 3; i++)
        {
            await host.DataAsync(new byte[1000]); // SPSDK sends every chunk before reading (PROTOCOLS 1.4)
        }

        var abort = await host.ReceiveAsync();
        Assert.Equal(1016, abort.Length);
        Assert.Equal("03 00 00 00", Hex.Of(abort.AsSpan(0, 4)));
        Assert.Equal(Hex.Of(Wire.Packet(0xA0, 0, 10205, 0x04)), Hex.Of(await host.PayloadAsync(3)));
        Assert.Equal(0x4B02_0100u, (await ReplyOfGetPropertyAsync(host)).Parameters[1]);
    }

    [Fact]
    public async Task WriteMemory_HostSendsZeroLengthReport2_Final10002WithoutAbortReport()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;
        await host.CommandAsync(0x04, 0x1000, 2000, 0);
        await host.ReplyAsync();

        await host.DataAsync(new byte[1000]);
        await host.SendAsync(Hex.Bytes("02 00 00 00"));

        Assert.Equal(Hex.Of(Wire.Packet(0xA0, 0, 10002, 0x04)), Hex.Of(await host.PayloadAsync(3)));
    }

    [Fact]
    public async Task WriteMemory_CommandReportInsteadOfData_AbortThenFail()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;
        await host.CommandAsync(0x04, 0x1000, 2000, 0);
        await host.ReplyAsync();

        await host.SendAsync(Hex.Bytes("01 00 00 00")); // BLFWK's host abort

        Assert.Empty(await host.PayloadAsync(3));
        Assert.Equal(Hex.Of(Wire.Packet(0xA0, 0, 1, 0x04)), Hex.Of(await host.PayloadAsync(3)));
    }

    [Fact]
    public async Task WriteMemory_ZeroBytes_InitialAndFinalResponse()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;

        await host.CommandAsync(0x04, 0x1000, 0, 0);

        Assert.Equal(0u, (await host.ReplyAsync()).Status);
        Assert.Equal(Hex.Of(Wire.Packet(0xA0, 0, 0, 0x04)), Hex.Of(await host.PayloadAsync(3)));
    }

    [Fact]
    public async Task ReadMemory_2000Bytes_ResponseThenFullSizeDataReportsOf1012AndRestThenGeneric()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;
        var pattern = Enumerable.Range(0, 2000).Select(i => (byte)(i % 251)).ToArray();
        Assert.Equal(0u, await host.WriteMemoryAsync(0x2020_0000, pattern));

        await host.CommandAsync(0x03, 0x2020_0000, 2000, 0);

        Assert.Equal(Hex.Of(Wire.Packet(0xA3, 1, 0, 2000)), Hex.Of(await host.PayloadAsync(3)));
        var first = await host.PayloadAsync(4);
        var second = await host.PayloadAsync(4);
        Assert.Equal(1012, first.Length);
        Assert.Equal(988, second.Length);
        Assert.Equal(pattern, first.Concat(second).ToArray());
        Assert.Equal(Hex.Of(Wire.Packet(0xA0, 0, 0, 0x03)), Hex.Of(await host.PayloadAsync(3)));
        Assert.Equal(pattern, board.ReadRam(0x2020_0000, 2000));
    }

    [Fact]
    public async Task ReadMemory_BeyondRam_ZeroLengthReport4ThenGenericWith10200()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;

        await host.CommandAsync(0x03, 0x2030_0000 - 16, 64, 0);

        Assert.Equal(Hex.Of(Wire.Packet(0xA3, 1, 0, 64)), Hex.Of(await host.PayloadAsync(3)));
        Assert.Empty(await host.PayloadAsync(4));
        Assert.Equal(Hex.Of(Wire.Packet(0xA0, 0, 10200, 0x03)), Hex.Of(await host.PayloadAsync(3)));
    }

    [Fact]
    public async Task Properties_RamRegionsReservedRegionAndSecurity_MatchTheFamily()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Flashloader);
        await using var _ = rig;

        Assert.Equal(new uint[] { 0u, 0x2020_0000u }, await ValuesAsync(host, 0x0E, 2));
        Assert.Equal(new uint[] { 0u, 0x10_0000u }, await ValuesAsync(host, 0x0F, 2));
        Assert.Equal(new uint[] { 0u, 0u, 0u, 0x2000_0000u, 0x2001_61A0u }, await ValuesAsync(host, 0x0C, 0));
        Assert.Equal(new uint[] { 0u, 0u }, await ValuesAsync(host, 0x11, 0));
        Assert.Equal(new uint[] { 0u, 1u }, await ValuesAsync(host, 0x0A, 0));
        Assert.Equal(new uint[] { 0u, 0x11u }, await ValuesAsync(host, 0x02, 0));
        Assert.Equal(new uint[] { 0u, 0x16F5Fu }, await ValuesAsync(host, 0x07, 0));
        Assert.Equal(new uint[] { 4u }, await ValuesAsync(host, 0x0E, 3));
    }

    [Fact]
    public async Task UniqueDeviceId_IsOcotpCfg0AndCfg1()
    {
        var options = Flashloader with { UniqueId = 0x1122_3344_5566_7788 };
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, options);
        await using var _ = rig;

        Assert.Equal(new uint[] { 0u, 0x5566_7788u, 0x1122_3344u }, await ValuesAsync(host, 0x12, 0));
        Assert.Equal(0x5566_7788u, board.ReadFuse(1));
        Assert.Equal(0x1122_3344u, board.ReadFuse(2));
    }

    [Theory]
    [InlineData(0x0Au, 1u, 10301u)]
    [InlineData(0x01u, 0u, 10301u)]
    [InlineData(0x33u, 0u, 10300u)]
    public async Task SetProperty_KnownIsReadOnlyUnknownIsUnknown(uint tag, uint value, uint expected)
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;

        Assert.Equal(expected, await host.StatusOfAsync(0x0C, tag, value));
    }

    [Fact]
    public async Task ExecuteAndCall_ValidateAddresses()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader);
        await using var _ = rig;

        Assert.Equal(4u, await host.StatusOfAsync(0x0A, 0x1000_0000, 0));
        Assert.Equal(0u, await host.StatusOfAsync(0x0A, 0x2020_0001, 0));
        Assert.Equal(4u, await host.StatusOfAsync(0x09, 0x2020_0001, 0, 0x1000_0000));
        Assert.Equal(0u, await host.StatusOfAsync(0x09, 0x2020_0001, 0, 0x2021_0000));
        var removed = await rig.NextAsync(HidDeviceChangeKind.Removed);
        Assert.Equal(0x15A2, removed.VendorId);
        Assert.Equal(BoardState.Application, board.State);
        Assert.Empty(rig.Bus.GetDevices());
    }

    private static async Task<MBootReply> ReplyOfGetPropertyAsync(RawHid host)
    {
        await host.CommandAsync(0x07, 1, 0);
        return await host.ReplyAsync();
    }

    private static async Task<uint[]> ValuesAsync(RawHid host, uint tag, uint index)
    {
        await host.CommandAsync(0x07, tag, index);
        var reply = await host.ReplyAsync();
        Assert.Equal(0xA7, reply.Tag);
        return reply.Parameters;
    }
}
