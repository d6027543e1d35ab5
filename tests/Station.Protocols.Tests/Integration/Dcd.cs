using System.Buffers.Binary;

namespace Station.Protocols.Tests.Integration;

/// <summary>Builds HAB4 DCD blocks: header D2 len(BE) 41, then Write Data commands (CC len(BE) 04, address/value pairs BE).</summary>
internal static class Dcd
{
    public static byte[] WriteWords(params (uint Address, uint Value)[] writes)
    {
        const int HeaderLength = 4;                        // tag, length (u16 BE), version
        var commandLength = 4 + (8 * writes.Length);       // tag, length (u16 BE), parameter; then pairs
        var dcd = new byte[HeaderLength + commandLength];
        dcd[0] = 0xD2;
        BinaryPrimitives.WriteUInt16BigEndian(dcd.AsSpan(1), (ushort)dcd.Length);
        dcd[3] = 0x41;
        dcd[4] = 0xCC;
        BinaryPrimitives.WriteUInt16BigEndian(dcd.AsSpan(5), (ushort)commandLength);
        dcd[7] = 0x04; // 32-bit writes, no mask
        for (var i = 0; i < writes.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(dcd.AsSpan(8 + (8 * i)), writes[i].Address);
            BinaryPrimitives.WriteUInt32BigEndian(dcd.AsSpan(12 + (8 * i)), writes[i].Value);
        }

        return dcd;
    }
}
