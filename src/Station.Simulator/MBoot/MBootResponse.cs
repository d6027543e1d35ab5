using System.Buffers.Binary;

namespace Station.Simulator.MBoot;

/// <summary>Encodes response packets (PROTOCOLS 3.3; MCUBOOT bl_command.c send_*_response).</summary>
internal static class MBootResponse
{
    private const byte HasDataPhase = 0x01;

    /// <summary>GenericResponse: status, command tag.</summary>
    public static byte[] Generic(MBootStatus status, byte commandTag) =>
        Build(MBootResponseTag.Generic, 0, [(uint)status, commandTag]);

    /// <summary>ReadMemoryResponse (flags = data phase, always set by the firmware): status, byte count.</summary>
    public static byte[] ReadMemory(MBootStatus status, uint byteCount) =>
        Build(MBootResponseTag.ReadMemory, HasDataPhase, [(uint)status, byteCount]);

    /// <summary>GetPropertyResponse: status then the values (none on error).</summary>
    public static byte[] GetProperty(MBootStatus status, ReadOnlySpan<uint> values)
    {
        Span<uint> parameters = stackalloc uint[1 + values.Length];
        parameters[0] = (uint)status;
        values.CopyTo(parameters[1..]);
        return Build(MBootResponseTag.GetProperty, 0, parameters);
    }

    /// <summary>FlashReadOnceResponse: status, byte count, data words (count 0 and no words on error).</summary>
    public static byte[] FlashReadOnce(MBootStatus status, ReadOnlySpan<uint> words)
    {
        Span<uint> parameters = stackalloc uint[2 + words.Length];
        parameters[0] = (uint)status;
        parameters[1] = (uint)(words.Length * sizeof(uint));
        words.CopyTo(parameters[2..]);
        return Build(MBootResponseTag.FlashReadOnce, 0, parameters);
    }

    private static byte[] Build(MBootResponseTag tag, byte flags, ReadOnlySpan<uint> parameters)
    {
        // 4-byte header (tag, flags, reserved, parameter count) + 4 bytes per parameter, unpadded.
        var packet = new byte[MBootCommandPacket.HeaderLength + (sizeof(uint) * parameters.Length)];
        packet[0] = (byte)tag;
        packet[1] = flags;
        packet[2] = 0;
        packet[3] = (byte)parameters.Length;
        for (var i = 0; i < parameters.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(MBootCommandPacket.HeaderLength + (sizeof(uint) * i)), parameters[i]);
        }

        return packet;
    }
}
