using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Station.Protocols.Transport;

namespace Station.Protocols.MBoot;

/// <summary>
/// MBoot over USB HID (PROTOCOLS.md 1): every report is report ID, a zero pad byte, the payload
/// length (u16 LE) and the packet. Commands go out on report 1, host data on report 2; responses
/// come in on report 3, device data on report 4. The host writes only 4 + length bytes; the device
/// always sends full-size reports and the length field says what is valid. A zero-length IN
/// report is the device aborting the data phase (1.4).
/// </summary>
/// <remarks>
/// While the host streams a write, a read is kept parked on the IN pipe so a device abort
/// (zero-length report 3, then the GenericResponse with the reason) is seen before the next data
/// report goes out, with no polling and no per-packet cost: BLFWK polls before each DATA-OUT
/// instead, SPSDK only looks after sending everything (1.4).
/// </remarks>
public sealed partial class MBootHidFraming : IMBootFraming
{
    /// <summary>Command packet, host to device.</summary>
    public const byte CommandOutReportId = 0x01;

    /// <summary>Data-phase packet, host to device.</summary>
    public const byte DataOutReportId = 0x02;

    /// <summary>Response packet, device to host.</summary>
    public const byte CommandInReportId = 0x03;

    /// <summary>Data-phase packet, device to host.</summary>
    public const byte DataInReportId = 0x04;

    internal const int HeaderLength = sizeof(byte)    // report ID
                                    + sizeof(byte)    // pad, 0 (keeps the payload 4-aligned)
                                    + sizeof(ushort); // payload length, LE

    // The parked read's own transport timeout. The real bounds are the per-packet write timeouts
    // and the response timeout the client passes to ReadResponseAsync, applied with WaitAsync;
    // this only has to be finite and longer than any data phase.
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromHours(1);

    private readonly IReportTransport _transport;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly byte[] _outReport;
    private readonly byte[] _inReport;
    private Task<int>? _watch;
    private CancellationTokenSource? _watchCancellation;

    /// <summary>
    /// Creates the framing over <paramref name="transport"/>, which it owns from now on.
    /// <paramref name="timeProvider"/> must be the transport's clock (tests pass a fake one).
    /// </summary>
    public MBootHidFraming(IReportTransport transport, ILogger<MBootHidFraming> logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(logger);
        if (transport.MaxOutputReportLength <= HeaderLength || transport.MaxInputReportLength <= HeaderLength)
        {
            throw new ArgumentException(
                $"MBoot HID reports need more than {HeaderLength} bytes; the transport has IN {transport.MaxInputReportLength}, OUT {transport.MaxOutputReportLength}.",
                nameof(transport));
        }

        _transport = transport;
        _logger = logger;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _outReport = new byte[transport.MaxOutputReportLength];
        _inReport = new byte[transport.MaxInputReportLength];
    }

    /// <inheritdoc />
    public string DeviceAddress => _transport.DeviceAddress;

    /// <inheritdoc />
    public int MaxDataPacketLength => _transport.MaxOutputReportLength - HeaderLength;

    /// <inheritdoc />
    public ValueTask WriteCommandAsync(ReadOnlyMemory<byte> packet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_watch is not null)
        {
            throw new InvalidOperationException("A command was sent before the previous data phase's response was read.");
        }

        return WriteReportAsync(CommandOutReportId, packet.Span, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>> ReadResponseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        int length;
        if (_watch is not null)
        {
            length = await TakeWatchAsync(timeout, cancellationToken);
        }
        else
        {
            length = await _transport.ReadReportAsync(_inReport, timeout, cancellationToken);
        }

        var (reportId, payloadLength) = ParseInReport(length);
        if (payloadLength == 0)
        {
            // MBoot spec 1.4: a zero-length IN report is the device's abort; the GenericResponse
            // with its reason follows. The caller already knows the phase ended (or it ended on
            // the last packet), so the response is what it wants.
            Log.AbortMarker(_logger, reportId);
            length = await _transport.ReadReportAsync(_inReport, timeout, cancellationToken);
            (reportId, payloadLength) = ParseInReport(length);
            if (payloadLength == 0)
            {
                throw Violation("Two zero-length IN reports in a row where a response was expected.", length);
            }
        }

        if (reportId != CommandInReportId)
        {
            throw Violation($"Expected a response on report {CommandInReportId}, got report {reportId}.", length);
        }

        return _inReport.AsMemory(HeaderLength, payloadLength);
    }

    /// <inheritdoc />
    public ValueTask<bool> WriteDataAsync(ReadOnlyMemory<byte> packet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Checked first, so a parked read ended by this token is never taken for the device speaking.
        cancellationToken.ThrowIfCancellationRequested();
        _watch ??= StartWatchAsync(cancellationToken);
        if (_watch.IsCompleted)
        {
            // The device spoke in the middle of our data phase: its abort marker (or a final
            // response, or a failed read). ReadResponseAsync takes it from here.
            return ValueTask.FromResult(false);
        }

        // Hot path of write-memory: no async state machine when the transport takes the report at once.
        var write = WriteReportAsync(DataOutReportId, packet.Span, timeout, cancellationToken);
        if (write.IsCompletedSuccessfully)
        {
            write.GetAwaiter().GetResult();
            return ValueTask.FromResult(true);
        }

        return AwaitWriteAsync(write);

        static async ValueTask<bool> AwaitWriteAsync(ValueTask write)
        {
            await write;
            return true;
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadDataAsync(Memory<byte> destination, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var length = await _transport.ReadReportAsync(_inReport, timeout, cancellationToken);
        var (reportId, payloadLength) = ParseInReport(length);
        if (payloadLength == 0)
        {
            // MBoot spec 1.4: a zero-length DATA-IN report aborts a device→host data phase
            // (SPSDK treats a zero-length report on either IN ID the same way).
            Log.AbortMarker(_logger, reportId);
            return 0;
        }

        if (reportId != DataInReportId)
        {
            throw Violation($"Expected data on report {DataInReportId}, got report {reportId}.", length);
        }

        if (payloadLength > destination.Length)
        {
            throw Violation($"The device sent {payloadLength} data bytes where {destination.Length} remained of the announced count.", length);
        }

        _inReport.AsSpan(HeaderLength, payloadLength).CopyTo(destination.Span);
        return payloadLength;
    }

    /// <inheritdoc />
    public async ValueTask AbortDataPhaseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // MBoot spec 1.4: a zero-length DATA-OUT makes the device finalise with 10002 AbortDataPhase.
        await WriteReportAsync(DataOutReportId, [], timeout, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        StopWatch();
        await _transport.DisposeAsync();
    }

    private ValueTask WriteReportAsync(byte reportId, ReadOnlySpan<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxDataPacketLength)
        {
            throw new ArgumentException($"A packet of {payload.Length} bytes does not fit a {_outReport.Length}-byte report.", nameof(payload));
        }

        var length = HeaderLength + payload.Length;
        _outReport[0] = reportId;
        _outReport[1] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(_outReport.AsSpan(2), (ushort)payload.Length);
        payload.CopyTo(_outReport.AsSpan(HeaderLength));
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            Log.Out(_logger, length, HexDump.Format(_outReport.AsSpan(0, length)));
        }

        return _transport.WriteReportAsync(_outReport.AsMemory(0, length), timeout, cancellationToken);
    }

    /// <summary>Validates the IN report in <see cref="_inReport"/> (PROTOCOLS.md 9.1: never trust a short read).</summary>
    private (byte ReportId, int PayloadLength) ParseInReport(int length)
    {
        if (length < HeaderLength)
        {
            throw Violation($"IN report of {length} bytes is shorter than the {HeaderLength}-byte MBoot HID header.", length);
        }

        var reportId = _inReport[0];
        if (reportId is not (CommandInReportId or DataInReportId))
        {
            throw Violation($"IN report has unknown report ID {reportId}.", length);
        }

        var payloadLength = BinaryPrimitives.ReadUInt16LittleEndian(_inReport.AsSpan(2));
        if (payloadLength > length - HeaderLength)
        {
            throw Violation($"IN report declares {payloadLength} payload bytes but carries {length - HeaderLength}.", length);
        }

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            Log.In(_logger, HeaderLength + payloadLength, HexDump.Format(_inReport.AsSpan(0, HeaderLength + payloadLength)));
        }

        return (reportId, payloadLength);
    }

    private ProtocolViolationException Violation(string problem, int length)
    {
        var raw = _inReport.AsSpan(0, length);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            Log.In(_logger, length, HexDump.Format(raw));
        }

        Log.MalformedReport(_logger, problem);
        return new ProtocolViolationException(DeviceAddress, problem, raw);
    }

    private Task<int> StartWatchAsync(CancellationToken cancellationToken)
    {
        _watchCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return _transport.ReadReportAsync(_inReport, WatchTimeout, _watchCancellation.Token).AsTask();
    }

    private async ValueTask<int> TakeWatchAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = _watch!;
        try
        {
            var length = await watch.WaitAsync(timeout, _timeProvider, cancellationToken);
            _watch = null;
            _watchCancellation?.Dispose();
            _watchCancellation = null;
            return length;
        }
        catch (TimeoutException)
        {
            StopWatch();
            throw new DeviceTimeoutException(DeviceAddress, timeout, "Read");
        }
        catch (OperationCanceledException)
        {
            StopWatch();
            throw;
        }
    }

    /// <summary>Ends the parked read (if any) and observes its outcome, so no exception goes unobserved.</summary>
    private void StopWatch()
    {
        var watch = _watch;
        var cancellation = _watchCancellation;
        _watch = null;
        _watchCancellation = null;
        if (watch is null)
        {
            cancellation?.Dispose();
            return;
        }

        cancellation?.Cancel();
        _ = watch.ContinueWith(
            static (task, state) =>
            {
                _ = task.Exception;
                (state as CancellationTokenSource)?.Dispose();
            },
            cancellation,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
