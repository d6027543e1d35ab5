namespace Station.Images.Formats;

/// <summary>Recognises a firmware file by its content and reads it with the matching reader.</summary>
public static class FirmwareReader
{
    /// <summary>
    /// The format of <paramref name="bytes"/>: ELF by its magic, Intel HEX when the first non-blank
    /// character is ':', S-record when the file starts with 'S' and a digit, otherwise raw binary.
    /// The file name is not consulted: a renamed file is still read correctly.
    /// </summary>
    public static FirmwareFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (ElfFile.HasMagic(bytes))
        {
            return FirmwareFormat.Elf;
        }

        var start = 0;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var text = bytes[start..];
        if (text.Length >= 1 && text[0] == (byte)':' && LooksLikeText(text))
        {
            return FirmwareFormat.IntelHex;
        }

        if (text.Length >= 2 && text[0] == (byte)'S' && text[1] is >= (byte)'0' and <= (byte)'9' && LooksLikeText(text))
        {
            return FirmwareFormat.SRecord;
        }

        return FirmwareFormat.Binary;
    }

    /// <summary>
    /// Reads <paramref name="bytes"/> in whatever format they are; a raw binary is placed at
    /// <paramref name="binaryAddress"/> (text and ELF files carry their own addresses).
    /// </summary>
    /// <exception cref="ImageFormatException">The file is empty, truncated or corrupt.</exception>
    public static FirmwareImage Read(ReadOnlySpan<byte> bytes, string name, uint binaryAddress) => Detect(bytes) switch
    {
        FirmwareFormat.Elf => ElfFile.Parse(bytes, name).Image,
        FirmwareFormat.IntelHex => IntelHexReader.Read(bytes, name),
        FirmwareFormat.SRecord => SRecordReader.Read(bytes, name),
        _ => BinaryImageReader.Read(bytes, binaryAddress, name),
    };

    /// <summary>Reads a whole stream, then <see cref="Read(ReadOnlySpan{byte}, string, uint)"/>.</summary>
    public static FirmwareImage Read(Stream stream, string name, uint binaryAddress)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name, binaryAddress);
    }

    // The first line of a text format is printable ASCII up to its line end.
    private static bool LooksLikeText(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)'\n');
        var line = end < 0 ? text : text[..end];
        foreach (var b in line)
        {
            if (b is < 0x20 and not (byte)'\r' and not (byte)'\t' || b > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
