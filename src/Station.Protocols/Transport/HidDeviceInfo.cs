namespace Station.Protocols.Transport;

/// <summary>
/// One HID interface as the OS lists it.
/// </summary>
/// <param name="Path">What <see cref="IHidDeviceList.OpenAsync"/> opens: <c>/dev/hidraw3</c>, a Windows device interface path, or a simulator address.</param>
/// <param name="VendorId">USB idVendor.</param>
/// <param name="ProductId">USB idProduct.</param>
/// <param name="InterfaceNumber">USB bInterfaceNumber of the HID interface, or -1 when unknown.</param>
/// <param name="SerialNumber">USB iSerialNumber string, when the device has one.</param>
/// <param name="ProductName">USB iProduct string, when the device has one.</param>
/// <param name="PortPath">
/// The physical port the device is plugged into: the Linux sysfs devpath (<c>1-4.2</c>) or, on
/// Windows, the host controller's location path plus the same port chain
/// (<c>PCIROOT(0)#PCI(1400)#USBROOT(0)-4.2</c>). It stays the same when the board re-enumerates
/// (ROM, then flashloader), so it is how a slot is identified.
/// </param>
/// <param name="MaxInputReportLength">Longest input report including the report ID byte, or 0 when unknown.</param>
/// <param name="MaxOutputReportLength">Longest output report including the report ID byte, or 0 when unknown.</param>
public sealed record HidDeviceInfo(
    string Path,
    ushort VendorId,
    ushort ProductId,
    int InterfaceNumber,
    string? SerialNumber,
    string? ProductName,
    string PortPath,
    int MaxInputReportLength,
    int MaxOutputReportLength)
{
    /// <inheritdoc />
    public override string ToString() => $"{VendorId:X4}:{ProductId:X4} at {PortPath} ({Path})";
}
