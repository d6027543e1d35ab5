using System.Buffers.Binary;

namespace Station.Simulator.Sdp;

/// <summary>
/// A decoded 16-byte SDP command (PROTOCOLS 7.2): type u16, address u32, format u8, data count
/// u32, data u32, reserved u8; multi-byte fields big-endian.
/// </summary>
internal readonly record struct SdpCommand(ushort Type, uint Address, byte Format, uint Count, uint Data)
{
    public const int Length = sizeof(ushort) // command type
        + sizeof(uint)                       // address
        + sizeof(byte)                       // format
        + sizeof(uint)                       // data count
        + sizeof(uint)                       // data
        + sizeof(byte);                      // reserved

    public static SdpCommand Decode(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt16BigEndian(bytes),
        BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]),
        bytes[6],
        BinaryPrimitives.ReadUInt32BigEndian(bytes[7..]),
        BinaryPrimitives.ReadUInt32BigEndian(bytes[11..]));

    public override string ToString() => $"SDP 0x{Type:X4} addr 0x{Address:X8} fmt {Format} count {Count} data 0x{Data:X8}";
}
