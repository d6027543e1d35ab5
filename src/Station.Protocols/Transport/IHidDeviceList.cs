namespace Station.Protocols.Transport;

/// <summary>
/// The HID devices of one machine, shaped like HidSharp's <c>DeviceList</c>: list, open, and
/// watch for hot-plug. Implementations: Linux (hidraw + sysfs), Windows (hid.dll + SetupAPI), and
/// the simulator's USB bus, so the station treats simulated and real boards the same way.
/// </summary>
public interface IHidDeviceList
{
    /// <summary>Lists the HID interfaces present now.</summary>
    IReadOnlyList<HidDeviceInfo> GetDevices();

    /// <summary>Opens <paramref name="device"/> for report I/O.</summary>
    /// <exception cref="DeviceTransportException">The device is gone or cannot be opened (e.g. permissions).</exception>
    ValueTask<IReportTransport> OpenAsync(HidDeviceInfo device, CancellationToken cancellationToken);

    /// <summary>
    /// Yields an <see cref="HidDeviceChangeKind.Arrived"/> change for every device present when
    /// called, then every arrival and removal until <paramref name="cancellationToken"/> fires.
    /// </summary>
    IAsyncEnumerable<HidDeviceChange> WatchAsync(CancellationToken cancellationToken);
}
