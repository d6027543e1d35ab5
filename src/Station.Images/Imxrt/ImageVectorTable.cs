using System.Buffers.Binary;

namespace Station.Images.Imxrt;

/// <summary>
/// The 32-byte HAB Image Vector Table (IMAGES.md A.1.2): header <c>D1 | length (u16 big-endian) |
/// version</c>, then seven little-endian words: entry, reserved1, dcd, boot_data, self, csf, reserved2.
/// </summary>
/// <param name="Version">Header version byte (0x40 from SPSDK/SPT/elftosb, 0x41 from SDK C headers; HAB accepts 0x40-0x4F).</param>
/// <param name="Entry">Absolute address of the reset handler (or of the vector table, SDK style).</param>
/// <param name="Dcd">Absolute DCD address, or 0.</param>
/// <param name="BootData">Absolute address of the boot data.</param>
/// <param name="Self">Absolute address of this IVT.</param>
/// <param name="Csf">Absolute CSF address, or 0 when unsigned.</param>
/// <param name="Reserved1">Must be 0.</param>
/// <param name="Reserved2">Must be 0.</param>
public sealed record ImageVectorTable(byte Version, uint Entry, uint Dcd, uint BootData, uint Self, uint Csf, uint Reserved1 = 0, uint Reserved2 = 0)
{
    /// <summary>Encoded size.</summary>
    public const int Length = 0x20;

    /// <summary>HAB tag of an IVT.</summary>
    public const byte Tag = 0xD1;

    /// <summary>IVT version written by SPSDK, SPT and elftosb.</summary>
    public const byte DefaultVersion = 0x40;

    /// <summary>Whether <paramref name="bytes"/> start with an IVT header <c>D1 00 20 4x</c>.</summary>
    public static bool HasHeader(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= Length && bytes[0] == Tag && BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]) == Length && (bytes[3] & 0xF0) == 0x40;

    /// <summary>Decodes an IVT; null when the header is not <c>D1 00 20 4x</c>.</summary>
    public static ImageVectorTable? TryParse(ReadOnlySpan<byte> bytes)
    {
        if (!HasHeader(bytes))
        {
            return null;
        }

        return new ImageVectorTable(
            Version: bytes[3],
            Entry: BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x04..]),
            Dcd: BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x0C..]),
            BootData: BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x10..]),
            Self: BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x14..]),
            Csf: BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x18..]),
            Reserved1: BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x08..]),
            Reserved2: BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x1C..]));
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = Tag;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], Length); // the only big-endian field
        destination[3] = Version;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], Entry);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], Reserved1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0C..], Dcd);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], BootData);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x14..], Self);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x18..], Csf);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x1C..], Reserved2);
    }
}
