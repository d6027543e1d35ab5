using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.Transport;

namespace Station.Protocols.Sdp;

/// <summary>
/// SDP over the ROM's USB HID interface (PROTOCOLS.md 7.1). Reports are raw, with no length field:
/// OUT 1 = 16-byte command, OUT 2 = 1024 bytes of data, IN 3 = 4-byte HAB mode, IN 4 = 64 bytes
/// of status or read data.
/// </summary>
public sealed partial class SdpHidFraming : ISdpFraming
{
    private const byte CommandReportId = 1;
    private const byte DataReportId = 2;
    private const byte HabReportId = 3;
    private const byte ResponseReportId = 4;

    /// <summary>Payload of report 2: the ROM stores whole 1024-byte reports (PROTOCOLS.md 7.1).</summary>
    private const int DataReportPayload = 1024;

    /// <summary>Payload of report 4.</summary>
    private const int ResponseReportPayload = 64;

    private readonly IReportTransport _transport;
    private readonly ILogger _logger;
    private readonly byte[] _outReport = new byte[1 + DataReportPayload];
    private readonly byte[] _inReport;

    /// <summary>Creates the framing over an open ROM HID device; the framing owns the transport.</summary>
    public SdpHidFraming(IReportTransport transport, ILogger<SdpHidFraming>? logger = null)
    {
        _transport = transport;
        _logger = logger ?? NullLogger<SdpHidFraming>.Instance;
        // Windows delivers the 4-byte report 3 padded to 65 bytes; size the buffer for the largest.
        _inReport = new byte[Math.Max(transport.MaxInputReportLength, 1 + ResponseReportPayload)];
    }

    /// <inheritdoc />
    public string DeviceAddress => _transport.DeviceAddress;

    /// <inheritdoc />
    public async ValueTask WriteCommandAsync(ReadOnlyMemory<byte> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // NXP's sdphost and uuu send report 1 as ID + 16 bytes; the ROM accepts longer ones too.
        _outReport[0] = CommandReportId;
        command.Span.CopyTo(_outReport.AsSpan(1));
        var report = _outReport.AsMemory(0, 1 + SdpCommand.Length);
        Log.ReportOut(_logger, report.Length, report.Span);
        await _transport.WriteReportAsync(report, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask WriteDataAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < data.Length; offset += DataReportPayload)
        {
            var chunk = data.Span[offset..Math.Min(offset + DataReportPayload, data.Length)];
            _outReport[0] = DataReportId;
            chunk.CopyTo(_outReport.AsSpan(1));
            // Full-length reports: Windows requires them and the ROM stores whole reports anyway.
            _outReport.AsSpan(1 + chunk.Length).Clear();
            Log.ReportOut(_logger, _outReport.Length, _outReport);
            await _transport.WriteReportAsync(_outReport, timeout, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask<uint> ReadHabModeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var length = await ReadReportAsync(HabReportId, timeout, cancellationToken);
        return BinaryPrimitives.ReadUInt32BigEndian(_inReport.AsSpan(1, length - 1));
    }

    /// <inheritdoc />
    public async ValueTask<uint> ReadStatusAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var length = await ReadReportAsync(ResponseReportId, timeout, cancellationToken);
        return BinaryPrimitives.ReadUInt32BigEndian(_inReport.AsSpan(1, length - 1));
    }

    /// <inheritdoc />
    public async ValueTask ReadDataAsync(Memory<byte> destination, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < destination.Length; offset += ResponseReportPayload)
        {
            var length = await ReadReportAsync(ResponseReportId, timeout, cancellationToken);
            var take = Math.Min(Math.Min(ResponseReportPayload, length - 1), destination.Length - offset);
            _inReport.AsSpan(1, take).CopyTo(destination.Span[offset..]);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    /// <summary>Reads one report and checks it is <paramref name="expectedId"/> with at least a 4-byte word.</summary>
    private async ValueTask<int> ReadReportAsync(byte expectedId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var length = await _transport.ReadReportAsync(_inReport, timeout, cancellationToken);
        var received = _inReport.AsSpan(0, length);
        Log.ReportIn(_logger, length, received);
        const int MinimumLength = sizeof(byte) + sizeof(uint); // report ID + one status word
        if (length < MinimumLength)
        {
            throw new ProtocolViolationException(DeviceAddress, $"SDP report of {length} bytes; at least {MinimumLength} expected.", received);
        }

        if (received[0] != expectedId)
        {
            throw new ProtocolViolationException(DeviceAddress, $"SDP report {received[0]} where report {expectedId} was expected.", received);
        }

        return length;
    }
}
