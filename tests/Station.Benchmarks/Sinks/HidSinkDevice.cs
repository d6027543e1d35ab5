using System.Buffers.Binary;

namespace Station.Benchmarks.Sinks;

/// <summary>
/// The least a device can do for write-memory over MBoot HID framing (PROTOCOLS.md 1): answer
/// get-property with a max packet size of 1012, acknowledge write-memory, swallow the data reports
/// and send the final GenericResponse; every IN report full size (1016 bytes), as the real
/// flashloader sends them. No memory model, no checks: what is left of a run against it is the host.
/// </summary>
internal sealed class HidSinkDevice
{
    public const int ReportLength = 1016; // ID, pad, u16 length, 1012 payload
    private const int HeaderLength = 4;

    private readonly byte[] _maxPacketSize = Response([0xA7, 0x00, 0x00, 0x02, 0, 0, 0, 0, 0xF4, 0x03, 0x00, 0x00]);      // status 0, 1012
    private readonly byte[] _writeMemoryOk = Response([0xA0, 0x00, 0x00, 0x02, 0, 0, 0, 0, 0x04, 0x00, 0x00, 0x00]);      // status 0, tag 0x04
    private long _remaining;

    /// <summary>Takes one OUT report; returns the IN report to send, or null.</summary>
    public byte[]? OnReport(ReadOnlySpan<byte> report)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(report[2..]);
        var payload = report.Slice(HeaderLength, length);
        switch (report[0])
        {
            case 1 when payload[0] == 0x07:
                return _maxPacketSize;
            case 1 when payload[0] == 0x04:
                _remaining = BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]); // tag(4) | address | byteCount | memoryId
                return _writeMemoryOk;
            case 1:
                return Response([0xA0, 0x00, 0x00, 0x02, 0x10, 0x27, 0, 0, payload[0], 0, 0, 0]); // 10000 UnknownCommand
            case 2:
                _remaining -= length;
                return _remaining <= 0 ? _writeMemoryOk : null;
            default:
                return null;
        }
    }

    private static byte[] Response(ReadOnlySpan<byte> packet)
    {
        var report = new byte[ReportLength];
        report[0] = 3;
        BinaryPrimitives.WriteUInt16LittleEndian(report.AsSpan(2), (ushort)packet.Length);
        packet.CopyTo(report.AsSpan(HeaderLength));
        return report;
    }
}
