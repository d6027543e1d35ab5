using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// A byte stream on a Linux terminal descriptor: a serial port (/dev/ttyUSB0, /dev/ttyACM0), a
/// pseudo-terminal slave, or a pseudo-terminal master. Reads and writes wait through the shared
/// <see cref="LinuxPoller"/>, so timeouts and cancellation take effect at once.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class LinuxTtyTransport : IByteTransport
{
    private readonly LinuxFileDescriptor _fd;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Takes ownership of <paramref name="handle"/> (non-blocking, already configured).</summary>
    internal LinuxTtyTransport(SafeFileHandle handle, string deviceAddress, ILogger logger, TimeProvider timeProvider)
    {
        _fd = new LinuxFileDescriptor(handle, deviceAddress);
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string DeviceAddress => _fd.DeviceAddress;

    /// <summary>Opens <paramref name="portName"/> raw, 8N1, no flow control, at <paramref name="baudRate"/>.</summary>
    /// <exception cref="DeviceDisconnectedException">The port does not exist (e.g. the adapter is unplugged).</exception>
    /// <exception cref="DeviceTransportException">The port cannot be opened or is not a terminal.</exception>
    public static LinuxTtyTransport OpenSerialPort(string portName, int baudRate, ILogger logger, TimeProvider timeProvider)
    {
        var address = portName;
        _ = LinuxTermios.SpeedCode(baudRate); // reject an unsupported rate before opening anything
        var fd = LinuxLibc.Open(portName, LinuxLibc.ORdWr | LinuxLibc.ONoCtty | LinuxLibc.ONonBlock | LinuxLibc.OCloExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                LinuxLibc.EAccess or LinuxLibc.EPerm => new DeviceTransportException(
                    address, $"No permission to open {portName} (is the user in the 'dialout' group?): {LinuxLibc.Describe(errno)}"),
                LinuxLibc.EBusy => new DeviceTransportException(address, $"{portName} is busy: {LinuxLibc.Describe(errno)}"),
                _ => LinuxErrno.ToException(errno, address, "Open", TimeSpan.Zero),
            };
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            LinuxTermios.MakeRaw(handle, baudRate);
        }
        catch (IOException exception)
        {
            handle.Dispose();
            throw new DeviceTransportException(address, $"Cannot configure {portName} as a serial port: {exception.Message}", exception);
        }

        var transport = new LinuxTtyTransport(handle, address, logger, timeProvider);
        Log.SerialPortOpened(logger, address, baudRate);
        return transport;
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Log.BytesWritten(_logger, DeviceAddress, data.Length, new TransportHex(data));
        while (data.Length > 0)
        {
            var written = _fd.TryWrite(data.Span, timeout);
            if (written < 0)
            {
                return WriteSlowAsync(data, timeout, cancellationToken);
            }

            data = data[written..];
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (buffer.Length == 0)
        {
            return ValueTask.FromResult(0);
        }

        var count = _fd.TryRead(buffer.Span, timeout);
        return count >= 0 ? ValueTask.FromResult(Received(buffer, count)) : ReadSlowAsync(buffer, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public void DiscardInput()
    {
        ObjectDisposedException.ThrowIf(_fd.IsDisposed, this);
        if (LinuxLibc.TcFlush(_fd.Handle, LinuxLibc.TciFlush) < 0)
        {
            throw LinuxErrno.ToException(Marshal.GetLastPInvokeError(), DeviceAddress, "Discard input", TimeSpan.Zero);
        }

        Log.InputDiscarded(_logger, DeviceAddress);
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

    private async ValueTask<int> ReadSlowAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var count = await TransportTimeout.RunAsync(
            static (state, token) => state.Fd.ReadAsync(state.Buffer, state.Timeout, token),
            (Fd: _fd, Buffer: buffer, Timeout: timeout),
            timeout,
            _timeProvider,
            DeviceAddress,
            "Read",
            cancellationToken);
        return Received(buffer, count);
    }

    private async ValueTask WriteSlowAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await TransportTimeout.RunAsync(
            static async (state, token) =>
            {
                await state.Fd.WriteAllAsync(state.Data, state.Timeout, token);
                return true;
            },
            (Fd: _fd, Data: data, Timeout: timeout),
            timeout,
            _timeProvider,
            DeviceAddress,
            "Write",
            cancellationToken);
    }

    private int Received(Memory<byte> buffer, int count)
    {
        Log.BytesRead(_logger, DeviceAddress, count, new TransportHex(buffer[..count]));
        return count;
    }
}
