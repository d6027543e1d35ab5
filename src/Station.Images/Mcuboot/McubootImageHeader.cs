using System.Buffers.Binary;

namespace Station.Images.Mcuboot;

/// <summary>
/// The 32-byte MCUboot image header (struct image_header, little-endian; IMAGES.md B.1): magic,
/// load address, header size, protected TLV size, image size, flags, version, pad.
/// </summary>
/// <param name="LoadAddress">ih_load_addr: 0, or the RAM load / ROM-fixed address.</param>
/// <param name="HeaderSize">ih_hdr_size: offset of the payload (where the vector table must be).</param>
/// <param name="ProtectedTlvSize">ih_protect_tlv_size, including its 4-byte info header; 0 if none.</param>
/// <param name="ImageSize">ih_img_size: payload bytes, header excluded.</param>
/// <param name="Flags">ih_flags.</param>
/// <param name="Version">ih_ver.</param>
/// <param name="Magic">ih_magic.</param>
public sealed record McubootImageHeader(
    uint LoadAddress,
    ushort HeaderSize,
    ushort ProtectedTlvSize,
    uint ImageSize,
    McubootImageFlags Flags,
    McubootVersion Version,
    uint Magic = McubootImageHeader.ImageMagic)
{
    /// <summary>Encoded size.</summary>
    public const int Length = 32;

    /// <summary>IMAGE_MAGIC.</summary>
    public const uint ImageMagic = 0x96F3_B83D;

    /// <summary>IMAGE_MAGIC_V1 (old format).</summary>
    public const uint ImageMagicV1 = 0x96F3_B83C;

    /// <summary>Offset of the first TLV info header: header + payload.</summary>
    public long TlvOffset => (long)HeaderSize + ImageSize;

    /// <summary>Length of the hashed and signed region: header, payload and protected TLVs.</summary>
    public long HashedLength => TlvOffset + ProtectedTlvSize;

    /// <summary>Whether <paramref name="bytes"/> start with IMAGE_MAGIC.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(bytes) == ImageMagic;

    /// <summary>Decodes the header (no validation beyond the length).</summary>
    public static McubootImageHeader Parse(ReadOnlySpan<byte> bytes) => new(
        LoadAddress: BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x04..]),
        HeaderSize: BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x08..]),
        ProtectedTlvSize: BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x0A..]),
        ImageSize: BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x0C..]),
        Flags: (McubootImageFlags)BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x10..]),
        Version: new McubootVersion(bytes[0x14], bytes[0x15], BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x16..]), BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x18..])),
        Magic: BinaryPrimitives.ReadUInt32LittleEndian(bytes));

    /// <summary>Writes the 32 bytes (pad word 0x1C = 0).</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], LoadAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x08..], HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x0A..], ProtectedTlvSize);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0C..], ImageSize);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], (uint)Flags);
        destination[0x14] = Version.Major;
        destination[0x15] = Version.Minor;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x16..], Version.Revision);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x18..], Version.Build);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x1C..], 0);
    }
}
