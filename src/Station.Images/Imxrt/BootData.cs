using System.Buffers.Binary;

namespace Station.Images.Imxrt;

/// <summary>
/// HAB boot data (IMAGES.md A.1.2): start, length, plugin, 12 bytes little-endian, placed right after
/// the IVT. SPSDK writes these 12 bytes and zero-fills after them; SDK C headers add 0xFFFFFFFF.
/// </summary>
/// <param name="Start">Absolute address of the image start (the flash base: the image starts at offset 0).</param>
/// <param name="Length">Bytes from <paramref name="Start"/> the ROM considers part of the image (0x2000 + application length when unsigned).</param>
/// <param name="Plugin">1 for a plugin image, else 0.</param>
public sealed record BootData(uint Start, uint Length, uint Plugin)
{
    /// <summary>Encoded size.</summary>
    public const int EncodedLength = 12;

    /// <summary>Decodes 12 bytes.</summary>
    public static BootData Parse(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]));

    /// <summary>Writes 12 bytes into <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Start);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], Plugin);
    }
}
