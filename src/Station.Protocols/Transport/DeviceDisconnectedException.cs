namespace Station.Protocols.Transport;

/// <summary>The device went away (unplugged, reset, re-enumerated) while it was open.</summary>
public sealed class DeviceDisconnectedException : DeviceTransportException
{
    /// <summary>Creates the exception.</summary>
    public DeviceDisconnectedException(string deviceAddress, Exception? innerException = null)
        : base(deviceAddress, $"Device {deviceAddress} disconnected.", innerException)
    {
    }
}
