using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Station.Protocols.Transport;

namespace Station.Protocols.MBoot;

/// <summary>
/// MBoot over UART (PROTOCOLS.md 2; MCUBOOT/BLFWK <c>serial_packet.h</c>; SPSDK
/// <c>serial_protocol.py</c>). Packets travel in <c>5A A4</c> (command/response) and <c>5A A5</c>
/// (data) frames with a length and a CRC-16/XMODEM over header and payload. Each side acknowledges
/// every such frame with <c>5A A1</c> (<c>5A A2</c> NAK asks for a retransmission, <c>5A A3</c>
/// aborts a data phase). The first command is preceded by a ping (<c>5A A6</c>), which also lets
/// the device find the baud rate.
/// </summary>
/// <remarks>
/// The device's ACKs are deferred: it acknowledges a frame just before its next read or write
/// (2.4), so the ACK of a command arrives with its response and the ACK of the last data packet
/// arrives after the flash work. The host therefore waits for each ACK with the full timeout the
/// client gives for the step, and acknowledges every device frame at once.
/// </remarks>
public sealed partial class MBootUartFraming : IMBootFraming
{
    /// <summary>How often a frame is sent again after a NAK before the link is declared broken.</summary>
    public const int DefaultMaxRetransmissions = 3;

    internal const byte StartByte = 0x5A;

    internal const int HeaderLength = sizeof(byte)    // start byte 0x5A
                                    + sizeof(byte)    // frame type
                                    + sizeof(ushort)  // payload length, LE
                                    + sizeof(ushort); // CRC-16/XMODEM, LE

    // The CRC covers the header without its CRC field, then the payload (MCUBOOT calculate_framing_crc16).
    internal const int CrcCoveredHeaderLength = HeaderLength - sizeof(ushort);

    private static readonly byte[] AckFrame = [StartByte, (byte)UartFrameType.Ack];
    private static readonly byte[] NakFrame = [StartByte, (byte)UartFrameType.Nak];
    private static readonly byte[] PingFrame = [StartByte, (byte)UartFrameType.Ping];

    private readonly IByteTransport _transport;
    private readonly ILogger _logger;
    private readonly int _maxRetransmissions;
    private byte[] _tx = new byte[HeaderLength + 1024];

    /// <summary>Creates the framing over <paramref name="transport"/>, which it owns from now on.</summary>
    public MBootUartFraming(IByteTransport transport, ILogger<MBootUartFraming> logger, int maxRetransmissions = DefaultMaxRetransmissions)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetransmissions);
        _transport = transport;
        _logger = logger;
        _maxRetransmissions = maxRetransmissions;
    }

    /// <summary>Frame types after the 0x5A start byte (PROTOCOLS.md 2.1).</summary>
    internal enum UartFrameType : byte
    {
        Ack = 0xA1,
        Nak = 0xA2,
        AckAbort = 0xA3,
        Command = 0xA4,
        Data = 0xA5,
        Ping = 0xA6,
        PingResponse = 0xA7,
    }

    /// <inheritdoc />
    public string DeviceAddress => _transport.DeviceAddress;

    /// <summary>The 16-bit length field's limit; the device's MaxPacketSize property (512) is the real bound.</summary>
    public int MaxDataPacketLength => ushort.MaxValue;

    /// <summary>The device's answer to the last ping, or null before the first one.</summary>
    public MBootPingResponse? PingResponse { get; private set; }

    /// <summary>
    /// Pings the device and returns its serial protocol version. <see cref="WriteCommandAsync"/>
    /// pings by itself before the first command; call this to check a link without a command.
    /// </summary>
    public async ValueTask<MBootPingResponse> PingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WriteRawAsync(PingFrame, timeout, cancellationToken);
        PingResponse = await ReadPingResponseAsync(timeout, cancellationToken);
        Log.Ping(_logger, PingResponse.ProtocolVersion.ToString(), PingResponse.Options);
        return PingResponse;
    }

    /// <inheritdoc />
    public async ValueTask WriteCommandAsync(ReadOnlyMemory<byte> packet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (PingResponse is null)
        {
            await PingAsync(timeout, cancellationToken);
        }

        if (!await SendFrameAsync(UartFrameType.Command, packet.Span, timeout, cancellationToken))
        {
            throw new ProtocolViolationException(DeviceAddress, "The device answered a command frame with ACK-abort.", [StartByte, (byte)UartFrameType.AckAbort]);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>> ReadResponseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var length = await ReadPacketFrameAsync(UartFrameType.Command, timeout, cancellationToken);
        return _frame.AsMemory(HeaderLength, length);
    }

    /// <inheritdoc />
    public ValueTask<bool> WriteDataAsync(ReadOnlyMemory<byte> packet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return SendFrameAsync(UartFrameType.Data, packet.Span, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadDataAsync(Memory<byte> destination, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // MBoot spec 2.4: a zero-length data frame is the device aborting a device→host phase.
        var length = await ReadPacketFrameAsync(UartFrameType.Data, timeout, cancellationToken);
        if (length > destination.Length)
        {
            throw new ProtocolViolationException(
                DeviceAddress,
                $"The device sent {length} data bytes where {destination.Length} remained of the announced count.",
                _frame.AsSpan(0, HeaderLength + length));
        }

        _frame.AsSpan(HeaderLength, length).CopyTo(destination.Span);
        return length;
    }

    /// <inheritdoc />
    public async ValueTask AbortDataPhaseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // MBoot spec 2.4: the host aborts with a zero-length data frame; the device finalises with
        // 10002. Its ACK and response are not waited for: the session ends here.
        var length = BuildFrame(UartFrameType.Data, []);
        await WriteRawAsync(_tx.AsMemory(0, length), timeout, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    /// <summary>
    /// Sends a command or data frame and waits for the device's handshake, sending the frame again
    /// on NAK. Returns true on ACK, false on ACK-abort.
    /// </summary>
    private ValueTask<bool> SendFrameAsync(UartFrameType type, ReadOnlySpan<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var length = BuildFrame(type, payload);
        return SendBuiltFrameAsync(length, timeout, cancellationToken);
    }

    private async ValueTask<bool> SendBuiltFrameAsync(int length, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var transmission = 0; ; transmission++)
        {
            await WriteRawAsync(_tx.AsMemory(0, length), timeout, cancellationToken);
            var handshake = await ReadHandshakeAsync(timeout, cancellationToken);
            switch (handshake)
            {
                case UartFrameType.Ack:
                    return true;
                case UartFrameType.AckAbort:
                    // MBoot spec 2.4: ACK-abort instead of ACK ends the host→device data phase
                    // (the caller decides whether the frame type allows it).
                    return false;
                case UartFrameType.Nak when transmission < _maxRetransmissions:
                    Log.NakReceived(_logger, transmission + 1, _maxRetransmissions);
                    continue;
                default:
                    throw new ProtocolViolationException(
                        DeviceAddress,
                        $"The device answered NAK to {transmission + 1} transmissions of a frame.",
                        _tx.AsSpan(0, length));
            }
        }
    }

    /// <summary>
    /// Encodes a command or data frame into <paramref name="destination"/> and returns its length:
    /// <c>5A type lenLo lenHi crcLo crcHi payload</c>, the CRC-16/XMODEM taken over the first four
    /// header bytes and then the payload (PROTOCOLS.md 2.1 and 2.2).
    /// </summary>
    internal static int EncodeFrame(UartFrameType type, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        var length = HeaderLength + payload.Length;
        var frame = destination[..length];
        frame[0] = StartByte;
        frame[1] = (byte)type;
        BinaryPrimitives.WriteUInt16LittleEndian(frame[2..], (ushort)payload.Length);
        payload.CopyTo(frame[HeaderLength..]);
        var crc = Crc16.UpdateXmodem(Crc16.ComputeXmodem(frame[..CrcCoveredHeaderLength]), frame[HeaderLength..]);
        BinaryPrimitives.WriteUInt16LittleEndian(frame[CrcCoveredHeaderLength..], crc);
        return length;
    }

    /// <summary>Builds a frame in <see cref="_tx"/> (reused: no allocation per data packet) and returns its length.</summary>
    private int BuildFrame(UartFrameType type, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxDataPacketLength)
        {
            throw new ArgumentException($"A frame carries at most {MaxDataPacketLength} bytes; got {payload.Length}.", nameof(payload));
        }

        if (_tx.Length < HeaderLength + payload.Length)
        {
            _tx = new byte[HeaderLength + payload.Length];
        }

        return EncodeFrame(type, payload, _tx);
    }

    private ValueTask WriteRawAsync(ReadOnlyMemory<byte> bytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            Log.Out(_logger, bytes.Length, HexDump.Format(bytes.Span));
        }

        return _transport.WriteAsync(bytes, timeout, cancellationToken);
    }
}
