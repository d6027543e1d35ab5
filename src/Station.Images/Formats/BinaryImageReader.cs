namespace Station.Images.Formats;

/// <summary>Raw binary: the bytes as they are, at an address the caller supplies.</summary>
public static class BinaryImageReader
{
    /// <summary>Places <paramref name="bytes"/> at <paramref name="baseAddress"/>.</summary>
    /// <exception cref="ImageFormatException">The file is empty or runs past 4 GiB.</exception>
    public static FirmwareImage Read(ReadOnlySpan<byte> bytes, uint baseAddress, string name)
    {
        if (bytes.IsEmpty)
        {
            throw new ImageFormatException(name, "the file is empty");
        }

        return FirmwareImage.FromBytes(name, FirmwareFormat.Binary, baseAddress, bytes.ToArray());
    }
}
