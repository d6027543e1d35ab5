using System.Buffers.Binary;

namespace Station.Simulator.Tests.Support;

/// <summary>
/// Test-side wire encoding, written from PROTOCOLS.md for driving the simulator with raw bytes
/// (not the host clients, which the simulator must never share code with). Its CRC is checked
/// against the spec's check value and worked frames in WireTests.
/// </summary>
internal static class Wire
{
    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (ushort)((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
            }
        }

        return crc;
    }

    /// <summary>An MBoot command or response packet: tag, flags, 0, count, u32 LE parameters.</summary>
    public static byte[] Packet(byte tag, byte flags, params uint[] parameters)
    {
        var packet = new byte[4 + (4 * parameters.Length)];
        packet[0] = tag;
        packet[1] = flags;
        packet[3] = (byte)parameters.Length;
        for (var i = 0; i < parameters.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(4 + (4 * i)), parameters[i]);
        }

        return packet;
    }

    public static byte[] Command(byte tag, params uint[] parameters) => Packet(tag, tag is 0x04 or 0x08 ? (byte)1 : (byte)0, parameters);

    /// <summary>A UART frame: 5A, type, u16 LE length, u16 LE CRC over header + payload, payload.</summary>
    public static byte[] Frame(byte type, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[6 + payload.Length];
        frame[0] = 0x5A;
        frame[1] = type;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(2), (ushort)payload.Length);
        payload.CopyTo(frame.AsSpan(6));
        var covered = new byte[4 + payload.Length];
        frame.AsSpan(0, 4).CopyTo(covered);
        payload.CopyTo(covered.AsSpan(4));
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(4), Crc16(covered));
        return frame;
    }

    public static byte[] CommandFrame(byte tag, params uint[] parameters) => Frame(0xA4, Command(tag, parameters));

    /// <summary>A USB HID MBoot report: ID, 0, u16 LE length, payload (unpadded, as SPSDK writes it).</summary>
    public static byte[] Report(byte id, ReadOnlySpan<byte> payload)
    {
        var report = new byte[4 + payload.Length];
        report[0] = id;
        BinaryPrimitives.WriteUInt16LittleEndian(report.AsSpan(2), (ushort)payload.Length);
        payload.CopyTo(report.AsSpan(4));
        return report;
    }

    /// <summary>A 16-byte SDP command, multi-byte fields big-endian (PROTOCOLS 7.2).</summary>
    public static byte[] Sdp(ushort type, uint address = 0, byte format = 0, uint count = 0, uint data = 0)
    {
        var command = new byte[16];
        BinaryPrimitives.WriteUInt16BigEndian(command, type);
        BinaryPrimitives.WriteUInt32BigEndian(command.AsSpan(2), address);
        command[6] = format;
        BinaryPrimitives.WriteUInt32BigEndian(command.AsSpan(7), count);
        BinaryPrimitives.WriteUInt32BigEndian(command.AsSpan(11), data);
        return command;
    }

    public static uint U32(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
}
