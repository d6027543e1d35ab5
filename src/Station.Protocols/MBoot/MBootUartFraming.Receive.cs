using System.Buffers.Binary;
using Station.Protocols.Transport;

namespace Station.Protocols.MBoot;

public sealed partial class MBootUartFraming
{
    private const int PingResponseLength = 10;   // 5A A7, version (4), options (2), CRC (2)

    // SPSDK tolerates up to 50 junk bytes before a ping response (MBoot >= 3.0 after power-up) and
    // skips 0x00 bytes before any frame header (PROTOCOLS.md 2.3). Bounded so line noise ends in
    // a protocol violation instead of an endless scan.
    private const int MaxPingJunk = 50;
    private const int MaxLeadingZeros = 256;

    private readonly byte[] _rx = new byte[4096];
    private int _rxStart;
    private int _rxEnd;
    private byte[] _frame = new byte[HeaderLength + 1024];

    /// <summary>
    /// Reads one command or data frame of the expected type, checks its CRC (NAK and read again on
    /// a mismatch, up to the retransmission limit), acknowledges it and returns its payload length.
    /// The payload is at <c>_frame[HeaderLength..]</c>.
    /// </summary>
    private async ValueTask<int> ReadPacketFrameAsync(UartFrameType expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var type = await ReadFrameStartAsync(timeout, cancellationToken);
            if (type != expected)
            {
                throw new ProtocolViolationException(
                    DeviceAddress, $"Expected a {expected} frame (0x{(byte)expected:X2}), got frame type 0x{(byte)type:X2}.", [StartByte, (byte)type]);
            }

            _frame[0] = StartByte;
            _frame[1] = (byte)type;
            await ReadExactAsync(_frame.AsMemory(2, HeaderLength - 2), timeout, cancellationToken);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(_frame.AsSpan(2));
            if (_frame.Length < HeaderLength + length)
            {
                Array.Resize(ref _frame, HeaderLength + length);
            }

            await ReadExactAsync(_frame.AsMemory(HeaderLength, length), timeout, cancellationToken);
            var frame = _frame.AsSpan(0, HeaderLength + length);
            if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Trace))
            {
                Log.In(_logger, frame.Length, HexDump.Format(frame));
            }

            var received = BinaryPrimitives.ReadUInt16LittleEndian(frame[CrcCoveredHeaderLength..]);
            var computed = Crc16.UpdateXmodem(Crc16.ComputeXmodem(frame[..CrcCoveredHeaderLength]), frame[HeaderLength..]);
            if (received == computed)
            {
                await WriteRawAsync(AckFrame, timeout, cancellationToken);
                return length;
            }

            if (attempt >= _maxRetransmissions)
            {
                throw new ProtocolViolationException(
                    DeviceAddress, $"Frame CRC 0x{received:X4} does not match the computed 0x{computed:X4} after {attempt} retransmissions.", frame);
            }

            // MBoot spec 2.1: NAK asks the sender to retransmit its last frame.
            Log.BadCrc(_logger, received, computed);
            await WriteRawAsync(NakFrame, timeout, cancellationToken);
        }
    }

    /// <summary>Reads the device's ACK, NAK or ACK-abort for the frame just sent.</summary>
    private async ValueTask<UartFrameType> ReadHandshakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var type = await ReadFrameStartAsync(timeout, cancellationToken);
        if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Trace))
        {
            Log.In(_logger, 2, HexDump.Format([StartByte, (byte)type]));
        }

        return type is UartFrameType.Ack or UartFrameType.Nak or UartFrameType.AckAbort
            ? type
            : throw new ProtocolViolationException(
                DeviceAddress, $"Expected ACK, NAK or ACK-abort, got frame type 0x{(byte)type:X2}.", [StartByte, (byte)type]);
    }

    /// <summary>Skips leading 0x00 bytes, requires the 0x5A start byte and returns the frame type.</summary>
    private async ValueTask<UartFrameType> ReadFrameStartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var zeros = 0;
        byte value;
        while ((value = await ReadByteAsync(timeout, cancellationToken)) == 0)
        {
            if (++zeros > MaxLeadingZeros)
            {
                throw new ProtocolViolationException(DeviceAddress, $"More than {MaxLeadingZeros} zero bytes before a frame.", [0]);
            }
        }

        if (zeros > 0)
        {
            Log.JunkSkipped(_logger, zeros);
        }

        if (value != StartByte)
        {
            throw new ProtocolViolationException(DeviceAddress, $"Expected the frame start byte 0x5A, got 0x{value:X2}.", [value]);
        }

        var type = (UartFrameType)await ReadByteAsync(timeout, cancellationToken);
        return type is >= UartFrameType.Ack and <= UartFrameType.PingResponse
            ? type
            : throw new ProtocolViolationException(DeviceAddress, $"Unknown frame type 0x{(byte)type:X2}.", [StartByte, (byte)type]);
    }

    /// <summary>Reads <c>5A A7</c> + version + options + CRC, skipping up to 50 junk bytes before it.</summary>
    private async ValueTask<MBootPingResponse> ReadPingResponseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var response = new byte[PingResponseLength];
        var junk = new List<byte>();
        var previous = -1;
        while (true)
        {
            var value = await ReadByteAsync(timeout, cancellationToken);
            if (previous == StartByte && value == (byte)UartFrameType.PingResponse)
            {
                break;
            }

            if (previous >= 0)
            {
                junk.Add((byte)previous);
            }

            if (junk.Count > MaxPingJunk)
            {
                throw new ProtocolViolationException(DeviceAddress, $"No ping response within {MaxPingJunk} bytes.", junk.ToArray());
            }

            previous = value;
        }

        if (junk.Count > 0)
        {
            Log.JunkSkipped(_logger, junk.Count);
        }

        response[0] = StartByte;
        response[1] = (byte)UartFrameType.PingResponse;
        await ReadExactAsync(response.AsMemory(2), timeout, cancellationToken);
        if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Trace))
        {
            Log.In(_logger, response.Length, HexDump.Format(response));
        }

        // 2..5 version (bugfix, minor, major, name), 6..7 options, 8..9 CRC over bytes 0..7.
        var received = BinaryPrimitives.ReadUInt16LittleEndian(response.AsSpan(8));
        var computed = Crc16.ComputeXmodem(response.AsSpan(0, 8));
        if (received != computed)
        {
            throw new ProtocolViolationException(
                DeviceAddress, $"Ping response CRC 0x{received:X4} does not match the computed 0x{computed:X4}.", response);
        }

        var version = MBootVersion.FromUInt32(BinaryPrimitives.ReadUInt32LittleEndian(response.AsSpan(2)));
        return new MBootPingResponse(version, BinaryPrimitives.ReadUInt16LittleEndian(response.AsSpan(6)));
    }

    private async ValueTask<byte> ReadByteAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_rxStart == _rxEnd)
        {
            await FillAsync(timeout, cancellationToken);
        }

        return _rx[_rxStart++];
    }

    private async ValueTask ReadExactAsync(Memory<byte> destination, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (!destination.IsEmpty)
        {
            if (_rxStart == _rxEnd)
            {
                await FillAsync(timeout, cancellationToken);
            }

            var count = Math.Min(destination.Length, _rxEnd - _rxStart);
            _rx.AsSpan(_rxStart, count).CopyTo(destination.Span);
            _rxStart += count;
            destination = destination[count..];
        }
    }

    private async ValueTask FillAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var count = await _transport.ReadAsync(_rx, timeout, cancellationToken);
        if (count <= 0)
        {
            throw new DeviceTransportException(DeviceAddress, "The serial transport returned no bytes.");
        }

        (_rxStart, _rxEnd) = (0, count);
    }
}
