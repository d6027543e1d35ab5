using System.Buffers.Binary;

namespace Station.Protocols;

/// <summary>
/// CRC-16/XMODEM: polynomial 0x1021, initial value 0, no reflection, no final XOR; check value
/// ("123456789") 0x31C3. MBoot's UART framing uses it (PROTOCOLS.md 2.2; MCUBOOT
/// <c>src/crc/src/crc16.c</c>).
/// </summary>
/// <remarks>
/// Every byte of a UART write-memory goes through it, so it is the framing's hot path (measured:
/// about two thirds of the UART framing's CPU with one table lookup per byte). It processes eight
/// bytes per step ("slicing-by-8"): table k holds the CRC of a byte followed by k zero bytes, and
/// since the CRC is linear, the running 16-bit state is folded into the first two bytes of each
/// step (MSB first, as the polynomial division runs).
/// </remarks>
internal static class Crc16
{
    private const int Slices = 8;

    private static readonly ushort[] Tables = BuildTables();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ushort ComputeXmodem(ReadOnlySpan<byte> data) => UpdateXmodem(0, data);

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/> (for data in pieces).</summary>
    public static ushort UpdateXmodem(ushort crc, ReadOnlySpan<byte> data)
    {
        var tables = Tables.AsSpan();
        while (data.Length >= Slices)
        {
            // The state meets the first two bytes; the other six enter unchanged.
            var word = BinaryPrimitives.ReadUInt64BigEndian(data) ^ ((ulong)crc << 48);
            crc = (ushort)(tables[(7 * 256) + (byte)(word >> 56)]
                         ^ tables[(6 * 256) + (byte)(word >> 48)]
                         ^ tables[(5 * 256) + (byte)(word >> 40)]
                         ^ tables[(4 * 256) + (byte)(word >> 32)]
                         ^ tables[(3 * 256) + (byte)(word >> 24)]
                         ^ tables[(2 * 256) + (byte)(word >> 16)]
                         ^ tables[(1 * 256) + (byte)(word >> 8)]
                         ^ tables[(byte)word]);
            data = data[Slices..];
        }

        foreach (var value in data)
        {
            crc = (ushort)((crc << 8) ^ tables[(byte)(crc >> 8) ^ value]);
        }

        return crc;
    }

    private static ushort[] BuildTables()
    {
        var tables = new ushort[Slices * 256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }

            tables[i] = crc;
        }

        // Table k: the CRC of byte i followed by k zero bytes.
        for (var k = 1; k < Slices; k++)
        {
            for (var i = 0; i < 256; i++)
            {
                var previous = tables[((k - 1) * 256) + i];
                tables[(k * 256) + i] = (ushort)((previous << 8) ^ tables[previous >> 8]);
            }
        }

        return tables;
    }
}
