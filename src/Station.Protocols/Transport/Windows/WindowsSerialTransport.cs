using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Windows;

/// <summary>
/// A COM port through kernel32: CreateFile with FILE_FLAG_OVERLAPPED, SetCommState (8N1, binary,
/// no flow control), SetCommTimeouts so a read returns as soon as a byte is there, and overlapped
/// ReadFile/WriteFile through a <see cref="FileStream"/> opened for asynchronous I/O, which
/// cancels a pending operation with CancelIoEx when the timeout or the caller's token fires.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed partial class WindowsSerialTransport : IByteTransport
{
    private readonly SafeFileHandle _handle;
    private readonly FileStream _stream;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private int _disposed;

    private WindowsSerialTransport(SafeFileHandle handle, FileStream stream, string deviceAddress, ILogger logger, TimeProvider timeProvider)
    {
        _handle = handle;
        _stream = stream;
        DeviceAddress = deviceAddress;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string DeviceAddress { get; }

    /// <summary>Opens <paramref name="portName"/> (<c>COM3</c> or <c>\\.\COM12</c>) at <paramref name="baudRate"/>, 8N1.</summary>
    public static WindowsSerialTransport Open(string portName, int baudRate, ILogger logger, TimeProvider timeProvider)
    {
        // COM10 and above are reachable only through the device namespace prefix.
        var path = portName.StartsWith(@"\\", StringComparison.Ordinal) ? portName : @"\\.\" + portName;
        var handle = WindowsKernel32.CreateFile(
            path, WindowsKernel32.GenericRead | WindowsKernel32.GenericWrite, 0, 0, WindowsKernel32.OpenExisting, WindowsKernel32.FileFlagOverlapped, 0);
        if (handle.IsInvalid)
        {
            var error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw error == WindowsErrors.ErrorAccessDenied
                ? new DeviceTransportException(portName, $"{portName} is in use by another program or not accessible (Win32 error {error}).")
                : WindowsErrors.ToException(error, portName, "Open", TimeSpan.Zero);
        }

        try
        {
            var dcb = new Dcb { DcbLength = (uint)Marshal.SizeOf<Dcb>() };
            ThrowIfFailed(WindowsKernel32.GetCommState(handle, ref dcb), portName, "GetCommState");
            dcb.BaudRate = (uint)baudRate;
            dcb.ByteSize = 8;
            dcb.Parity = Dcb.NoParity;
            dcb.StopBits = Dcb.OneStopBit;
            dcb.Flags = Dcb.WithFlags(dcb.Flags);
            ThrowIfFailed(WindowsKernel32.SetCommState(handle, ref dcb), portName, "SetCommState");

            // COMMTIMEOUTS remarks: MAXDWORD, MAXDWORD and a constant below MAXDWORD make ReadFile
            // return at once with what is buffered, or as soon as one byte arrives. The constant is
            // the longest allowed (~49 days); this transport's own timeout cancels the read sooner.
            var timeouts = new CommTimeouts
            {
                ReadIntervalTimeout = uint.MaxValue,
                ReadTotalTimeoutMultiplier = uint.MaxValue,
                ReadTotalTimeoutConstant = uint.MaxValue - 1,
            };
            ThrowIfFailed(WindowsKernel32.SetCommTimeouts(handle, ref timeouts), portName, "SetCommTimeouts");
            ThrowIfFailed(WindowsKernel32.PurgeComm(handle, WindowsKernel32.PurgeRxClear), portName, "PurgeComm");

            var stream = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0, isAsync: true);
            Log.SerialPortOpened(logger, portName, baudRate);
            return new WindowsSerialTransport(handle, stream, portName, logger, timeProvider);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        Log.BytesWritten(_logger, DeviceAddress, data.Length, new TransportHex(data));
        try
        {
            await TransportTimeout.RunAsync(
                static async (state, token) =>
                {
                    await state.Stream.WriteAsync(state.Data, token);
                    return true;
                },
                (Stream: _stream, Data: data),
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
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (buffer.Length == 0)
        {
            return 0;
        }

        int count;
        try
        {
            count = await TransportTimeout.RunAsync(
                static async (state, token) =>
                {
                    while (true)
                    {
                        // 0 only when the ~49-day constant of SetCommTimeouts ran out: read again.
                        var read = await state.Stream.ReadAsync(state.Buffer, token);
                        if (read > 0)
                        {
                            return read;
                        }
                    }
                },
                (Stream: _stream, Buffer: buffer),
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

        Log.BytesRead(_logger, DeviceAddress, count, new TransportHex(buffer[..count]));
        return count;
    }

    /// <inheritdoc />
    public void DiscardInput()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!WindowsKernel32.PurgeComm(_handle, WindowsKernel32.PurgeRxClear))
        {
            throw WindowsErrors.ToException(Marshal.GetLastPInvokeError(), DeviceAddress, "Discard input", TimeSpan.Zero);
        }
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

    private static void ThrowIfFailed(bool succeeded, string portName, string call)
    {
        if (!succeeded)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new DeviceTransportException(
                portName, $"{call} on {portName} failed: Win32 error {error} ({Marshal.GetPInvokeErrorMessage(error)}).");
        }
    }
}
