namespace Station.Benchmarks.Sinks;

/// <summary>CRC-16/XMODEM (poly 0x1021, init 0), for the sink's precomputed frames (PROTOCOLS.md 2.2).</summary>
internal static class Crc16Xmodem
{
    public static ushort Compute(ReadOnlySpan<byte> data, ushort crc = 0)
    {
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }
}
