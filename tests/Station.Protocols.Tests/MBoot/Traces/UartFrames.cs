namespace Station.Protocols.Tests.MBoot.Traces;

/// <summary>
/// Builds expected UART frames for traces, with a bit-by-bit CRC-16/XMODEM written here from the
/// spec's definition (PROTOCOLS.md 2.2), independent of the production table-driven one.
/// </summary>
internal static class UartFrames
{
    public const string Ack = "5A A1";
    public const string Nak = "5A A2";
    public const string AckAbort = "5A A3";
    public const string Ping = "5A A6";
    public const string PingResponse = "5A A7 00 02 01 50 00 00 AA EA";

    public static string Command(string payloadHex) => Frame(0xA4, Hex.Bytes(payloadHex));

    public static string Data(byte[] payload) => Frame(0xA5, payload);

    public static ushort Crc(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var value in data)
        {
            crc ^= (ushort)(value << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }

    private static string Frame(byte type, byte[] payload)
    {
        byte[] header = [0x5A, type, (byte)payload.Length, (byte)(payload.Length >> 8)];
        var crc = Crc([.. header, .. payload]);
        return Hex.Of([.. header, (byte)crc, (byte)(crc >> 8), .. payload]);
    }
}
