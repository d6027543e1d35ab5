using System.Buffers.Binary;

namespace Station.Simulator.MBoot;

internal sealed partial class MBootUartLink
{
    /// <summary>Reads until a valid command or data frame arrives (NAKing bad ones, answering pings).</summary>
    private async ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (_pushedBack is { } pushed)
        {
            _pushedBack = null;
            _ackNeeded = true;
            return pushed;
        }

        while (true)
        {
            var (type, frame) = await ReadSyncOrFrameAsync(cancellationToken);
            if (frame is not null)
            {
                _ackNeeded = true;
                return frame;
            }

            // Stray ACK/NAK/ACK-abort while not waiting for one: ignored.
            _ = type;
        }
    }

    /// <summary>
    /// Reads the next frame header (skipping junk up to 0x5A, e.g. leading 0x00 bytes) and, for a
    /// command or data frame, the rest of it. A frame with a bad CRC or an oversize length is
    /// NAKed and skipped; a ping is answered here. Returns the type and, for valid frames, the frame.
    /// </summary>
    private async ValueTask<(byte Type, Frame? Frame)> ReadSyncOrFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var start = await ReadByteAsync(cancellationToken);
            if (start != StartByte)
            {
                continue;
            }

            var type = await ReadByteAsync(cancellationToken);
            while (type == StartByte)
            {
                type = await ReadByteAsync(cancellationToken); // 5A 5A A4…: the second 0x5A starts the frame
            }

            switch (type)
            {
                case Ping:
                    await WriteAsync(PingResponseFrame, cancellationToken);
                    return (Ping, null);
                case Ack or Nak or AckAbort:
                    return (type, null);
                case CommandFrame or DataFrame:
                    var header = new byte[FrameHeaderLength];
                    header[0] = StartByte;
                    header[1] = type;
                    await ReadExactAsync(header.AsMemory(2), cancellationToken);
                    int length = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(2));
                    var expectedCrc = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(4));
                    var payload = new byte[length];
                    await ReadExactAsync(payload, cancellationToken);
                    var crc = Crc16Xmodem.Compute(payload, Crc16Xmodem.Compute(header.AsSpan(0, 4)));
                    if (crc != expectedCrc || length > MaxPayload)
                    {
                        await WriteAsync([StartByte, Nak], cancellationToken);
                        continue;
                    }

                    return (type, new Frame(type, payload));
                default:
                    continue; // not a frame type: resynchronise on the next 0x5A
            }
        }
    }

    private async ValueTask<byte> ReadByteAsync(CancellationToken cancellationToken)
    {
        if (_receiveStart == _receiveEnd)
        {
            await FillAsync(1, cancellationToken);
        }

        return _receive[_receiveStart++];
    }

    private async ValueTask ReadExactAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (!destination.IsEmpty)
        {
            if (_receiveStart == _receiveEnd)
            {
                await FillAsync(destination.Length, cancellationToken);
            }

            var count = Math.Min(destination.Length, _receiveEnd - _receiveStart);
            _receive.AsMemory(_receiveStart, count).CopyTo(destination);
            _receiveStart += count;
            destination = destination[count..];
        }
    }

    /// <summary>
    /// Reads what has arrived into the receive buffer. While waiting for the host's ACK the read
    /// stops at <paramref name="needed"/> bytes: the frame being sent may be the last before a
    /// reset, jump or execute, and whatever the host sends after its ACK belongs to the firmware
    /// that runs next (unscaled, nothing may be lost in the hand-over).
    /// </summary>
    private async ValueTask FillAsync(int needed, CancellationToken cancellationToken)
    {
        await _pacer.PaceAsync(cancellationToken);
        var buffer = _awaitingAck ? _receive.AsMemory(0, Math.Min(needed, _receive.Length)) : _receive;
        var count = await _pacer.HostAsync(_transport.ReadAsync(buffer, Timeout.InfiniteTimeSpan, cancellationToken));
        _pacer.Charge(Timing.DeviceTimeCategory.UartTransfer, _timing.UartTime(count));
        (_receiveStart, _receiveEnd) = (0, count);
    }

    private sealed record Frame(byte Type, byte[] Payload);
}
