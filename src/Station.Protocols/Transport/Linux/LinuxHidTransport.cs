using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// Report I/O on a Linux hidraw node (Documentation/hid/hidraw.rst). One <c>read()</c> returns
/// one input report and one <c>write()</c> sends one output report; byte 0 is the report ID when
/// the device numbers its reports. For a device without report IDs the kernel leaves the ID out on
/// read, so this transport puts a 0 in front, as Windows and HidSharp do; on write the kernel
/// drops a leading 0 itself. Writes are not padded: Linux sends the report as given.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class LinuxHidTransport : IReportTransport
{
    private readonly LinuxFileDescriptor _fd;
    private readonly bool _addReportId;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Takes ownership of <paramref name="handle"/> (opened O_RDWR | O_NONBLOCK).</summary>
    internal LinuxHidTransport(
        SafeFileHandle handle, string deviceAddress, int maxInputReportLength, int maxOutputReportLength,
        bool usesReportIds, ILogger logger, TimeProvider timeProvider)
    {
        _fd = new LinuxFileDescriptor(handle, deviceAddress);
        MaxInputReportLength = maxInputReportLength;
        MaxOutputReportLength = maxOutputReportLength;
        _addReportId = !usesReportIds;
        _logger = logger;
        _timeProvider = timeProvider;
        Log.Opened(_logger, deviceAddress, maxInputReportLength, maxOutputReportLength);
    }

    /// <inheritdoc />
    public string DeviceAddress => _fd.DeviceAddress;

    /// <inheritdoc />
    public int MaxInputReportLength { get; }

    /// <inheritdoc />
    public int MaxOutputReportLength { get; }

    /// <inheritdoc />
    public ValueTask WriteReportAsync(ReadOnlyMemory<byte> report, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (report.Length == 0 || (MaxOutputReportLength > 0 && report.Length > MaxOutputReportLength))
        {
            throw new ArgumentException(
                $"A report is 1 to {MaxOutputReportLength} bytes long (report ID included); got {report.Length}.", nameof(report));
        }

        Log.ReportWritten(_logger, DeviceAddress, report.Length, new TransportHex(report));

        // hidraw_write sends synchronously (usb_interrupt_msg) and ignores O_NONBLOCK, so this
        // normally completes here; the wait path is for drivers that do honour it.
        var written = _fd.TryWrite(report.Span, timeout);
        return written == report.Length
            ? ValueTask.CompletedTask
            : WriteRestAsync(report[Math.Max(written, 0)..], timeout, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> ReadReportAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (buffer.Length < (_addReportId ? 2 : 1))
        {
            throw new ArgumentException("The buffer must hold the report ID and at least one byte.", nameof(buffer));
        }

        var target = _addReportId ? buffer[1..] : buffer;
        var count = _fd.TryRead(target.Span, timeout);
        return count >= 0
            ? ValueTask.FromResult(Complete(buffer, count))
            : ReadSlowAsync(buffer, target, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_fd.IsDisposed)
        {
            _fd.Dispose();
            Log.Closed(_logger, DeviceAddress);
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask<int> ReadSlowAsync(Memory<byte> buffer, Memory<byte> target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var count = await TransportTimeout.RunAsync(
            static (state, token) => state.Fd.ReadAsync(state.Target, state.Timeout, token),
            (Fd: _fd, Target: target, Timeout: timeout),
            timeout,
            _timeProvider,
            DeviceAddress,
            "Read",
            cancellationToken);
        return Complete(buffer, count);
    }

    private async ValueTask WriteRestAsync(ReadOnlyMemory<byte> rest, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await TransportTimeout.RunAsync(
            static async (state, token) =>
            {
                await state.Fd.WriteAllAsync(state.Data, state.Timeout, token);
                return true;
            },
            (Fd: _fd, Data: rest, Timeout: timeout),
            timeout,
            _timeProvider,
            DeviceAddress,
            "Write",
            cancellationToken);
    }

    private int Complete(Memory<byte> buffer, int count)
    {
        if (_addReportId)
        {
            buffer.Span[0] = 0;
            count++;
        }

        Log.ReportRead(_logger, DeviceAddress, count, new TransportHex(buffer[..count]));
        return count;
    }
}
