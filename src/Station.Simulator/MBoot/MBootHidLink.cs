using System.Buffers.Binary;
using Station.Protocols.Transport;
using Station.Simulator.Timing;

namespace Station.Simulator.MBoot;

/// <summary>
/// MBoot over USB HID, device side (PROTOCOLS 1): report IDs 1-4, a 4-byte header (ID, pad,
/// u16 LE length) and the packet; IN reports always full size (1016 bytes with the ID, MCUBOOT
/// "Send the maximum report size since that's what the host expects"); report 2 discarded while
/// idle; zero-length report 3 aborts a host-to-device data phase.
/// </summary>
internal sealed class MBootHidLink : IMBootLink
{
    public const int ReportLength = 1016;        // 1 ID + 1 pad + 2 length + 1012 payload
    public const int PayloadCapacity = 1012;     // BL_EXPANDED_USB_HID_PACKET_SIZE
    public const int HeaderLength = sizeof(byte) // report ID
        + sizeof(byte)                           // padding
        + sizeof(ushort);                        // payload length

    private const byte CommandOut = 1;
    private const byte DataOut = 2;
    private const byte CommandIn = 3;
    private const byte DataIn = 4;

    private readonly IReportTransport _transport;
    private readonly DevicePacer _pacer;
    private readonly TimeSpan _interval;
    private readonly byte[] _readBuffer;

    public MBootHidLink(IReportTransport transport, DevicePacer pacer, TimeSpan reportInterval)
    {
        _transport = transport;
        _pacer = pacer;
        _interval = reportInterval;
        _readBuffer = new byte[Math.Max(transport.MaxInputReportLength, ReportLength)];
    }

    public int MaxPacketSize => PayloadCapacity;

    public async ValueTask<byte[]> ReadCommandAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (id, payload) = await ReadReportAsync(cancellationToken);

            // Idle: report 2 is a leftover of an aborted data phase (usb_hid_packet_read returns
            // kStatus_AbortDataPhase); a zero-length or malformed report 1 is a host abort or junk.
            if (id == CommandOut && payload is { Length: > 0 })
            {
                return payload;
            }
        }
    }

    public async ValueTask<DataPacket> ReadDataAsync(CancellationToken cancellationToken)
    {
        var (id, payload) = await ReadReportAsync(cancellationToken);
        return (id, payload) switch
        {
            (DataOut, { Length: 0 }) => DataPacket.HostAbort,
            (DataOut, { } data) => new DataPacket(DataPacketKind.Data, data),
            _ => DataPacket.Unexpected, // report 1 (host abort or new command) or a bad header
        };
    }

    public async ValueTask WriteResponseAsync(byte[] packet, bool truncated, CancellationToken cancellationToken)
    {
        if (truncated)
        {
            // The fault of PROTOCOLS 9.1: a 2-byte IN report where a response was due.
            await WriteReportAsync([CommandIn, 0x00], cancellationToken);
            return;
        }

        await WriteReportAsync(Frame(CommandIn, packet), cancellationToken);
    }

    public async ValueTask<bool> WriteDataAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await WriteReportAsync(Frame(DataIn, data.Span), cancellationToken);
        return true;
    }

    public ValueTask AbortHostDataPhaseAsync(CancellationToken cancellationToken) =>
        WriteReportAsync(Frame(CommandIn, []), cancellationToken); // usb_hid_packet_abort_data_phase

    public ValueTask FinalizeAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private static byte[] Frame(byte reportId, ReadOnlySpan<byte> payload)
    {
        var report = new byte[ReportLength];
        report[0] = reportId;
        report[1] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(report.AsSpan(2), (ushort)payload.Length);
        payload.CopyTo(report.AsSpan(HeaderLength));
        return report;
    }

    private async ValueTask<(byte Id, byte[]? Payload)> ReadReportAsync(CancellationToken cancellationToken)
    {
        await _pacer.PaceAsync(cancellationToken);
        var length = await _pacer.HostAsync(_transport.ReadReportAsync(_readBuffer, Timeout.InfiniteTimeSpan, cancellationToken));
        _pacer.Charge(DeviceTimeCategory.UsbTransfer, _interval);
        if (length < HeaderLength)
        {
            return (length > 0 ? _readBuffer[0] : (byte)0, null);
        }

        // usb_hid_packet_read: a report whose received size - 4 is below its length field fails.
        int declared = BinaryPrimitives.ReadUInt16LittleEndian(_readBuffer.AsSpan(2));
        if (declared > length - HeaderLength || declared > PayloadCapacity)
        {
            return (_readBuffer[0], null);
        }

        return (_readBuffer[0], _readBuffer.AsSpan(HeaderLength, declared).ToArray());
    }

    private async ValueTask WriteReportAsync(byte[] report, CancellationToken cancellationToken)
    {
        _pacer.Charge(DeviceTimeCategory.UsbTransfer, _interval);
        await _pacer.PaceAsync(cancellationToken);
        await _pacer.HostAsync(_transport.WriteReportAsync(report, Timeout.InfiniteTimeSpan, cancellationToken));
    }
}
