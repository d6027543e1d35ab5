namespace Station.Protocols.Transport;

/// <summary>The device did not answer within the configured time. Never reported as cancellation.</summary>
public sealed class DeviceTimeoutException : DeviceTransportException
{
    /// <summary>Creates the exception for a wait of <paramref name="timeout"/> that expired.</summary>
    public DeviceTimeoutException(string deviceAddress, TimeSpan timeout, string? operation = null)
        : base(deviceAddress, $"{operation ?? "Read"} on {deviceAddress} timed out after {timeout.TotalMilliseconds:0} ms.")
    {
        Timeout = timeout;
    }

    /// <summary>How long the transport waited.</summary>
    public TimeSpan Timeout { get; }
}
