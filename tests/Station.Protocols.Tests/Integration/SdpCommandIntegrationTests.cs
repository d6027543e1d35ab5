using System.Buffers.Binary;
using System.Runtime.Versioning;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;
using Station.Simulator;
using Station.Testing;

namespace Station.Protocols.Tests.Integration;

/// <summary>
/// Every SDP client command against the simulated boot ROM, over USB HID (reports 1-4) and over
/// UART (raw bytes) through a real pseudo-terminal.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SdpCommandIntegrationTests
{
    private const uint Register = 0x400F_C06C;

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task ErrorStatus_FreshRom_HabOpenAndSuccess(Link link)
    {
        await using var bench = await BoardBench.RomAsync(link);
        var client = await bench.OpenSdpAsync();

        var response = await client.ErrorStatusAsync(TestTimeouts.Unexpected);

        Assert.Equal(new SdpResponse(HabMode.Open, SdpResponseValue.HabSuccess), response);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task WriteFile_ThenReadRegister_TheBytesAreInRam(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.RomAsync(link);
        var client = await bench.OpenSdpAsync();
        var data = Rt1064.Pattern(3000);

        var written = await client.WriteFileAsync(Rt1064.Ocram, data, token);
        var back = await client.ReadRegisterAsync(Rt1064.Ocram, 200, SdpAccessWidth.Bits32, token);

        Assert.Equal(new SdpResponse(HabMode.Open, SdpResponseValue.WriteFileComplete), written);
        Assert.Equal(data.AsSpan(0, 200).ToArray(), back);
        Assert.Equal(data, bench.Board.ReadRam(Rt1064.Ocram, data.Length));
    }

    [Fact]
    public async Task WriteFile_SlowUartLongerThanTheWriteTimeout_EachChunkIsTimedNotTheWholeFile()
    {
        // 128 KiB at 500,000 baud take about 2.6 s on the modelled wire, well over the 1.5 s write
        // timeout, so one write for the whole file times out. A 1 KiB chunk waits at most for the
        // simulated ROM's next 4 KiB read (82 ms), which leaves more than a second for a loaded CI
        // machine's scheduling delays (a 500 ms timeout with a 100 ms read step was not enough).
        var token = TestTimeouts.Unexpected;
        var timing = SimulatorTiming.Realistic with { UartBaudRate = 500_000 };
        await using var bench = await BoardBench.RomAsync(Link.Uart, new SimulatedBoardOptions { Timing = timing });
        var client = await bench.OpenSdpAsync(new SdpClientOptions { WriteTimeout = TimeSpan.FromMilliseconds(1500), ResponseTimeout = TimeSpan.FromSeconds(5) });
        var data = Rt1064.Pattern(128 * 1024);

        var written = await client.WriteFileAsync(Rt1064.Ocram, data, token);

        Assert.Equal(new SdpResponse(HabMode.Open, SdpResponseValue.WriteFileComplete), written);
        Assert.Equal(data, bench.Board.ReadRam(Rt1064.Ocram, data.Length));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task ReadRegister_FuseShadow_IsTheUniqueIdWord(Link link)
    {
        await using var bench = await BoardBench.RomAsync(link);
        var client = await bench.OpenSdpAsync();
        var shadow = bench.Board.Family.OcotpBase + 0x400 + (0x10 * 1);

        var bytes = await client.ReadRegisterAsync(shadow, 4, SdpAccessWidth.Bits32, TestTimeouts.Unexpected);

        Assert.Equal((uint)bench.Board.UniqueId, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task WriteRegister_32And8Bits_ReadBack(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.RomAsync(link);
        var client = await bench.OpenSdpAsync();

        var wide = await client.WriteRegisterAsync(Register, 0xC0FF_EE00, SdpAccessWidth.Bits32, token);
        var narrow = await client.WriteRegisterAsync(Register, 0x42, SdpAccessWidth.Bits8, token);

        Assert.Equal(SdpResponseValue.WriteComplete, wide.Status);
        Assert.Equal(SdpResponseValue.WriteComplete, narrow.Status);
        var value = await client.ReadRegisterAsync(Register, 4, SdpAccessWidth.Bits32, token);
        Assert.Equal(0xC0FF_EE42u, BinaryPrimitives.ReadUInt32LittleEndian(value));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task DcdWrite_TheRomRunsItAndABadBlockIsAHabFailure(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.RomAsync(link);
        var client = await bench.OpenSdpAsync();

        var ran = await client.WriteDcdAsync(Rt1064.Ocram, Dcd.WriteWords((Register, 0x1122_3344), (Register + 4, 0x5566_7788)), token);

        Assert.Equal(SdpResponseValue.WriteComplete, ran.Status);
        var words = await client.ReadRegisterAsync(Register, 8, SdpAccessWidth.Bits32, token);
        Assert.Equal(0x1122_3344u, BinaryPrimitives.ReadUInt32LittleEndian(words));
        Assert.Equal(0x5566_7788u, BinaryPrimitives.ReadUInt32LittleEndian(words.AsSpan(4)));

        var bad = await Assert.ThrowsAsync<SdpCommandException>(() => client.WriteDcdAsync(Rt1064.Ocram, new byte[] { 0xD2, 0x00, 0x08, 0x41, 0xEE, 0x00, 0x04, 0x00 }, token));
        Assert.Equal((SdpCommandType.DcdWrite, SdpResponseValue.HabFailure), (bad.Command, bad.Status));
        Assert.False(bad.IsTransient);
        Assert.Equal(SdpResponseValue.HabFailure, (await client.ErrorStatusAsync(token)).Status);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task SkipDcdHeader_Acknowledged(Link link)
    {
        await using var bench = await BoardBench.RomAsync(link);
        var client = await bench.OpenSdpAsync();

        var response = await client.SkipDcdHeaderAsync(TestTimeouts.Unexpected);

        Assert.Equal(new SdpResponse(HabMode.Open, SdpResponseValue.SkipDcdHeaderOk), response);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task WriteCsf_StoredAndWriteComplete(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.RomAsync(link);
        var client = await bench.OpenSdpAsync();
        var csf = Rt1064.Pattern(0x600, seed: 9);

        var response = await client.WriteCsfAsync(Rt1064.Ocram + 0x8000, csf, token);

        Assert.Equal(SdpResponseValue.WriteComplete, response.Status);
        Assert.Equal(csf, bench.Board.ReadRam(Rt1064.Ocram + 0x8000, csf.Length));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task JumpAddress_ToTheLoadedFlashloader_ItComesUpOnTheSameLink(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.RomAsync(link);
        var sdp = await bench.OpenSdpAsync();
        var loader = SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin");
        await sdp.WriteFileAsync(Rt1064.FlashloaderLoad, loader, token);

        var jumped = await sdp.JumpAddressAsync(Rt1064.FlashloaderIvt, token);
        await sdp.DisposeAsync();

        Assert.Equal(HabMode.Open, jumped.HabMode);
        var mboot = await bench.OpenMBootAsync();
        Assert.Equal("K2.1.0", (await mboot.GetCurrentVersionAsync(token))?.ToString());
        var reserved = Assert.Single((await mboot.GetReservedRegionsAsync(token))!);
        Assert.Equal(new MBootMemoryRegion(Rt1064.FlashloaderLoad, Rt1064.FlashloaderLoad + (uint)loader.Length - 1), reserved);
        Assert.Equal(BoardState.Flashloader, bench.Board.State);
        if (link == Link.Usb)
        {
            Assert.Equal(BoardFamily.FlashloaderProductId, bench.LastUsbDevice!.ProductId);
        }
    }
}
