using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.Transport.Linux;
using Station.Protocols.Transport.Windows;

namespace Station.Protocols.Transport;

/// <summary>
/// A serial port (UART, USB CDC-ACM, USB-serial adapter, pseudo-terminal slave) as a byte stream:
/// 8 data bits, no parity, 1 stop bit, raw (no echo, no character translation), no hardware or
/// software flow control. Linux: termios through libc; Windows: COMx through kernel32.
/// </summary>
public sealed class SerialPortTransport : IByteTransport
{
    private readonly IByteTransport _port;

    private SerialPortTransport(IByteTransport port)
    {
        _port = port;
    }

    /// <inheritdoc />
    public string DeviceAddress => _port.DeviceAddress;

    /// <summary>
    /// Opens <paramref name="portName"/> (<c>/dev/ttyUSB0</c>, <c>/dev/serial/by-path/…</c>,
    /// <c>/dev/pts/5</c>; <c>COM3</c> on Windows) at <paramref name="baudRate"/>, 8N1.
    /// </summary>
    /// <param name="portName">The device path (Linux) or COM port name (Windows).</param>
    /// <param name="baudRate">Bits per second; Linux accepts the standard rates from 50 to 4000000.</param>
    /// <param name="logger">Receives Trace hex dumps of the traffic; none when null.</param>
    /// <exception cref="DeviceDisconnectedException">The port does not exist (adapter unplugged).</exception>
    /// <exception cref="DeviceTransportException">The port cannot be opened or configured.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The OS cannot set <paramref name="baudRate"/>.</exception>
    /// <exception cref="PlatformNotSupportedException">Neither Linux nor Windows.</exception>
    public static SerialPortTransport Open(string portName, int baudRate, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(portName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baudRate);
        logger ??= NullLogger.Instance;
        if (OperatingSystem.IsLinux())
        {
            return new SerialPortTransport(LinuxTtyTransport.OpenSerialPort(portName, baudRate, logger, TimeProvider.System));
        }

        if (OperatingSystem.IsWindows())
        {
            return new SerialPortTransport(WindowsSerialTransport.Open(portName, baudRate, logger, TimeProvider.System));
        }

        throw new PlatformNotSupportedException(
            $"Serial ports are supported on Linux and Windows only, not on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}.");
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken) =>
        _port.WriteAsync(data, timeout, cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken) =>
        _port.ReadAsync(buffer, timeout, cancellationToken);

    /// <inheritdoc />
    public void DiscardInput() => _port.DiscardInput();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _port.DisposeAsync();
}
