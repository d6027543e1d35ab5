using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.Sdp;

/// <summary>SDP over UART: raw 16-byte commands, raw 4-byte replies, raw data (PROTOCOLS 7.3).</summary>
public sealed class RomUartTests
{
    private static readonly SimulatedBoardOptions Options = new() { Name = "rom-uart" };

    [Fact]
    public async Task ErrorStatus_RawHabThenRawStatus()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options, startInRom: true);

        await rig.Host.SendAsync(Hex.Bytes("05 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00"));

        Assert.Equal("56 78 78 56 F0 F0 F0 F0", Hex.Of(await rig.Host.ReadExactAsync(8)));
    }

    [Fact]
    public async Task WriteFileAndJump_FlashloaderTakesOverTheSameLink()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1060, Options, startInRom: true);
        var image = SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin");

        await rig.Host.SendAsync(Wire.Sdp(0x0404, 0x2000_0000, 0, (uint)image.Length));
        await rig.Host.SendAsync(image);
        Assert.Equal("56 78 78 56 88 88 88 88", Hex.Of(await rig.Host.ReadExactAsync(8)));
        Assert.Equal(image, rig.Board.ReadRam(0x2000_0000, image.Length));
        await rig.Host.SendAsync(Hex.Bytes("0B 0B 20 00 04 00 00 00 00 00 00 00 00 00 00 00"));
        Assert.Equal("56 78 78 56", Hex.Of(await rig.Host.ReadExactAsync(4)));

        await rig.Host.SendAsync(Hex.Bytes("5A A6"));
        Assert.Equal("5A A7 00 02 01 50 00 00 AA EA", Hex.Of(await rig.Host.ReadExactAsync(10)));
        Assert.Equal(new uint[] { 0, 512 }, (await rig.Host.TransactAsync(0x07, 0x0B, 0)).Parameters);
    }

    [Fact]
    public async Task SetBaudRate_OverUart_Acknowledged()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options, startInRom: true);

        await rig.Host.SendAsync(Wire.Sdp(0x0D0D, 115200));

        Assert.Equal("56 78 78 56 09 D0 0D 90", Hex.Of(await rig.Host.ReadExactAsync(8)));
    }
}
