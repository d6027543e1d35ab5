using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// Reads hidraw devices from sysfs, laid out as the kernel does it:
/// <c>/sys/class/hidraw/hidraw0</c> → <c>../../devices/pci0000:00/0000:00:14.0/usb1/1-4/1-4.2/1-4.2:1.0/0003:1FC9:0135.0001/hidraw/hidraw0</c>.
/// Walking up from the hidraw directory: the HID device (<c>BBBB:VVVV:PPPP.NNNN</c>, uevent
/// <c>HID_ID</c>, <c>report_descriptor</c>), the USB interface (<c>1-4.2:1.0</c>,
/// <c>bInterfaceNumber</c>), the USB device (<c>1-4.2</c>: <c>idVendor</c>, <c>serial</c>,
/// <c>product</c>), whose name is the port path. Only file reads; no device is opened.
/// </summary>
internal sealed partial class LinuxSysfsHidScanner
{
    // linux/input.h BUS_USB; HID_ID is "bus:vendor:product" (drivers/hid/hid-core.c hid_uevent).
    private const int BusUsb = 0x03;

    private readonly string _devRoot;
    private readonly ILogger _logger;

    public LinuxSysfsHidScanner(string sysfsRoot, string devRoot, ILogger logger)
    {
        ClassDirectory = Path.Combine(sysfsRoot, "class", "hidraw");
        _devRoot = devRoot;
        _logger = logger;
    }

    /// <summary><c>{sysfs}/class/hidraw</c>.</summary>
    public string ClassDirectory { get; }

    /// <summary>Every USB hidraw device present, ordered by hidraw number. Non-USB ones are skipped.</summary>
    public IReadOnlyList<LinuxHidEntry> Scan()
    {
        if (!Directory.Exists(ClassDirectory))
        {
            return [];
        }

        var entries = new List<LinuxHidEntry>();
        foreach (var link in Directory.EnumerateFileSystemEntries(ClassDirectory).OrderBy(NodeNumber))
        {
            if (TryRead(Path.GetFileName(link)) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>The device behind <c>class/hidraw/{name}</c>, or null when it is gone, unreadable or not USB.</summary>
    public LinuxHidEntry? TryRead(string name)
    {
        try
        {
            return Read(name);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            // Usually a device that left in the middle of the scan.
            Log.DeviceUnreadable(_logger, name, exception.Message);
            return null;
        }
    }

    private LinuxHidEntry? Read(string name)
    {
        var link = Path.Combine(ClassDirectory, name);
        var hidrawDirectory = Directory.ResolveLinkTarget(link, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(link);
        if (!Directory.Exists(hidrawDirectory))
        {
            return null;
        }

        // …/<hid device>/hidraw/hidrawN
        var hidDirectory = Parent(Parent(hidrawDirectory));
        var hidUevent = ReadUevent(Path.Combine(hidDirectory, "uevent"));
        var hidId = hidUevent.GetValueOrDefault("HID_ID") ?? Path.GetFileName(hidDirectory);
        if (!TryParseHidId(hidId, out var bus, out var vendorId, out var productId))
        {
            Log.DeviceSkipped(_logger, name, hidDirectory, "no HID_ID");
            return null;
        }

        // …/<usb device>/<usb interface>/<hid device>: a HID device on USB sits under its interface.
        var interfaceDirectory = Parent(hidDirectory);
        var usbDirectory = Parent(interfaceDirectory);
        if (bus != BusUsb
            || !File.Exists(Path.Combine(interfaceDirectory, "bInterfaceNumber"))
            || !File.Exists(Path.Combine(usbDirectory, "idVendor")))
        {
            // I2C, Bluetooth, uhid and other non-USB HID: no USB port, so no slot can ever match.
            Log.DeviceSkipped(_logger, name, hidDirectory, "not a USB device");
            return null;
        }

        var interfaceNumber = int.Parse(ReadAttribute(Path.Combine(interfaceDirectory, "bInterfaceNumber")), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var serial = ReadOptionalAttribute(Path.Combine(usbDirectory, "serial")) ?? NullIfEmpty(hidUevent.GetValueOrDefault("HID_UNIQ"));
        var product = ReadOptionalAttribute(Path.Combine(usbDirectory, "product"));
        var devName = ReadUevent(Path.Combine(hidrawDirectory, "uevent")).GetValueOrDefault("DEVNAME") ?? name;
        var descriptor = ReadDescriptor(name, Path.Combine(hidDirectory, "report_descriptor"));

        var info = new HidDeviceInfo(
            Path: Path.Combine(_devRoot, devName),
            VendorId: vendorId,
            ProductId: productId,
            InterfaceNumber: interfaceNumber,
            SerialNumber: serial,
            ProductName: product,
            PortPath: Path.GetFileName(usbDirectory),
            MaxInputReportLength: descriptor?.MaxInputReportLength ?? 0,
            MaxOutputReportLength: descriptor?.MaxOutputReportLength ?? 0);
        return new LinuxHidEntry(hidrawDirectory, info, descriptor);
    }

    /// <summary>Parses <c>0003:00001FC9:00000135</c> (uevent) or <c>0003:1FC9:0135.0001</c> (directory name).</summary>
    internal static bool TryParseHidId(string text, out int bus, out ushort vendorId, out ushort productId)
    {
        (bus, vendorId, productId) = (0, 0, 0);
        var parts = text.Split(':');
        if (parts.Length != 3)
        {
            return false;
        }

        var product = parts[2].Split('.')[0];
        if (!int.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out bus)
            || !uint.TryParse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var vendor)
            || !uint.TryParse(product, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var productValue))
        {
            return false;
        }

        // The kernel prints 32-bit fields; USB IDs are the low 16 bits.
        (vendorId, productId) = ((ushort)vendor, (ushort)productValue);
        return true;
    }

    private HidReportDescriptor? ReadDescriptor(string name, string path)
    {
        try
        {
            return HidReportDescriptor.Parse(ReadToEnd(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Log.ReportDescriptorUnreadable(_logger, name, exception.Message);
            return null;
        }
    }

    /// <summary>
    /// Reads a sysfs binary attribute. sysfs reports the attribute's maximum size (4096 for
    /// report_descriptor), not its content length, so read until end of file.
    /// </summary>
    private static byte[] ReadToEnd(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        using var content = new MemoryStream();
        stream.CopyTo(content);
        return content.ToArray();
    }

    private static Dictionary<string, string> ReadUevent(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
        }

        return values;
    }

    private static string ReadAttribute(string path) => File.ReadAllText(path).TrimEnd('\n', '\0', ' ');

    private static string? ReadOptionalAttribute(string path) => File.Exists(path) ? NullIfEmpty(ReadAttribute(path)) : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Parent(string path) =>
        Path.GetDirectoryName(path) ?? throw new IOException($"{path} has no parent directory.");

    private static long NodeNumber(string path) =>
        long.TryParse(Path.GetFileName(path).AsSpan("hidraw".Length), CultureInfo.InvariantCulture, out var number) ? number : long.MaxValue;
}
