using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.Transport;

namespace Station.Protocols.Sdp;

/// <summary>
/// SDP over the ROM's UART (PROTOCOLS.md 7.3; SPSDK <c>sdp/protocol/serial_protocol.py</c>): the same
/// 16 command bytes, raw 4-byte HAB and status words, raw data, no framing at all.
/// </summary>
public sealed partial class SdpUartFraming : ISdpFraming
{
    // 1 KiB: about 90 ms on the wire at 115,200 baud (10 bits a byte).
    private const int DataChunk = 1024;

    private readonly IByteTransport _transport;
    private readonly ILogger _logger;
    private readonly byte[] _word = new byte[sizeof(uint)];

    /// <summary>Creates the framing over an open serial line; the framing owns the transport.</summary>
    public SdpUartFraming(IByteTransport transport, ILogger<SdpUartFraming>? logger = null)
    {
        _transport = transport;
        _logger = logger ?? NullLogger<SdpUartFraming>.Instance;
    }

    /// <inheritdoc />
    public string DeviceAddress => _transport.DeviceAddress;

    /// <inheritdoc />
    public ValueTask WriteCommandAsync(ReadOnlyMemory<byte> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Log.BytesOut(_logger, command.Span);
        return _transport.WriteAsync(command, timeout, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Written in chunks of <see cref="DataChunk"/> bytes, each under <paramref name="timeout"/>, as
    /// the HID framing writes one report at a time: a 90 KiB flashloader needs about 8 s at 115,200
    /// baud, and one write under a command's timeout timed out however healthy the line.
    /// </remarks>
    public async ValueTask WriteDataAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Log.BytesOut(_logger, data.Span);
        for (var offset = 0; offset < data.Length; offset += DataChunk)
        {
            await _transport.WriteAsync(data.Slice(offset, Math.Min(DataChunk, data.Length - offset)), timeout, cancellationToken);
        }
    }

    /// <inheritdoc />
    public ValueTask<uint> ReadHabModeAsync(TimeSpan timeout, CancellationToken cancellationToken) => ReadWordAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public ValueTask<uint> ReadStatusAsync(TimeSpan timeout, CancellationToken cancellationToken) => ReadWordAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public async ValueTask ReadDataAsync(Memory<byte> destination, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < destination.Length;)
        {
            offset += await _transport.ReadAsync(destination[offset..], timeout, cancellationToken);
        }

        Log.BytesIn(_logger, destination.Span);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    private async ValueTask<uint> ReadWordAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await ReadDataAsync(_word, timeout, cancellationToken);
        return BinaryPrimitives.ReadUInt32BigEndian(_word);
    }

    private static partial class Log
    {
        [LoggerMessage(1310, LogLevel.Trace, "SDP UART OUT[{Length}]: {Bytes}")]
        private static partial void BytesOut(ILogger logger, int length, string bytes);

        [LoggerMessage(1311, LogLevel.Trace, "SDP UART IN [{Length}]: {Bytes}")]
        private static partial void BytesIn(ILogger logger, int length, string bytes);

        public static void BytesOut(ILogger logger, ReadOnlySpan<byte> bytes)
        {
            if (logger.IsEnabled(LogLevel.Trace))
            {
                BytesOut(logger, bytes.Length, Convert.ToHexString(bytes));
            }
        }

        public static void BytesIn(ILogger logger, ReadOnlySpan<byte> bytes)
        {
            if (logger.IsEnabled(LogLevel.Trace))
            {
                BytesIn(logger, bytes.Length, Convert.ToHexString(bytes));
            }
        }
    }
}
