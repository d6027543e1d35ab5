namespace Station.Protocols.Transport;

/// <summary>
/// The OS or the USB stack failed to move bytes (I/O error, device unplugged). Always transient:
/// the caller re-opens the device (waiting for it to come back) and repeats the step.
/// </summary>
public class DeviceTransportException : DeviceException
{
    /// <summary>Creates the exception.</summary>
    public DeviceTransportException(string deviceAddress, string message, Exception? innerException = null)
        : base(deviceAddress, message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
