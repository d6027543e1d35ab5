namespace Station.Protocols.Transport;

/// <summary>
/// Moves whole HID reports to and from one open device. Byte 0 of every report is the report ID,
/// as in HidSharp's <c>HidStream</c>. Implementations: the OS HID layer, and the in-memory pair
/// used by the simulator and tests. Half-duplex protocols run one command at a time on it; the
/// transport itself allows one reader and one writer at once.
/// </summary>
public interface IReportTransport : IAsyncDisposable
{
    /// <summary>The device as the transport names it, for logs and exceptions.</summary>
    string DeviceAddress { get; }

    /// <summary>Longest input report, including the report ID byte.</summary>
    int MaxInputReportLength { get; }

    /// <summary>Longest output report, including the report ID byte.</summary>
    int MaxOutputReportLength { get; }

    /// <summary>
    /// Writes one report (report ID first). Reports shorter than <see cref="MaxOutputReportLength"/>
    /// are padded with zeros where the OS requires full-length writes.
    /// </summary>
    /// <exception cref="DeviceTimeoutException">The device did not take the report within <paramref name="timeout"/>.</exception>
    /// <exception cref="DeviceTransportException">The OS failed the write or the device is gone.</exception>
    ValueTask WriteReportAsync(ReadOnlyMemory<byte> report, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the next input report into <paramref name="buffer"/> (report ID first) and returns its
    /// length as delivered by the OS, which may be shorter than the report descriptor says.
    /// </summary>
    /// <exception cref="DeviceTimeoutException">No report arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="DeviceTransportException">The OS failed the read or the device is gone.</exception>
    ValueTask<int> ReadReportAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken);
}
