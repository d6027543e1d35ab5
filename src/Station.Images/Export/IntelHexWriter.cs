using System.Text;

namespace Station.Images.Export;

/// <summary>
/// Writes Intel HEX: 16 data bytes per type 00 record, a type 04 record whenever the upper 16
/// address bits change (records never cross a 64 KiB boundary), a type 05 record when the image has
/// an entry point, and the :00000001FF end record. CRLF line ends, the classic convention every
/// programmer accepts.
/// </summary>
public static class IntelHexWriter
{
    private const int BytesPerRecord = 16;

    /// <summary>The HEX text of <paramref name="image"/>, as ASCII bytes.</summary>
    public static byte[] Write(FirmwareImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var text = new StringBuilder();
        uint? upper = null;
        foreach (var segment in image.Segments)
        {
            var data = segment.Data.Span;
            var offset = 0;
            while (offset < data.Length)
            {
                var address = segment.Address + (uint)offset;
                if (upper != address >> 16)
                {
                    upper = address >> 16;
                    AppendRecord(text, 0, 0x04, [(byte)(upper >> 8), (byte)upper]);
                }

                // Stop at the record size and at the next 64 KiB boundary.
                var untilBoundary = 0x10000 - (int)(address & 0xFFFF);
                var count = Math.Min(Math.Min(BytesPerRecord, data.Length - offset), untilBoundary);
                AppendRecord(text, (ushort)address, 0x00, data.Slice(offset, count));
                offset += count;
            }
        }

        if (image.EntryPoint is { } entry)
        {
            AppendRecord(text, 0, 0x05, [(byte)(entry >> 24), (byte)(entry >> 16), (byte)(entry >> 8), (byte)entry]);
        }

        AppendRecord(text, 0, 0x01, []);
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void AppendRecord(StringBuilder text, ushort address, byte type, ReadOnlySpan<byte> data)
    {
        var sum = (byte)(data.Length + (address >> 8) + (address & 0xFF) + type);
        text.Append(':').Append(data.Length.ToString("X2", null)).Append(address.ToString("X4", null)).Append(type.ToString("X2", null));
        foreach (var b in data)
        {
            text.Append(b.ToString("X2", null));
            sum += b;
        }

        text.Append(((byte)-sum).ToString("X2", null)).Append("\r\n");
    }
}
