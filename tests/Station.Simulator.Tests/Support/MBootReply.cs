namespace Station.Simulator.Tests.Support;

/// <summary>A response packet as the test reads it back.</summary>
internal sealed record MBootReply(byte Tag, byte Flags, uint[] Parameters)
{
    public static MBootReply Parse(ReadOnlySpan<byte> packet)
    {
        Assert.True(packet.Length >= 4, $"packet too short: {Hex.Of(packet)}");
        int count = packet[3];
        Assert.Equal(4 + (4 * count), packet.Length);
        var parameters = new uint[count];
        for (var i = 0; i < count; i++)
        {
            parameters[i] = Wire.U32(packet, 4 + (4 * i));
        }

        return new MBootReply(packet[0], packet[1], parameters);
    }

    public uint Status => Parameters[0];
}
