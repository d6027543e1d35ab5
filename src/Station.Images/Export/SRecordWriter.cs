using System.Text;

namespace Station.Images.Export;

/// <summary>
/// Writes Motorola S-records: an S0 header, S3 data records (32-bit addresses, 16 bytes each), an
/// S5 or S6 record count, and an S7 termination holding the entry point (0 when there is none).
/// CRLF line ends.
/// </summary>
public static class SRecordWriter
{
    private const int BytesPerRecord = 16;

    /// <summary>The S-record text of <paramref name="image"/>, as ASCII bytes; <paramref name="header"/> goes into S0.</summary>
    public static byte[] Write(FirmwareImage image, string header = "station")
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(header);
        var text = new StringBuilder();
        AppendRecord(text, '0', 0, 2, Encoding.ASCII.GetBytes(header));
        var count = 0;
        foreach (var segment in image.Segments)
        {
            var data = segment.Data.Span;
            for (var offset = 0; offset < data.Length; offset += BytesPerRecord)
            {
                AppendRecord(text, '3', segment.Address + (uint)offset, 4, data.Slice(offset, Math.Min(BytesPerRecord, data.Length - offset)));
                count++;
            }
        }

        if (count <= 0xFFFF)
        {
            AppendRecord(text, '5', (uint)count, 2, []);
        }
        else if (count <= 0xFFFFFF)
        {
            AppendRecord(text, '6', (uint)count, 3, []);
        }

        AppendRecord(text, '7', image.EntryPoint ?? 0, 4, []);
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void AppendRecord(StringBuilder text, char type, uint address, int addressLength, ReadOnlySpan<byte> data)
    {
        // Count covers address + data + checksum.
        var count = addressLength + data.Length + 1;
        var sum = (byte)count;
        text.Append('S').Append(type).Append(count.ToString("X2", null));
        for (var i = addressLength - 1; i >= 0; i--)
        {
            var b = (byte)(address >> (8 * i));
            text.Append(b.ToString("X2", null));
            sum += b;
        }

        foreach (var b in data)
        {
            text.Append(b.ToString("X2", null));
            sum += b;
        }

        text.Append(((byte)~sum).ToString("X2", null)).Append("\r\n");
    }
}
