using System.Buffers.Binary;

namespace Station.Protocols.Sdp;

/// <summary>
/// Encodes the 16-byte SDP command (PROTOCOLS.md 7.2; SPSDK <c>struct ">HIB2IB"</c>). Multi-byte
/// fields are big-endian, unlike everything else on these chips.
/// </summary>
public static class SdpCommand
{
    /// <summary>Every SDP command is exactly this long.</summary>
    public const int Length = sizeof(ushort) // 0-1   command type
                            + sizeof(uint)   // 2-5   address
                            + sizeof(byte)   // 6     format (register access width in bits, else 0)
                            + sizeof(uint)   // 7-10  data count in bytes
                            + sizeof(uint)   // 11-14 data (the value of write-register)
                            + sizeof(byte);  // 15    reserved

    /// <summary>Writes the command into <paramref name="destination"/> (at least <see cref="Length"/> bytes).</summary>
    public static void Encode(Span<byte> destination, SdpCommandType type, uint address, byte format, uint count, uint data)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)type);
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], address);
        destination[6] = format;
        BinaryPrimitives.WriteUInt32BigEndian(destination[7..], count);
        BinaryPrimitives.WriteUInt32BigEndian(destination[11..], data);
        destination[15] = 0;
    }
}
