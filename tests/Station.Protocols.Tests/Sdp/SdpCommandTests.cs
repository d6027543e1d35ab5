
namespace Station.Protocols.Sdp.Tests;

public sealed class SdpCommandTests
{
    // PROTOCOLS.md 7.2: bytes captured from SPSDK against a pty simulator.
    [Theory]
    [InlineData(SdpCommandType.WriteFile, 0x20000000u, (byte)0, 0x800u, 0u, "04 04 20 00 00 00 00 00 00 08 00 00 00 00 00 00")]
    [InlineData(SdpCommandType.ReadRegister, 0x401F4000u, (byte)0x20, 4u, 0u, "01 01 40 1F 40 00 20 00 00 00 04 00 00 00 00 00")]
    [InlineData(SdpCommandType.JumpAddress, 0x20000400u, (byte)0, 0u, 0u, "0B 0B 20 00 04 00 00 00 00 00 00 00 00 00 00 00")]
    [InlineData(SdpCommandType.ErrorStatus, 0u, (byte)0, 0u, 0u, "05 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00")]
    [InlineData(SdpCommandType.WriteRegister, 0x400FC068u, (byte)0x20, 4u, 0xFFFFFFFFu, "02 02 40 0F C0 68 20 00 00 00 04 FF FF FF FF 00")]
    public void Encode_SpecExample_MatchesGoldenBytes(SdpCommandType type, uint address, byte format, uint count, uint data, string expected)
    {
        var command = new byte[SdpCommand.Length];

        SdpCommand.Encode(command, type, address, format, count, data);

        Assert.Equal(Convert.FromHexString(expected.Replace(" ", string.Empty, StringComparison.Ordinal)), command);
    }
}
