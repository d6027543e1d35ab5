namespace Station.Protocols.Sdp;

/// <summary>
/// Carries SDP over one transport: USB HID reports (<see cref="SdpHidFraming"/>) or a UART byte
/// stream (<see cref="SdpUartFraming"/>). The client never knows which.
/// </summary>
public interface ISdpFraming : IAsyncDisposable
{
    /// <summary>The device, for logs and exceptions.</summary>
    string DeviceAddress { get; }

    /// <summary>Sends one 16-byte command.</summary>
    ValueTask WriteCommandAsync(ReadOnlyMemory<byte> command, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Sends a command's data phase, split as the transport needs.</summary>
    ValueTask WriteDataAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Reads the HAB mode word the ROM sends first in every answer.</summary>
    ValueTask<uint> ReadHabModeAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Reads a 4-byte status word (write complete, error status, ...).</summary>
    ValueTask<uint> ReadStatusAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Reads exactly <c>destination.Length</c> bytes of read-register data.</summary>
    ValueTask ReadDataAsync(Memory<byte> destination, TimeSpan timeout, CancellationToken cancellationToken);
}
