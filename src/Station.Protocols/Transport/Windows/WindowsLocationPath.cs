namespace Station.Protocols.Transport.Windows;

/// <summary>
/// Turns a Windows device location path (DEVPKEY_Device_LocationPaths) into Station's port path.
/// <c>PCIROOT(0)#PCI(1400)#USBROOT(0)#USB(4)#USB(2)</c> (root hub port 4, then hub port 2)
/// becomes <c>PCIROOT(0)#PCI(1400)#USBROOT(0)-4.2</c>: the host controller's location, a dash,
/// then the port chain written as Linux writes it after the bus number (<c>1-4.2</c>). A
/// trailing <c>#USBMI(n)</c> (an interface of a composite device) is dropped, so every interface
/// of one device has the same port path. Pure.
/// </summary>
internal static class WindowsLocationPath
{
    private const string UsbRoot = "#USBROOT(";
    private const string UsbHop = "USB(";
    private const string UsbInterface = "USBMI(";

    /// <summary>The port path from the first USB location among <paramref name="locationPaths"/>, or null when none is on USB.</summary>
    public static string? ToPortPath(IEnumerable<string> locationPaths) =>
        locationPaths.Select(ToPortPath).FirstOrDefault(path => path is not null);

    /// <summary>The port path of one location path, or null when it is not a USB device location.</summary>
    public static string? ToPortPath(string locationPath)
    {
        var root = locationPath.IndexOf(UsbRoot, StringComparison.OrdinalIgnoreCase);
        if (root < 0)
        {
            return null;
        }

        var elements = locationPath.Split('#');
        var rootIndex = Array.FindIndex(elements, e => e.StartsWith(UsbRoot[1..], StringComparison.OrdinalIgnoreCase));
        var ports = new List<string>();
        foreach (var element in elements.Skip(rootIndex + 1))
        {
            if (element.StartsWith(UsbInterface, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            if (!element.StartsWith(UsbHop, StringComparison.OrdinalIgnoreCase) || !element.EndsWith(')'))
            {
                return null;
            }

            var number = element[UsbHop.Length..^1];
            if (number.Length == 0 || !number.All(char.IsAsciiDigit))
            {
                return null;
            }

            ports.Add(number);
        }

        return ports.Count == 0 ? null : string.Join('#', elements[..(rootIndex + 1)]) + "-" + string.Join('.', ports);
    }

    /// <summary>Splits a REG_MULTI_SZ / DEVPROP_TYPE_STRING_LIST value (UTF-16, each string NUL-terminated, a final NUL).</summary>
    public static IReadOnlyList<string> SplitMultiString(ReadOnlySpan<char> value)
    {
        var strings = new List<string>();
        while (!value.IsEmpty)
        {
            var end = value.IndexOf('\0');
            var item = end < 0 ? value : value[..end];
            if (item.IsEmpty)
            {
                break;
            }

            strings.Add(item.ToString());
            value = end < 0 ? [] : value[(end + 1)..];
        }

        return strings;
    }
}
