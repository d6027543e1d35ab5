using System.Buffers.Binary;

namespace Station.Simulator.Sdp;

/// <summary>
/// The HAB4 image vector table the ROM looks for at a jump address (PROTOCOLS 8: NXP's
/// ivt_flashloader.bin has <c>D1 00 20 40</c> at 0x400). Layout: header (tag 0xD1, length u16 BE
/// = 0x20, version 0x4x), entry, reserved, DCD, boot data, self, CSF, reserved (u32 LE each).
/// </summary>
internal readonly record struct ImageVectorTable(uint Entry, uint Dcd, uint BootData, uint Self, uint Csf)
{
    public const int Length = 0x20;
    public const byte Tag = 0xD1;

    /// <summary>Decodes the 32 bytes at an IVT address; false when the header is not an IVT's.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out ImageVectorTable ivt)
    {
        ivt = default;
        if (bytes.Length < Length
            || bytes[0] != Tag
            || BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]) != Length
            || (bytes[3] & 0xF0) != 0x40)
        {
            return false;
        }

        ivt = new ImageVectorTable(
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x04..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x0C..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x10..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x14..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x18..]));
        return true;
    }
}
