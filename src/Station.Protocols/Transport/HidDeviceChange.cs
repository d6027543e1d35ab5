namespace Station.Protocols.Transport;

/// <summary>A device arrived or left.</summary>
/// <param name="Kind">Arrived or removed.</param>
/// <param name="Device">The device; for a removal, as it was last listed.</param>
public sealed record HidDeviceChange(HidDeviceChangeKind Kind, HidDeviceInfo Device);

/// <summary>What happened to a device.</summary>
public enum HidDeviceChangeKind
{
    /// <summary>The device appeared (or was present when watching started).</summary>
    Arrived,

    /// <summary>The device disappeared.</summary>
    Removed,
}
