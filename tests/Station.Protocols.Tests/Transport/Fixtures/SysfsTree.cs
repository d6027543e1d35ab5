using System.Globalization;

namespace Station.Protocols.Tests.Transport.Fixtures;

/// <summary>
/// A sysfs and /dev tree in a temp folder, laid out exactly as the Linux kernel does: real
/// directories and attribute files under <c>sys/devices/…</c>, relative symlinks in
/// <c>sys/class/hidraw</c>. Devices are added bottom-up with the class link last and removed
/// link first, in the kernel's order, so a watcher never sees half a device.
/// </summary>
internal sealed class SysfsTree : IDisposable
{
    private const string UsbController = "pci0000:00/0000:00:14.0";
    private readonly Dictionary<int, string> _removeOnUnplug = [];
    private int _nextHidSequence = 1;

    public SysfsTree()
    {
        Root = Directory.CreateTempSubdirectory("station-sysfs-").FullName;
        Directory.CreateDirectory(ClassHidraw);
        Directory.CreateDirectory(Path.Combine(Sys, "devices"));
        Directory.CreateDirectory(Dev);
    }

    public string Root { get; }

    public string Sys => Path.Combine(Root, "sys");

    public string Dev => Path.Combine(Root, "dev");

    private string ClassHidraw => Path.Combine(Sys, "class", "hidraw");

    /// <summary>
    /// Plugs a USB HID device into <paramref name="portPath"/> (<c>1-4.2</c>, <c>1-4.2.3</c>):
    /// <c>devices/pci0000:00/0000:00:14.0/usb1/1-4/1-4.2/1-4.2:1.0/0003:VVVV:PPPP.NNNN/hidraw/hidrawN</c>.
    /// </summary>
    public void PlugUsb(
        string portPath, ushort vendorId, ushort productId, int hidraw, byte[] reportDescriptor,
        string? serial = null, string? product = null, int interfaceNumber = 0)
    {
        var dash = portPath.IndexOf('-', StringComparison.Ordinal);
        var bus = portPath[..dash];
        var hops = portPath[(dash + 1)..].Split('.');
        var usbDevice = Path.Combine(Sys, "devices", UsbController, "usb" + bus);
        for (var depth = 1; depth <= hops.Length; depth++)
        {
            var name = bus + "-" + string.Join('.', hops[..depth]);
            usbDevice = Path.Combine(usbDevice, name);
            if (depth < hops.Length && !Directory.Exists(usbDevice))
            {
                // A hub on the way (Genesys Logic USB 2.0 hub).
                WriteUsbDevice(usbDevice, 0x05E3, 0x0610, serial: null, product: "USB2.0 Hub");
            }
        }

        WriteUsbDevice(usbDevice, vendorId, productId, serial, product);
        var usbInterface = Path.Combine(usbDevice, $"{portPath}:1.{interfaceNumber}");
        Directory.CreateDirectory(usbInterface);
        Write(usbInterface, "bInterfaceNumber", interfaceNumber.ToString("x2", CultureInfo.InvariantCulture) + "\n");
        Write(usbInterface, "bInterfaceClass", "03\n");
        Write(usbInterface, "uevent", $"DEVTYPE=usb_interface\nDRIVER=usbhid\nINTERFACE=3/0/0\n");

        var hidDevice = AddHidDevice(usbInterface, bus: 0x0003, vendorId, productId, hidraw, reportDescriptor, uniq: serial ?? string.Empty,
            name: product ?? string.Empty, phys: $"usb-0000:00:14.0-{portPath[(dash + 1)..]}/input{interfaceNumber}");
        _ = hidDevice;
        _removeOnUnplug[hidraw] = usbDevice;
    }

    /// <summary>
    /// Adds a HID device that is not on USB, under <paramref name="parentPath"/> (relative to
    /// <c>sys/devices</c>), e.g. an I2C touchpad or a Bluetooth keyboard through uhid.
    /// </summary>
    public void PlugNonUsb(string parentPath, int bus, ushort vendorId, ushort productId, int hidraw, byte[] reportDescriptor)
    {
        var parent = Path.Combine(Sys, "devices", parentPath);
        Directory.CreateDirectory(parent);
        _removeOnUnplug[hidraw] = AddHidDevice(parent, bus, vendorId, productId, hidraw, reportDescriptor, uniq: string.Empty, name: "Touchpad", phys: "i2c-ELAN0001:00");
    }

    /// <summary>Unplugs the device behind hidrawN: class link first, then its sysfs directories.</summary>
    public void Unplug(int hidraw)
    {
        File.Delete(Path.Combine(ClassHidraw, "hidraw" + hidraw));
        Directory.Delete(_removeOnUnplug[hidraw], recursive: true);
        _removeOnUnplug.Remove(hidraw);
    }

    /// <summary>Overwrites a device's report descriptor (e.g. with garbage).</summary>
    public void SetReportDescriptor(int hidraw, byte[] bytes)
    {
        var hidrawDirectory = Directory.ResolveLinkTarget(Path.Combine(ClassHidraw, "hidraw" + hidraw), returnFinalTarget: true)!.FullName;
        File.WriteAllBytes(Path.Combine(hidrawDirectory, "..", "..", "report_descriptor"), bytes);
    }

    /// <summary>Creates <c>dev/hidrawN</c> as an empty regular file.</summary>
    public string CreateDevNode(int hidraw)
    {
        var path = Path.Combine(Dev, "hidraw" + hidraw);
        File.WriteAllBytes(path, []);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void WriteUsbDevice(string directory, ushort vendorId, ushort productId, string? serial, string? product)
    {
        Directory.CreateDirectory(directory);
        Write(directory, "idVendor", vendorId.ToString("x4", CultureInfo.InvariantCulture) + "\n");
        Write(directory, "idProduct", productId.ToString("x4", CultureInfo.InvariantCulture) + "\n");
        Write(directory, "bDeviceClass", "00\n");
        Write(directory, "devpath", Path.GetFileName(directory)[(Path.GetFileName(directory).IndexOf('-', StringComparison.Ordinal) + 1)..] + "\n");
        Write(directory, "uevent", "DEVTYPE=usb_device\nDRIVER=usb\n");
        if (serial is not null)
        {
            Write(directory, "serial", serial + "\n");
        }

        if (product is not null)
        {
            Write(directory, "product", product + "\n");
        }
    }

    private string AddHidDevice(
        string parent, int bus, ushort vendorId, ushort productId, int hidraw, byte[] reportDescriptor, string uniq, string name, string phys)
    {
        var hidName = string.Create(CultureInfo.InvariantCulture, $"{bus:X4}:{vendorId:X4}:{productId:X4}.{_nextHidSequence++:X4}");
        var hidDevice = Path.Combine(parent, hidName);
        Directory.CreateDirectory(hidDevice);
        File.WriteAllBytes(Path.Combine(hidDevice, "report_descriptor"), reportDescriptor);
        Write(hidDevice, "uevent", string.Create(CultureInfo.InvariantCulture,
            $"DRIVER=hid-generic\nHID_ID={bus:X4}:{vendorId:X8}:{productId:X8}\nHID_NAME={name}\nHID_PHYS={phys}\nHID_UNIQ={uniq}\nMODALIAS=hid:b{bus:X4}g0001v{vendorId:X8}p{productId:X8}\n"));

        var hidrawDirectory = Path.Combine(hidDevice, "hidraw", "hidraw" + hidraw);
        Directory.CreateDirectory(hidrawDirectory);
        Write(hidrawDirectory, "dev", $"241:{hidraw}\n");
        Write(hidrawDirectory, "uevent", $"MAJOR=241\nMINOR={hidraw}\nDEVNAME=hidraw{hidraw}\n");
        Directory.CreateSymbolicLink(Path.Combine(hidrawDirectory, "device"), Path.Combine("..", "..", "..", hidName));

        // Last, as device_add does: /sys/class/hidraw/hidrawN -> ../../devices/…/hidraw/hidrawN
        var relative = Path.GetRelativePath(Path.Combine(ClassHidraw), hidrawDirectory);
        Directory.CreateSymbolicLink(Path.Combine(ClassHidraw, "hidraw" + hidraw), relative);
        return hidDevice;
    }

    private static void Write(string directory, string name, string content) => File.WriteAllText(Path.Combine(directory, name), content);
}
