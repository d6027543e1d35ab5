namespace Station.Protocols.Transport.Linux;

/// <summary>One hidraw node as found in sysfs.</summary>
/// <param name="SysfsPath">The resolved hidraw directory; unique per HID device instance (its name has the kernel's sequence number).</param>
/// <param name="Info">What callers see.</param>
/// <param name="Descriptor">The parsed report descriptor, or null when it could not be read.</param>
internal sealed record LinuxHidEntry(string SysfsPath, HidDeviceInfo Info, HidReportDescriptor? Descriptor);
