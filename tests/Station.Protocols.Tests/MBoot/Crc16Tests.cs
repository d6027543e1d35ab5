using System.Text;
using Station.Protocols.Tests.MBoot.Traces;

namespace Station.Protocols.Tests.MBoot;

public sealed class Crc16Tests
{
    [Fact]
    public void ComputeXmodem_CheckString_Is0x31C3()
    {
        Assert.Equal(0x31C3, Crc16.ComputeXmodem(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void ComputeXmodem_Empty_IsInitialValueZero()
    {
        Assert.Equal(0, Crc16.ComputeXmodem([]));
    }

    [Fact]
    public void UpdateXmodem_InPieces_EqualsWhole()
    {
        var data = Encoding.ASCII.GetBytes("123456789");

        var pieces = Crc16.UpdateXmodem(Crc16.ComputeXmodem(data.AsSpan(0, 4)), data.AsSpan(4));

        Assert.Equal(0x31C3, pieces);
    }

    [Fact]
    public void ComputeXmodem_PingResponseHeader_Is0xEAAA()
    {
        // PROTOCOLS.md 2.3: CRC over 5A A7 00 02 01 50 00 00.
        Assert.Equal(0xEAAA, Crc16.ComputeXmodem([0x5A, 0xA7, 0x00, 0x02, 0x01, 0x50, 0x00, 0x00]));
    }

    [Fact]
    public void ComputeXmodem_EveryLengthAndOffset_MatchesBitwiseDefinition()
    {
        // The production CRC works eight bytes at a time; the test helper is the plain bit-by-bit definition.
        var random = new Random(20106);
        var data = new byte[300];
        random.NextBytes(data);

        for (var offset = 0; offset < 9; offset++)
        {
            for (var length = 0; length + offset <= data.Length; length += 1 + (length / 16))
            {
                var slice = data.AsSpan(offset, length);
                Assert.Equal(UartFrames.Crc(slice), Crc16.ComputeXmodem(slice));
            }
        }
    }
}
