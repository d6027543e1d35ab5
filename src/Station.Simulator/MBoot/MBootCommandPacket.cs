using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Station.Simulator.MBoot;

/// <summary>
/// A decoded command packet (PROTOCOLS 3.1): tag, flags, reserved, parameter count, then that many
/// little-endian u32 parameters. Parameters the host did not send read as 0, as the firmware's
/// zeroed packet buffer gives them (MCUBOOT serial_packet.c "unsent parameters default to zero").
/// </summary>
internal sealed class MBootCommandPacket
{
    public const int HeaderLength = sizeof(byte) // tag
        + sizeof(byte)                           // flags
        + sizeof(byte)                           // reserved
        + sizeof(byte);                          // parameter count

    public const int MaxParameters = 7;          // kMinPacketBufferSize 32 = 4 + 7 × 4

    private readonly uint[] _parameters;

    private MBootCommandPacket(byte tag, byte flags, uint[] parameters)
    {
        Tag = tag;
        Flags = flags;
        _parameters = parameters;
    }

    public byte Tag { get; }

    public byte Flags { get; }

    public int ParameterCount => _parameters.Length;

    public uint this[int index] => index < _parameters.Length ? _parameters[index] : 0;

    /// <summary>Decodes; false when the bytes cannot hold the header and the declared parameters.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, [NotNullWhen(true)] out MBootCommandPacket? command)
    {
        command = null;
        if (packet.Length < HeaderLength)
        {
            return false;
        }

        int count = packet[3];
        if (count > MaxParameters || packet.Length < HeaderLength + (4 * count))
        {
            return false;
        }

        var parameters = new uint[count];
        for (var i = 0; i < count; i++)
        {
            parameters[i] = BinaryPrimitives.ReadUInt32LittleEndian(packet[(HeaderLength + (4 * i))..]);
        }

        command = new MBootCommandPacket(packet[0], packet[1], parameters);
        return true;
    }

    public override string ToString() =>
        $"tag 0x{Tag:X2} [{string.Join(", ", _parameters.Select(p => $"0x{p:X8}"))}]";
}
