using System.Buffers.Binary;

namespace Station.Images.Formats;

/// <summary>
/// Intel HEX: record types 00 (data), 01 (end of file), 02 (extended segment address), 03 (start
/// segment address), 04 (extended linear address), 05 (start linear address); every record's
/// checksum is checked. Record layout: <c>:LLAAAATT[DD…]CC</c>, with CC the two's complement of the
/// sum of all the other bytes.
/// </summary>
public static class IntelHexReader
{
    private const int HeaderLength = sizeof(byte) // LL: data length
                                   + sizeof(ushort) // AAAA: address, big-endian
                                   + sizeof(byte); // TT: record type

    /// <summary>Reads an Intel HEX file.</summary>
    /// <exception cref="ImageFormatException">Bad syntax, checksum, record, overlap, or no end record.</exception>
    public static FirmwareImage Read(ReadOnlySpan<byte> bytes, string name)
    {
        var segments = new List<ImageSegment>();
        uint upper = 0;
        uint? entry = null;
        var sawEnd = false;
        foreach (var (number, line) in TextLines.Read(bytes, name))
        {
            if (sawEnd)
            {
                throw new ImageFormatException(name, $"line {number}: data after the end-of-file record");
            }

            var record = Decode(line, number, name);
            var length = record[0];
            var offset = BinaryPrimitives.ReadUInt16BigEndian(record.AsSpan(1));
            var type = record[3];
            var data = record.AsSpan(HeaderLength, length);
            switch (type)
            {
                case 0x00:
                    segments.Add(new ImageSegment(checked(upper + offset), data.ToArray()));
                    break;
                case 0x01:
                    sawEnd = true;
                    break;
                case 0x02:
                    RequireLength(data, 2, number, "extended segment address", name);
                    upper = (uint)BinaryPrimitives.ReadUInt16BigEndian(data) << 4;
                    break;
                case 0x03:
                    RequireLength(data, 4, number, "start segment address", name);
                    entry = ((uint)BinaryPrimitives.ReadUInt16BigEndian(data) << 4) + BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
                    break;
                case 0x04:
                    RequireLength(data, 2, number, "extended linear address", name);
                    upper = (uint)BinaryPrimitives.ReadUInt16BigEndian(data) << 16;
                    break;
                case 0x05:
                    RequireLength(data, 4, number, "start linear address", name);
                    entry = BinaryPrimitives.ReadUInt32BigEndian(data);
                    break;
                default:
                    throw new ImageFormatException(name, $"line {number}: unknown record type 0x{type:X2} (Intel HEX has types 00-05)");
            }
        }

        if (!sawEnd)
        {
            throw new ImageFormatException(name, "no end-of-file record (:00000001FF); the file is truncated");
        }

        var image = FirmwareImage.Create(name, FirmwareFormat.IntelHex, segments, entry);
        return image.IsEmpty ? throw new ImageFormatException(name, "the file holds no data records") : image;
    }

    private static byte[] Decode(string line, int number, string name)
    {
        if (line[0] != ':')
        {
            throw new ImageFormatException(name, $"line {number}: a record must start with ':'");
        }

        if (!HexDigits.TryDecode(line.AsSpan(1), out var record))
        {
            throw new ImageFormatException(name, $"line {number}: odd number of hex digits or a non-hex character (truncated or corrupt record)");
        }

        // Smallest record: header + checksum.
        if (record.Length < HeaderLength + 1 || record.Length != HeaderLength + record[0] + 1)
        {
            throw new ImageFormatException(name, $"line {number}: record length does not match its byte count (truncated line?)");
        }

        byte sum = 0;
        foreach (var b in record)
        {
            sum += b;
        }

        if (sum != 0)
        {
            var expected = (byte)(record[^1] - sum);
            throw new ImageFormatException(name, $"line {number}: bad checksum 0x{record[^1]:X2} (expected 0x{expected:X2})");
        }

        return record;
    }

    private static void RequireLength(ReadOnlySpan<byte> data, int length, int number, string what, string name)
    {
        if (data.Length != length)
        {
            throw new ImageFormatException(name, $"line {number}: {what} record must hold {length} bytes, not {data.Length}");
        }
    }
}
