using System.Buffers.Binary;
using Station.Protocols.Transport;
using Station.Simulator.Timing;

namespace Station.Simulator.MBoot;

/// <summary>
/// MBoot over UART, device side (PROTOCOLS 2; MCUBOOT serial_packet.c): 0x5A frames with a
/// CRC-16/XMODEM over header and payload; every command/data frame received is ACKed just
/// before the device's next read or write (deferred ACK), or answered with ACK-abort when the
/// device aborts the data phase; after sending a frame the device waits for the host's ACK
/// (NAK: send it again; ACK-abort: the host aborts). Pings are answered at any time.
/// </summary>
internal sealed partial class MBootUartLink : IMBootLink
{
    public const int MaxPayload = 512; // BL_EXPANDED_FRAMING_PACKET_SIZE

    private const byte StartByte = 0x5A;
    private const byte Ack = 0xA1;
    private const byte Nak = 0xA2;
    private const byte AckAbort = 0xA3;
    private const byte CommandFrame = 0xA4;
    private const byte DataFrame = 0xA5;
    private const byte Ping = 0xA6;
    private const byte PingResponse = 0xA7;

    private const int FrameHeaderLength = sizeof(byte) // start byte 0x5A
        + sizeof(byte)                                 // frame type
        + sizeof(ushort)                               // payload length
        + sizeof(ushort);                              // CRC-16

    private readonly IByteTransport _transport;
    private readonly DevicePacer _pacer;
    private readonly SimulatorTiming _timing;
    private readonly byte[] _receive = new byte[4096];
    private int _receiveStart;
    private int _receiveEnd;
    private bool _ackNeeded;
    private bool _ackAbortNeeded;
    private bool _awaitingAck;
    private Frame? _pushedBack;

    public MBootUartLink(IByteTransport transport, DevicePacer pacer, SimulatorTiming timing)
    {
        _transport = transport;
        _pacer = pacer;
        _timing = timing;
    }

    /// <summary>
    /// <c>5A A7</c>, serial protocol version 'P' 1.2.0 as u32 LE (bugfix, minor, major, name),
    /// options 0, then CRC-16 over the 8 bytes before it (PROTOCOLS 2.3).
    /// </summary>
    public static byte[] PingResponseFrame { get; } = BuildPingResponse();

    public int MaxPacketSize => MaxPayload;

    public async ValueTask<byte[]> ReadCommandAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await SendDeferredAckAsync(cancellationToken);
            var frame = await ReadFrameAsync(cancellationToken);

            // A data frame while idle is ACKed (it arrived intact) and ignored, as is an empty command.
            if (frame.Type == CommandFrame && frame.Payload.Length > 0)
            {
                return frame.Payload;
            }
        }
    }

    public async ValueTask<DataPacket> ReadDataAsync(CancellationToken cancellationToken)
    {
        await SendDeferredAckAsync(cancellationToken);
        var frame = await ReadFrameAsync(cancellationToken);
        if (frame.Type != DataFrame)
        {
            // read_data_packet: unexpected packet type -> kStatus_Fail, and no ACK for it.
            _ackNeeded = false;
            return DataPacket.Unexpected;
        }

        return frame.Payload.Length == 0 ? DataPacket.HostAbort : new DataPacket(DataPacketKind.Data, frame.Payload);
    }

    public async ValueTask WriteResponseAsync(byte[] packet, bool truncated, CancellationToken cancellationToken)
    {
        await SendDeferredAckAsync(cancellationToken);
        if (truncated)
        {
            await WriteAsync([StartByte, CommandFrame], cancellationToken);
            return;
        }

        await WriteFrameAndWaitAsync(EncodeFrame(CommandFrame, packet), cancellationToken);
    }

    public async ValueTask<bool> WriteDataAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await SendDeferredAckAsync(cancellationToken);
        return await WriteFrameAndWaitAsync(EncodeFrame(DataFrame, data.Span), cancellationToken);
    }

    public ValueTask AbortHostDataPhaseAsync(CancellationToken cancellationToken)
    {
        // serial_packet_abort: the ACK owed for the last data frame becomes an ACK-abort, sent
        // just before the next write (the final GenericResponse).
        _ackAbortNeeded = true;
        _ackNeeded = false;
        return ValueTask.CompletedTask;
    }

    public ValueTask FinalizeAsync(CancellationToken cancellationToken) => SendDeferredAckAsync(cancellationToken);

    /// <summary>Encodes one command or data frame (also used by tests to build expected bytes).</summary>
    public static byte[] EncodeFrame(byte type, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[FrameHeaderLength + payload.Length];
        frame[0] = StartByte;
        frame[1] = type;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(2), (ushort)payload.Length);
        payload.CopyTo(frame.AsSpan(FrameHeaderLength));

        // CRC over start, type, length (the 4 header bytes without the CRC field) then the payload.
        var crc = Crc16Xmodem.Compute(frame.AsSpan(0, 4));
        crc = Crc16Xmodem.Compute(payload, crc);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(4), crc);
        return frame;
    }

    private static byte[] BuildPingResponse()
    {
        byte[] response = [StartByte, PingResponse, 0x00, 0x02, 0x01, (byte)'P', 0x00, 0x00, 0, 0];
        BinaryPrimitives.WriteUInt16LittleEndian(response.AsSpan(8), Crc16Xmodem.Compute(response.AsSpan(0, 8)));
        return response;
    }

    private async ValueTask SendDeferredAckAsync(CancellationToken cancellationToken)
    {
        if (_ackNeeded)
        {
            _ackNeeded = false;
            await WriteAsync([StartByte, Ack], cancellationToken);
        }
        else if (_ackAbortNeeded)
        {
            _ackAbortNeeded = false;
            await WriteAsync([StartByte, AckAbort], cancellationToken);
        }
    }

    private async ValueTask<bool> WriteFrameAndWaitAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await WriteAsync(frame, cancellationToken);
        _awaitingAck = true;
        try
        {
            return await WaitForAckAsync(frame, cancellationToken);
        }
        finally
        {
            _awaitingAck = false;
        }
    }

    private async ValueTask<bool> WaitForAckAsync(byte[] frame, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (type, other) = await ReadSyncOrFrameAsync(cancellationToken);
            switch (type)
            {
                case Ack:
                    return true;
                case AckAbort:
                    return false;
                case Nak:
                    await WriteAsync(frame, cancellationToken); // retransmit the last frame
                    continue;
                case CommandFrame:
                    // The host gave up on this frame and sent a new command: handle that next.
                    _pushedBack = other;
                    return true;
                default:
                    // A data frame the host sent before it saw our abort, or a ping: keep waiting.
                    continue;
            }
        }
    }

    private async ValueTask WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        _pacer.Charge(DeviceTimeCategory.UartTransfer, _timing.UartTime(bytes.Length));
        await _pacer.PaceAsync(cancellationToken);
        await _pacer.HostAsync(_transport.WriteAsync(bytes, Timeout.InfiniteTimeSpan, cancellationToken));
    }
}
