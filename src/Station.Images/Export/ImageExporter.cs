namespace Station.Images.Export;

/// <summary>Turns an image into the bytes of a BIN, HEX or S-record file for a probe or gang programmer.</summary>
public static class ImageExporter
{
    /// <summary>
    /// Exports <paramref name="image"/>. For <see cref="ExportFormat.Binary"/> the result starts at
    /// <see cref="FirmwareImage.StartAddress"/> and gaps are filled with <paramref name="binaryFill"/>;
    /// HEX and S-record keep the gaps as gaps.
    /// </summary>
    public static byte[] Export(FirmwareImage image, ExportFormat format, byte binaryFill = 0xFF)
    {
        ArgumentNullException.ThrowIfNull(image);
        return format switch
        {
            ExportFormat.IntelHex => IntelHexWriter.Write(image),
            ExportFormat.SRecord => SRecordWriter.Write(image, Path.GetFileName(image.Name)),
            ExportFormat.Binary => image.ToFlat(binaryFill),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
        };
    }

    /// <summary>Exports <paramref name="bytes"/> placed at <paramref name="address"/> (e.g. a boot image at its flash address).</summary>
    public static byte[] Export(ReadOnlyMemory<byte> bytes, uint address, ExportFormat format, string name)
    {
        if (bytes.IsEmpty)
        {
            throw new ImageFormatException(name, "nothing to export: the image is empty");
        }

        return Export(FirmwareImage.FromBytes(name, FirmwareFormat.Binary, address, bytes), format);
    }

    /// <summary>The format a file name asks for: .hex/.ihex → HEX, .srec/.s19/.s28/.s37/.mot → S-record, anything else → BIN.</summary>
    public static ExportFormat FormatForFileName(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".HEX" or ".IHEX" or ".IHX" => ExportFormat.IntelHex,
        ".SREC" or ".S19" or ".S28" or ".S37" or ".MOT" or ".S" => ExportFormat.SRecord,
        _ => ExportFormat.Binary,
    };
}
