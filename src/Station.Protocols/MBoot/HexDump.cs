namespace Station.Protocols.MBoot;

/// <summary>Space-separated upper-case hex for the trace log (<c>5A A4 0C 00</c>), as spsdk prints packets.</summary>
internal static class HexDump
{
    public static string Format(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        // Two digits per byte plus one separator between bytes.
        return string.Create((3 * bytes.Length) - 1, bytes.ToArray(), static (destination, source) =>
        {
            const string Digits = "0123456789ABCDEF";
            for (var i = 0; i < source.Length; i++)
            {
                var offset = 3 * i;
                if (i > 0)
                {
                    destination[offset - 1] = ' ';
                }

                destination[offset] = Digits[source[i] >> 4];
                destination[offset + 1] = Digits[source[i] & 0xF];
            }
        });
    }
}
