namespace Station.Protocols.Transport;

/// <summary>
/// Moves a stream of bytes to and from one open device: a serial port (UART), a pseudo-terminal,
/// or the in-memory pair. Framing (MBoot's 0x5A packets, SDP's raw commands) sits on top.
/// </summary>
public interface IByteTransport : IAsyncDisposable
{
    /// <summary>The device as the transport names it, for logs and exceptions.</summary>
    string DeviceAddress { get; }

    /// <summary>Writes all of <paramref name="data"/>.</summary>
    /// <exception cref="DeviceTimeoutException">The bytes could not be written within <paramref name="timeout"/>.</exception>
    /// <exception cref="DeviceTransportException">The OS failed the write or the device is gone.</exception>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Reads at least one byte and at most <c>buffer.Length</c>; returns the count.
    /// </summary>
    /// <exception cref="DeviceTimeoutException">No byte arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="DeviceTransportException">The OS failed the read or the device is gone.</exception>
    ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Drops every byte received but not yet read (what pyserial's <c>reset_input_buffer</c> does).</summary>
    void DiscardInput();
}
