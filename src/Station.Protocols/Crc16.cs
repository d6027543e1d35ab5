namespace Station.Protocols;

/// <summary>
/// CRC-16/XMODEM: polynomial 0x1021, initial value 0, no reflection, no final XOR; check value
/// ("123456789") 0x31C3. MBoot's UART framing uses it (PROTOCOLS.md 2.2; MCUBOOT
/// <c>src/crc/src/crc16.c</c>). Table driven, one lookup per byte: the UART data phase runs every
/// byte through it.
/// </summary>
internal static class Crc16
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ushort ComputeXmodem(ReadOnlySpan<byte> data) => UpdateXmodem(0, data);

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/> (for data in pieces).</summary>
    public static ushort UpdateXmodem(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var value in data)
        {
            crc = (ushort)((crc << 8) ^ table[(byte)(crc >> 8) ^ value]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < table.Length; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
