using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Windows;

/// <summary>
/// Report I/O on a Windows HID device: CreateFile with FILE_FLAG_OVERLAPPED, then overlapped
/// ReadFile/WriteFile through a <see cref="FileStream"/> opened for asynchronous I/O (a pending
/// read is cancelled with CancelIoEx; the report stays queued in the HID driver). Windows always
/// delivers and requires whole reports: reads return InputReportByteLength bytes (report ID
/// first, 0 for unnumbered reports) and writes are padded with zeros to OutputReportByteLength
/// (PROTOCOLS.md 1.1). The padding and short-read buffers are allocated once per transport.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed partial class WindowsHidTransport : IReportTransport
{
    // Reports the HID driver queues while nobody reads (default 32); room for a read-memory burst.
    private const uint InputBufferCount = 64;

    private readonly FileStream _stream;
    private readonly byte[] _writeBuffer;
    private readonly byte[] _readBuffer;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private int _disposed;

    private WindowsHidTransport(FileStream stream, string deviceAddress, int maxInput, int maxOutput, ILogger logger, TimeProvider timeProvider)
    {
        _stream = stream;
        DeviceAddress = deviceAddress;
        MaxInputReportLength = maxInput;
        MaxOutputReportLength = maxOutput;
        _writeBuffer = new byte[maxOutput];
        _readBuffer = new byte[maxInput];
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string DeviceAddress { get; }

    /// <inheritdoc />
    public int MaxInputReportLength { get; }

    /// <inheritdoc />
    public int MaxOutputReportLength { get; }

    /// <summary>Opens <paramref name="device"/> for reading and writing.</summary>
    public static WindowsHidTransport Open(HidDeviceInfo device, ILogger logger, TimeProvider timeProvider)
    {
        var address = device.ToString();
        var handle = WindowsKernel32.CreateFile(
            device.Path, WindowsKernel32.GenericRead | WindowsKernel32.GenericWrite, WindowsKernel32.FileShareRead | WindowsKernel32.FileShareWrite,
            0, WindowsKernel32.OpenExisting, WindowsKernel32.FileFlagOverlapped, 0);
        if (handle.IsInvalid)
        {
            var error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw error == WindowsErrors.ErrorAccessDenied || error == WindowsErrors.ErrorSharingViolation
                ? new DeviceTransportException(address, $"{address} is open exclusively elsewhere or not accessible (Win32 error {error}).")
                : WindowsErrors.ToException(error, address, "Open", TimeSpan.Zero);
        }

        try
        {
            var caps = WindowsHidApi.GetCaps(handle)
                ?? throw new DeviceTransportException(address, $"hid.dll gives no capabilities for {address}.");
            _ = WindowsHidApi.HidD_SetNumInputBuffers(handle, InputBufferCount);
            var stream = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0, isAsync: true);
            Log.Opened(logger, address, caps.InputReportByteLength, caps.OutputReportByteLength);
            return new WindowsHidTransport(stream, address, caps.InputReportByteLength, caps.OutputReportByteLength, logger, timeProvider);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask WriteReportAsync(ReadOnlyMemory<byte> report, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (report.Length == 0 || report.Length > MaxOutputReportLength)
        {
            throw new ArgumentException(
                $"A report is 1 to {MaxOutputReportLength} bytes long (report ID included); got {report.Length}.", nameof(report));
        }

        Log.ReportWritten(_logger, DeviceAddress, report.Length, new TransportHex(report));
        var whole = report;
        if (report.Length < MaxOutputReportLength)
        {
            // Windows rejects a write shorter than the output report (ERROR_INVALID_USER_BUFFER).
            report.Span.CopyTo(_writeBuffer);
            _writeBuffer.AsSpan(report.Length).Clear();
            whole = _writeBuffer;
        }

        try
        {
            await TransportTimeout.RunAsync(
                static async (state, token) =>
                {
                    await state.Stream.WriteAsync(state.Report, token);
                    return true;
                },
                (Stream: _stream, Report: whole),
                timeout,
                _timeProvider,
                DeviceAddress,
                "Write",
                cancellationToken);
        }
        catch (IOException exception)
        {
            throw WindowsErrors.ToException(WindowsErrors.Win32ErrorOf(exception), DeviceAddress, "Write", timeout, exception);
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadReportAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (buffer.Length == 0)
        {
            throw new ArgumentException("The buffer must hold at least the report ID.", nameof(buffer));
        }

        // ReadFile needs room for a whole input report; a smaller caller buffer gets the report cut to fit.
        var target = buffer.Length >= MaxInputReportLength ? buffer : _readBuffer;
        int count;
        try
        {
            count = await TransportTimeout.RunAsync(
                static (state, token) => state.Stream.ReadAsync(state.Target, token),
                (Stream: _stream, Target: target),
                timeout,
                _timeProvider,
                DeviceAddress,
                "Read",
                cancellationToken);
        }
        catch (IOException exception)
        {
            throw WindowsErrors.ToException(WindowsErrors.Win32ErrorOf(exception), DeviceAddress, "Read", timeout, exception);
        }

        if (count == 0)
        {
            throw new DeviceDisconnectedException(DeviceAddress, new IOException($"Read on {DeviceAddress} returned no report."));
        }

        if (!target.Equals(buffer))
        {
            count = Math.Min(count, buffer.Length);
            _readBuffer.AsSpan(0, count).CopyTo(buffer.Span);
        }

        Log.ReportRead(_logger, DeviceAddress, count, new TransportHex(buffer[..count]));
        return count;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _stream.DisposeAsync();
            Log.Closed(_logger, DeviceAddress);
        }
    }
}
