namespace Station.Protocols.MBoot;

/// <summary>
/// Carries MBoot packets over one transport: <see cref="MBootHidFraming"/> (USB HID reports) or
/// <see cref="MBootUartFraming"/> (0x5A serial frames). <see cref="MBootClient"/> talks only to
/// this interface and never asks which one it has (STYLE example 3). One command at a time; the
/// client serialises calls. The framing owns its transport and disposes it.
/// </summary>
/// <remarks>
/// Every method throws <see cref="ProtocolViolationException"/> for malformed input from the
/// device, <see cref="Transport.DeviceTimeoutException"/> when the device stays silent for
/// <c>timeout</c>, <see cref="Transport.DeviceTransportException"/> when the transport fails, and
/// <see cref="OperationCanceledException"/> only when the caller's token fired.
/// </remarks>
public interface IMBootFraming : IAsyncDisposable
{
    /// <summary>The device as the transport names it.</summary>
    string DeviceAddress { get; }

    /// <summary>Largest data packet this framing can carry in one unit (HID: report size − 4).</summary>
    int MaxDataPacketLength { get; }

    /// <summary>Sends a command packet; <paramref name="timeout"/> bounds the send and any link-level acknowledgement.</summary>
    ValueTask WriteCommandAsync(ReadOnlyMemory<byte> packet, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Receives the next response packet. The memory stays valid until the next call on the framing.
    /// </summary>
    ValueTask<ReadOnlyMemory<byte>> ReadResponseAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Sends one data packet of a host→device data phase. Returns false when the device has ended
    /// the data phase instead (its abort, PROTOCOLS.md 1.4 and 2.4): the caller stops sending and
    /// reads the final response, which carries the device's reason.
    /// </summary>
    ValueTask<bool> WriteDataAsync(ReadOnlyMemory<byte> packet, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Receives one data packet of a device→host data phase into <paramref name="destination"/>
    /// and returns its length; 0 means the device aborted the data phase, and the caller reads the
    /// final response next. A packet longer than <paramref name="destination"/> is a protocol violation.
    /// </summary>
    ValueTask<int> ReadDataAsync(Memory<byte> destination, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the device the host abandons the current host→device data phase (a zero-length data
    /// packet; the device then finalises with 10002 AbortDataPhase). Best effort: it does not wait
    /// for the device's answer.
    /// </summary>
    ValueTask AbortDataPhaseAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
