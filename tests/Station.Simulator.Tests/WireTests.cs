using Station.Simulator.MBoot;
using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests;

/// <summary>The test-side CRC and the simulator's both match the spec's check value and worked frames (PROTOCOLS 2.2).</summary>
public sealed class WireTests
{
    public static TheoryData<string> WorkedFrames => new()
    {
        "5A A4 0C 00 F9 A6 | 02 00 00 02 00 00 00 00 00 04 00 00",
        "5A A4 0C 00 BA 55 | A0 00 00 02 00 00 00 00 02 00 00 00",
        "5A A4 0C 00 4B 33 | 07 00 00 02 01 00 00 00 00 00 00 00",
        "5A A4 0C 00 64 18 | A7 00 00 02 00 00 00 00 00 01 02 4B",
        "5A A4 10 00 64 60 | 04 01 00 03 00 10 00 70 00 10 00 00 00 00 00 00",
    };

    [Fact]
    public void Crc16_CheckString_Is0x31C3()
    {
        Assert.Equal(0x31C3, Wire.Crc16("123456789"u8));
        Assert.Equal(0x31C3, Crc16Xmodem.Compute("123456789"u8));
    }

    [Theory]
    [MemberData(nameof(WorkedFrames))]
    public void Frame_SpecWorkedExample_IsReproducedByBothEncoders(string hex)
    {
        var expected = Hex.Bytes(hex);
        var payload = expected.AsSpan(6);

        Assert.Equal(Hex.Of(expected), Hex.Of(Wire.Frame(0xA4, payload)));
        Assert.Equal(Hex.Of(expected), Hex.Of(MBootUartLink.EncodeFrame(0xA4, payload)));
    }

    [Fact]
    public void PingResponse_IsTheSpecBytes()
    {
        Assert.Equal("5A A7 00 02 01 50 00 00 AA EA", Hex.Of(MBootUartLink.PingResponseFrame));
    }
}
