namespace Station.Protocols;

/// <summary>
/// Base of every failure that comes from talking to a device. <see cref="IsTransient"/> tells the
/// caller whether repeating the operation (on a fresh session) could succeed.
/// </summary>
public abstract class DeviceException : Exception
{
    /// <summary>Creates the exception for the device at <paramref name="deviceAddress"/>.</summary>
    protected DeviceException(string deviceAddress, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DeviceAddress = deviceAddress;
    }

    /// <summary>The device the failure happened on, as its transport names it.</summary>
    public string DeviceAddress { get; }

    /// <summary>True when a retry could help; false when the same request would fail again.</summary>
    public abstract bool IsTransient { get; }
}
