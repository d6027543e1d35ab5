namespace Station.Images.Formats;

/// <summary>
/// Motorola S-record: S0 header, S1/S2/S3 data with 16/24/32-bit addresses, S5/S6 record count,
/// S7/S8/S9 termination with the entry point. Layout: <c>Sn CC AAAA… DD… KK</c>, CC counting the
/// address, data and checksum bytes, KK the ones' complement of the low byte of the sum of CC, the
/// address and the data.
/// </summary>
public static class SRecordReader
{
    /// <summary>Reads an S-record file.</summary>
    /// <exception cref="ImageFormatException">Bad syntax, checksum, count, overlap, or no termination record.</exception>
    public static FirmwareImage Read(ReadOnlySpan<byte> bytes, string name)
    {
        var segments = new List<ImageSegment>();
        uint? entry = null;
        var dataRecords = 0;
        var sawEnd = false;
        foreach (var (number, line) in TextLines.Read(bytes, name))
        {
            if (sawEnd)
            {
                throw new ImageFormatException(name, $"line {number}: data after the termination record");
            }

            if (line.Length < 4 || line[0] != 'S' || line[1] is < '0' or > '9')
            {
                throw new ImageFormatException(name, $"line {number}: a record must start with S0-S9");
            }

            var type = line[1] - '0';
            var record = Decode(line, number, name);
            var addressLength = type switch
            {
                0 or 1 or 5 or 9 => 2,
                2 or 6 or 8 => 3,
                3 or 7 => 4,
                _ => throw new ImageFormatException(name, $"line {number}: S4 is a reserved record type"),
            };

            // record = count, address (addressLength, big-endian), data, checksum.
            var dataLength = record.Length - 1 - addressLength - 1;
            if (dataLength < 0)
            {
                throw new ImageFormatException(name, $"line {number}: S{type} record too short for its {addressLength}-byte address");
            }

            uint address = 0;
            for (var i = 0; i < addressLength; i++)
            {
                address = (address << 8) | record[1 + i];
            }

            var data = record.AsSpan(1 + addressLength, dataLength);
            switch (type)
            {
                case 1 or 2 or 3:
                    segments.Add(new ImageSegment(address, data.ToArray()));
                    dataRecords++;
                    break;
                case 5 or 6:
                    if (address != (uint)dataRecords)
                    {
                        throw new ImageFormatException(name, $"line {number}: count record says {address} data records, the file has {dataRecords} (records lost?)");
                    }

                    break;
                case 7 or 8 or 9:
                    entry = address;
                    sawEnd = true;
                    break;
                default:
                    // S0: header text, nothing to place.
                    break;
            }
        }

        if (!sawEnd)
        {
            throw new ImageFormatException(name, "no termination record (S7/S8/S9); the file is truncated");
        }

        var image = FirmwareImage.Create(name, FirmwareFormat.SRecord, segments, entry);
        return image.IsEmpty ? throw new ImageFormatException(name, "the file holds no data records (S1/S2/S3)") : image;
    }

    private static byte[] Decode(string line, int number, string name)
    {
        if (!HexDigits.TryDecode(line.AsSpan(2), out var record))
        {
            throw new ImageFormatException(name, $"line {number}: odd number of hex digits or a non-hex character (truncated or corrupt record)");
        }

        if (record.Length < 2 || record[0] != record.Length - 1)
        {
            throw new ImageFormatException(name, $"line {number}: byte count does not match the record length (truncated line?)");
        }

        byte sum = 0;
        for (var i = 0; i < record.Length - 1; i++)
        {
            sum += record[i];
        }

        var expected = (byte)~sum;
        if (record[^1] != expected)
        {
            throw new ImageFormatException(name, $"line {number}: bad checksum 0x{record[^1]:X2} (expected 0x{expected:X2})");
        }

        return record;
    }
}
