using Station.Protocols.MBoot;
using Station.Protocols.Tests.MBoot.Traces;

namespace Station.Protocols.Tests.MBoot;

public sealed class MBootCommandTests
{
    public static TheoryData<MBootCommandTag, bool, uint[], string> SpecCommands => new()
    {
        // PROTOCOLS.md 1.3 / 6.1: write-memory 0x70001000, 0x1000 bytes, memId 0 (what SPSDK puts on the wire for id 9).
        { MBootCommandTag.WriteMemory, true, [0x70001000, 0x1000, 0], "04 01 00 03 00 10 00 70 00 10 00 00 00 00 00 00" },
        // PROTOCOLS.md 2.2 worked examples (payloads).
        { MBootCommandTag.FlashEraseRegion, false, [0, 1024], "02 00 00 02 00 00 00 00 00 04 00 00" },
        { MBootCommandTag.GetProperty, false, [1, 0], "07 00 00 02 01 00 00 00 00 00 00 00" },
        // PROTOCOLS.md 5: get-property tag, index.
        { MBootCommandTag.GetProperty, false, [0x19, 9], "07 00 00 02 19 00 00 00 09 00 00 00" },
        // PROTOCOLS.md 1.3: read-memory has no flags.
        { MBootCommandTag.ReadMemory, false, [0x70000000, 0x200, 0], "03 00 00 03 00 00 00 70 00 02 00 00 00 00 00 00" },
        // PROTOCOLS.md 3.2: configure-memory memoryId first, then the address.
        { MBootCommandTag.ConfigureMemory, false, [9, 0x2000], "11 00 00 02 09 00 00 00 00 20 00 00" },
        { MBootCommandTag.Reset, false, [], "0B 00 00 00" },
    };

    [Theory]
    [MemberData(nameof(SpecCommands))]
    public void Encode_SpecExample_MatchesGoldenBytes(MBootCommandTag tag, bool hasDataPhase, uint[] parameters, string expected)
    {
        var command = new MBootCommand(tag, hasDataPhase, parameters);

        Assert.Equal(expected, Hex.Of(command.ToArray()));
        Assert.Equal(command.EncodedLength, Hex.Bytes(expected).Length);
    }

    [Fact]
    public void Encode_IntoLargerBuffer_WritesOnlyThePacketWithoutPadding()
    {
        var buffer = Enumerable.Repeat((byte)0xEE, 32).ToArray();

        var length = new MBootCommand(MBootCommandTag.FillMemory, false, [0x2000, 4, 0xC0000007]).Encode(buffer);

        Assert.Equal(16, length);
        Assert.Equal("05 00 00 03 00 20 00 00 04 00 00 00 07 00 00 C0", Hex.Of(buffer.AsSpan(0, length)));
        Assert.All(buffer[length..], value => Assert.Equal(0xEE, value));
    }

    [Fact]
    public void Constructor_EightParameters_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MBootCommand(MBootCommandTag.Execute, false, new uint[8]));
    }

    [Fact]
    public void Encode_BufferTooSmall_Throws()
    {
        var command = new MBootCommand(MBootCommandTag.GetProperty, false, [1, 0]);

        Assert.Throws<ArgumentException>(() => command.Encode(new byte[11]));
    }
}
