namespace Station.Simulator.Usb;

/// <summary>What a board sees of the bus port it is plugged into.</summary>
internal interface IUsbPort
{
    string PortPath { get; }

    /// <summary>A fresh device path for the next enumeration (as hidraw numbers change).</summary>
    string NextDevicePath();

    void Arrived(Station.Protocols.Transport.HidDeviceInfo device);

    void Removed(Station.Protocols.Transport.HidDeviceInfo device);
}
