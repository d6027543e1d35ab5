using System.Buffers;
using System.Buffers.Binary;

namespace Station.Benchmarks.Sinks;

/// <summary>
/// The least a device can do for write-memory over MBoot UART framing (PROTOCOLS.md 2): answer the
/// ping, ACK every command and data frame, answer get-property with 512 and write-memory with
/// precomputed GenericResponse frames. It does not check CRCs and keeps no memory: what is left of
/// a run against it is the host.
/// </summary>
internal sealed class UartSinkDevice
{
    private const int HeaderLength = 6; // 5A, type, u16 length, u16 CRC

    private static readonly byte[] Ack = [0x5A, 0xA1];
    private static readonly byte[] PingResponse = [0x5A, 0xA7, 0x00, 0x02, 0x01, 0x50, 0x00, 0x00, 0xAA, 0xEA];
    private static readonly byte[] MaxPacketSize = Frame([0xA7, 0x00, 0x00, 0x02, 0, 0, 0, 0, 0x00, 0x02, 0x00, 0x00]); // status 0, 512
    private static readonly byte[] WriteMemoryOk = Frame([0xA0, 0x00, 0x00, 0x02, 0, 0, 0, 0, 0x04, 0x00, 0x00, 0x00]);
    private static readonly byte[] UnknownCommand = Frame([0xA0, 0x00, 0x00, 0x02, 0x10, 0x27, 0, 0, 0x00, 0x00, 0x00, 0x00]);

    private byte[] _received = new byte[8192];
    private int _count;
    private long _remaining;

    /// <summary>Takes bytes from the host; writes what the device answers to <paramref name="send"/>.</summary>
    public void OnBytes(ReadOnlySpan<byte> bytes, IBufferWriter<byte> send)
    {
        if (_count + bytes.Length > _received.Length)
        {
            Array.Resize(ref _received, Math.Max(_received.Length * 2, _count + bytes.Length));
        }

        bytes.CopyTo(_received.AsSpan(_count));
        _count += bytes.Length;
        var consumed = 0;
        while (TryTakeFrame(_received.AsSpan(consumed, _count - consumed), send, out var used))
        {
            consumed += used;
        }

        _received.AsSpan(consumed, _count - consumed).CopyTo(_received);
        _count -= consumed;
    }

    private bool TryTakeFrame(ReadOnlySpan<byte> data, IBufferWriter<byte> send, out int used)
    {
        used = 0;
        var start = data.IndexOf((byte)0x5A);
        if (start < 0)
        {
            used = data.Length;
            return data.Length > 0;
        }

        data = data[start..];
        if (data.Length < 2)
        {
            used = start;
            return false;
        }

        switch (data[1])
        {
            case 0xA6:
                send.Write(PingResponse);
                used = start + 2;
                return true;
            case 0xA4 or 0xA5:
                if (data.Length < HeaderLength)
                {
                    used = start;
                    return false;
                }

                var length = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
                if (data.Length < HeaderLength + length)
                {
                    used = start;
                    return false;
                }

                Answer(data[1], data.Slice(HeaderLength, length), send);
                used = start + HeaderLength + length;
                return true;
            default:
                used = start + 2; // ACK from the host, or anything else: nothing to do
                return true;
        }
    }

    private void Answer(byte type, ReadOnlySpan<byte> payload, IBufferWriter<byte> send)
    {
        send.Write(Ack);
        if (type == 0xA5)
        {
            _remaining -= payload.Length;
            if (_remaining <= 0)
            {
                send.Write(WriteMemoryOk);
            }

            return;
        }

        switch (payload[0])
        {
            case 0x07:
                send.Write(MaxPacketSize);
                break;
            case 0x04:
                _remaining = BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]); // tag(4) | address | byteCount | memoryId
                send.Write(WriteMemoryOk);
                break;
            default:
                send.Write(UnknownCommand);
                break;
        }
    }

    private static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[HeaderLength + payload.Length];
        frame[0] = 0x5A;
        frame[1] = 0xA4;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(2), (ushort)payload.Length);
        payload.CopyTo(frame.AsSpan(HeaderLength));
        var crc = Crc16Xmodem.Compute(payload, Crc16Xmodem.Compute(frame.AsSpan(0, 4)));
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(4), crc);
        return frame;
    }
}
