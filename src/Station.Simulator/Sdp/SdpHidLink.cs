using System.Buffers.Binary;
using Station.Protocols.Transport;
using Station.Simulator.Timing;

namespace Station.Simulator.Sdp;

/// <summary>
/// SDP over USB HID, ROM side (PROTOCOLS 7.1): OUT report 1 = 16-byte command (hosts send 17 or
/// 1025 bytes with the ID; the first 16 after the ID count), OUT report 2 = 1024 data bytes,
/// IN report 3 = 4-byte HAB mode, IN report 4 = 64-byte status or data. No length fields.
/// </summary>
internal sealed class SdpHidLink : ISdpLink
{
    public const int InputReportLength = 65;     // 1 ID + 64 (report 4, the longest IN report)
    public const int OutputReportLength = 1025;  // 1 ID + 1024 (report 2)
    public const int DataReportPayload = 1024;
    public const int StatusReportPayload = 64;

    private const byte CommandOut = 1;
    private const byte DataOut = 2;
    private const byte HabIn = 3;
    private const byte StatusIn = 4;

    private readonly IReportTransport _transport;
    private readonly DevicePacer _pacer;
    private readonly TimeSpan _interval;
    private readonly byte[] _buffer;
    private byte[]? _pendingCommand;

    public SdpHidLink(IReportTransport transport, DevicePacer pacer, TimeSpan reportInterval)
    {
        _transport = transport;
        _pacer = pacer;
        _interval = reportInterval;
        _buffer = new byte[Math.Max(transport.MaxInputReportLength, OutputReportLength)];
    }

    public bool IsSerial => false;

    public async ValueTask<byte[]> ReadCommandAsync(CancellationToken cancellationToken)
    {
        if (_pendingCommand is { } pending)
        {
            _pendingCommand = null;
            return pending;
        }

        while (true)
        {
            var length = await ReadAsync(cancellationToken);
            if (_buffer[0] == CommandOut && length >= 1 + SdpCommand.Length)
            {
                return _buffer.AsSpan(1, SdpCommand.Length).ToArray();
            }

            // Data reports outside a data phase and short command reports are dropped.
        }
    }

    public async ValueTask<(byte[] Stored, int Consumed)?> ReadDataAsync(long remaining, CancellationToken cancellationToken)
    {
        while (true)
        {
            var length = await ReadAsync(cancellationToken);
            if (_buffer[0] == CommandOut && length >= 1 + SdpCommand.Length)
            {
                _pendingCommand = _buffer.AsSpan(1, SdpCommand.Length).ToArray();
                return null;
            }

            if (_buffer[0] != DataOut || length < 2)
            {
                continue;
            }

            // The ROM stores whole 1024-byte reports; a short write arrives zero-padded.
            var stored = new byte[DataReportPayload];
            _buffer.AsSpan(1, Math.Min(length - 1, DataReportPayload)).CopyTo(stored);
            return (stored, (int)Math.Min(remaining, DataReportPayload));
        }
    }

    public ValueTask WriteHabAsync(uint hab, bool truncated, CancellationToken cancellationToken)
    {
        var report = new byte[truncated ? 2 : 1 + sizeof(uint)];
        report[0] = HabIn;
        Span<byte> word = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(word, hab);
        word[..(report.Length - 1)].CopyTo(report.AsSpan(1));
        return WriteAsync(report, cancellationToken);
    }

    public ValueTask WriteStatusAsync(uint status, CancellationToken cancellationToken)
    {
        var report = new byte[InputReportLength];
        report[0] = StatusIn;
        BinaryPrimitives.WriteUInt32BigEndian(report.AsSpan(1), status);
        return WriteAsync(report, cancellationToken);
    }

    public async ValueTask WriteReadDataAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < data.Length; offset += StatusReportPayload)
        {
            var report = new byte[InputReportLength];
            report[0] = StatusIn;
            data.Span[offset..Math.Min(data.Length, offset + StatusReportPayload)].CopyTo(report.AsSpan(1));
            await WriteAsync(report, cancellationToken);
        }
    }

    private async ValueTask<int> ReadAsync(CancellationToken cancellationToken)
    {
        await _pacer.PaceAsync(cancellationToken);
        var length = await _pacer.HostAsync(_transport.ReadReportAsync(_buffer, Timeout.InfiniteTimeSpan, cancellationToken));
        _pacer.Charge(DeviceTimeCategory.UsbTransfer, _interval);
        return length;
    }

    private async ValueTask WriteAsync(byte[] report, CancellationToken cancellationToken)
    {
        _pacer.Charge(DeviceTimeCategory.UsbTransfer, _interval);
        await _pacer.PaceAsync(cancellationToken);
        await _pacer.HostAsync(_transport.WriteReportAsync(report, Timeout.InfiniteTimeSpan, cancellationToken));
    }
}
